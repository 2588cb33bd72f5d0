package io.stratus.bench;

import ch.qos.logback.classic.Level;
import java.util.ArrayList;
import java.util.List;
import org.cloudsimplus.allocationpolicies.VmAllocationPolicyFirstFit;
import org.cloudsimplus.brokers.DatacenterBrokerSimple;
import org.cloudsimplus.cloudlets.Cloudlet;
import org.cloudsimplus.cloudlets.CloudletSimple;
import org.cloudsimplus.core.CloudSimPlus;
import org.cloudsimplus.datacenters.DatacenterSimple;
import org.cloudsimplus.hosts.Host;
import org.cloudsimplus.hosts.HostSimple;
import org.cloudsimplus.resources.Pe;
import org.cloudsimplus.resources.PeSimple;
import org.cloudsimplus.schedulers.cloudlet.CloudletSchedulerTimeShared;
import org.cloudsimplus.util.Log;
import org.cloudsimplus.utilizationmodels.UtilizationModelFull;
import org.cloudsimplus.vms.Vm;
import org.cloudsimplus.vms.VmSimple;

/**
 * The race scenario on CloudSim Plus 8.5.7 (GPL-3.0, benchmarks module only), set up as its
 * examples do: {@link HostSimple} hosts of 32 {@link PeSimple} PEs, {@link VmAllocationPolicyFirstFit}
 * (which is next fit), {@link CloudletSchedulerTimeShared} in every VM, one-PE cloudlets with
 * {@link UtilizationModelFull}, and the default {@link DatacenterBrokerSimple}, whose default
 * mapper assigns cloudlets round robin to the created VMs. Logging is off. VM bandwidth and image
 * size are set to 1 so that only PEs and RAM decide placement, as in Stratus.
 */
final class CloudSimPlusRace {

    private CloudSimPlusRace() {
    }

    /**
     * Runs the scenario; {@code scale} multiplies both the PE MIPS and every cloudlet length, which
     * leaves every exact finish time unchanged but makes CloudSim Plus's truncations to whole MIPS
     * and whole MI per update {@code scale} times smaller (1 for the scenario as specified).
     */
    static RaceResult run(RaceScenario s, long scale) {
        Log.setLevel(Level.OFF);
        HeapPeak.reset();
        long start = System.nanoTime();
        CloudSimPlus sim = new CloudSimPlus();
        List<Host> hosts = new ArrayList<>(s.hosts);
        for (int h = 0; h < s.hosts; h++) {
            List<Pe> pes = new ArrayList<>(RaceScenario.HOST_CORES);
            for (int p = 0; p < RaceScenario.HOST_CORES; p++) {
                pes.add(new PeSimple(RaceScenario.MIPS * scale));
            }
            hosts.add(new HostSimple(RaceScenario.HOST_MEMORY_MIB, 1_000_000_000L, 1_000_000_000L, pes));
        }
        new DatacenterSimple(sim, hosts, new VmAllocationPolicyFirstFit());
        DatacenterBrokerSimple broker = new DatacenterBrokerSimple(sim);
        int vms = s.vmCores.length;
        List<Vm> vmList = new ArrayList<>(vms);
        for (int v = 0; v < vms; v++) {
            Vm vm = new VmSimple(v, RaceScenario.MIPS * scale, s.vmCores[v]);
            vm.setRam(s.vmMemoryMib[v]).setBw(1).setSize(1);
            vm.setCloudletScheduler(new CloudletSchedulerTimeShared());
            vmList.add(vm);
        }
        int jobs = s.jobLengthMi.length;
        List<Cloudlet> cloudlets = new ArrayList<>(jobs);
        for (int j = 0; j < jobs; j++) {
            Cloudlet c = new CloudletSimple(j, s.jobLengthMi[j] * scale, 1);
            c.setUtilizationModelCpu(new UtilizationModelFull());
            c.setSizes(1);
            cloudlets.add(c);
        }
        broker.submitVmList(vmList);
        broker.submitCloudletList(cloudlets);
        sim.start();
        double wall = (System.nanoTime() - start) / 1e9;
        long heap = HeapPeak.bytes();
        int[] jobVm = new int[jobs];
        double[] finish = new double[jobs];
        double[] started = new double[jobs];
        java.util.Arrays.fill(jobVm, -1);
        java.util.Arrays.fill(started, Double.NaN);
        java.util.Arrays.fill(finish, Double.NaN);
        double end = 0;
        for (Cloudlet c : broker.getCloudletFinishedList()) {
            int j = (int) c.getId();
            jobVm[j] = (int) c.getVm().getId();
            finish[j] = c.getFinishTime();
            started[j] = c.getStartTime();
            end = Math.max(end, c.getFinishTime());
        }
        int created = vms - broker.getVmFailedList().size();
        return new RaceResult("cloudsimplus", s.hosts, created, wall, sim.getGeneratedEventsNumber(), heap, end,
                jobVm, started, finish);
    }
}
