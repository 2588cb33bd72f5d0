package io.stratus.bench;

import io.stratus.compute.Fleet;
import io.stratus.compute.InstanceCategory;
import io.stratus.compute.InstanceType;
import io.stratus.compute.LaunchSpec;
import io.stratus.hypervisor.CpuSharing;
import io.stratus.infra.HostSpec;
import io.stratus.infra.HostTable;
import io.stratus.infra.Zone;
import io.stratus.sim.Simulation;
import java.util.Arrays;
import java.util.List;

/**
 * The race scenario on the Stratus engine: {@link Simulation}, {@link HostTable}, a registry
 * placement policy, {@link Fleet} (zero boot time) and {@link CpuSharing}'s processor-sharing
 * CPUs, with each job's work in microseconds = MI / MIPS.
 *
 * <p>Which job finished: {@link CpuSharing} reports completions per instance, not per job. All of
 * a VM's jobs arrive at time 0 and share its vCPUs by processor sharing, so they finish in order
 * of length (equal lengths finish together); the k-th completion on a VM is its k-th shortest job.
 */
final class StratusRace {

    private StratusRace() {
    }

    static RaceResult run(RaceScenario s, String policyName, long seed) {
        HeapPeak.reset();
        long start = System.nanoTime();
        Simulation sim = new Simulation(seed);
        HostTable hosts = new HostTable(List.of(new Zone(0, "race-a")));
        hosts.addHosts(new HostSpec("race-host", "race", RaceScenario.HOST_CORES, RaceScenario.HOST_MEMORY_MIB),
                0, s.hosts);
        int jobs = s.jobLengthMi.length;
        int[] jobVm = new int[jobs];
        long[] finishMicros = new long[jobs];
        int vms = s.vmCores.length;
        int[] order = new int[jobs];
        int[] firstOfVm = new int[vms + 1];
        int[] done = new int[vms];
        CpuSharing[] cpusRef = new CpuSharing[1];
        CpuSharing cpus = new CpuSharing(sim, (vm, arrival, now) -> {
            finishMicros[order[firstOfVm[vm] + done[vm]++]] = now;
        });
        cpusRef[0] = cpus;
        Fleet fleet = new Fleet(sim, hosts, policyName, cpus);
        int created = 0;
        int[] vmOfInstance = new int[vms];
        for (int v = 0; v < vms; v++) {
            int c = s.vmCores[v];
            InstanceType type = new InstanceType("race." + c + "x" + s.vmMemoryMib[v], "race",
                    InstanceCategory.GENERAL_PURPOSE, c + "x" + s.vmMemoryMib[v], c, s.vmMemoryMib[v] / 1024.0,
                    0, 0, 0, 0, Double.NaN);
            if (fleet.launch(new LaunchSpec(type, -1, 0, 0)) >= 0) {
                vmOfInstance[created++] = v;
            }
        }
        int createdVms = created;
        // round robin over created VMs in creation order (instance ids are dense in launch order)
        int[] count = new int[vms];
        for (int j = 0; j < jobs; j++) {
            jobVm[j] = createdVms == 0 ? -1 : j % createdVms;
            if (createdVms > 0) {
                count[jobVm[j]]++;
            }
        }
        for (int v = 0; v < vms; v++) {
            firstOfVm[v + 1] = firstOfVm[v] + count[v];
        }
        int[] fill = Arrays.copyOf(firstOfVm, vms);
        for (int j = 0; j < jobs; j++) {
            if (jobVm[j] >= 0) {
                order[fill[jobVm[j]]++] = j;
            }
        }
        for (int v = 0; v < createdVms; v++) {
            sortByLength(order, firstOfVm[v], firstOfVm[v + 1], s.jobLengthMi);
        }
        int submitKind = sim.registerKind("race-submit", (subject, data) -> {
            for (int j = 0; j < jobs; j++) {
                if (jobVm[j] >= 0) {
                    cpusRef[0].submit(jobVm[j], RaceScenario.workMicros(s.jobLengthMi[j]));
                }
            }
        });
        sim.schedule(0, submitKind, 0, 0);
        sim.run();
        double wall = (System.nanoTime() - start) / 1e9;
        long heap = HeapPeak.bytes();
        double[] finish = new double[jobs];
        for (int j = 0; j < jobs; j++) {
            finish[j] = jobVm[j] >= 0 ? finishMicros[j] / 1e6 : Double.NaN;
            jobVm[j] = jobVm[j] >= 0 ? vmOfInstance[jobVm[j]] : -1;
        }
        return new RaceResult("stratus", s.hosts, createdVms, wall, sim.eventsRun(), heap, sim.now() / 1e6,
                jobVm, new double[jobs], finish);
    }

    /** Sorts order[from, to) by (length, job number), with an insertion sort per VM (about 10 jobs). */
    private static void sortByLength(int[] order, int from, int to, long[] length) {
        for (int i = from + 1; i < to; i++) {
            int j = order[i];
            int k = i - 1;
            while (k >= from && (length[order[k]] > length[j] || (length[order[k]] == length[j] && order[k] > j))) {
                order[k + 1] = order[k];
                k--;
            }
            order[k + 1] = j;
        }
    }
}
