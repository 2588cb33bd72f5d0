package io.stratus.gpu;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratus.compute.Fleet;
import io.stratus.compute.Instance;
import io.stratus.compute.InstanceCatalog;
import io.stratus.compute.InstanceState;
import io.stratus.compute.InstanceType;
import io.stratus.hypervisor.CompletionFanout;
import io.stratus.hypervisor.CpuSharing;
import io.stratus.infra.HostTable;
import io.stratus.infra.Zone;
import io.stratus.sim.Simulation;
import io.stratus.sim.Time;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/**
 * Capacity is conserved on instance-backed GPU nodes under random arrivals, departures, host
 * failures and terminations: the cluster's invariants hold ({@link GpuCluster#checkInvariants()},
 * pods counted with evictions, nothing over capacity, no pod on a node that is down); a node is up
 * exactly while its instance runs; no pending pod fits an up node; and each node's host has its
 * instance's vCPUs and memory reserved exactly while the instance holds it.
 */
class GpuNodePoolPropertiesTest {

    static final List<InstanceType> TYPES = List.of("g4dn.xlarge", "g4dn.12xlarge", "g5.2xlarge", "g5.12xlarge",
            "p3dn.24xlarge", "g6.4xlarge", "m5.2xlarge").stream().map(InstanceCatalog.bundled()::get).toList();

    @Property(seed = "20261203", tries = 200)
    void capacityIsConservedOnInstanceNodes(@ForAll @LongRange(min = 0) long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        String policy = GpuPolicies.names().get(rnd.nextInt(GpuPolicies.names().size()));
        Simulation sim = new Simulation(seed);
        HostTable hosts = new HostTable(List.of(new Zone(0, "a")));
        Fleet fleet = new Fleet(sim, hosts, "first-fit", new CpuSharing(sim, new CompletionFanout()));
        List<InstanceType> types = new ArrayList<>();
        List<GpuNode> nodes = new ArrayList<>();
        for (int i = 1 + rnd.nextInt(5); i > 0; i--) {
            InstanceType t = TYPES.get(rnd.nextInt(TYPES.size()));
            types.add(t);
            nodes.add(GpuNodeTypes.nodeOf("n" + nodes.size(), t));
        }
        GpuModels models = new GpuModels(nodes);
        PodMix.Builder mixBuilder = new PodMix.Builder();
        int podCount = 20 + rnd.nextInt(60);
        int[][] requests = new int[podCount][];
        for (int p = 0; p < podCount; p++) {
            int gpus = new int[] {0, 1, 1, 1, 2, 4}[rnd.nextInt(6)];
            int milli = gpus == 1 ? 50 * (1 + rnd.nextInt(20)) : 1000;
            requests[p] = new int[] {1000 * (1 + rnd.nextInt(8)), 1024 * (1 + rnd.nextInt(16)), gpus, milli};
            mixBuilder.add(requests[p][0], requests[p][1], gpus, milli, GpuModels.ANY);
        }
        PodMix mix = mixBuilder.build();
        GpuPods pods = new GpuPods();
        GpuCluster cluster = new GpuCluster(nodes, models, mix, GpuPolicies.create(policy, mix), pods);
        GpuNodePool pool = new GpuNodePool(sim, fleet, hosts, 0, types, rnd.nextInt(3) * Time.MINUTE, Time.SECOND,
                List.of(cluster));
        pool.launch();
        List<Integer> present = new ArrayList<>();
        int next = 0;
        while (next < podCount || !present.isEmpty()) {
            sim.runUntil(sim.now() + rnd.nextInt(40) * Time.SECOND);
            long now = sim.now();
            int op = rnd.nextInt(20);
            if (op == 0) {
                fleet.failHost(pool.hostOf(rnd.nextInt(nodes.size())));
            } else if (op == 1) {
                int id = pool.instanceOf(rnd.nextInt(nodes.size()));
                if (fleet.state(id) == InstanceState.RUNNING) {
                    fleet.terminate(id);
                }
            } else if (next < podCount && (present.isEmpty() || op > 7)) {
                int[] r = requests[next];
                int id = pods.add(r[0], r[1], r[2], r[3], GpuModels.ANY, now);
                cluster.arrive(id, now);
                present.add(id);
                next++;
            } else if (!present.isEmpty()) {
                cluster.depart(present.remove(rnd.nextInt(present.size())), now);
            }
            check(cluster, pool, fleet, hosts, pods, present);
        }
        assertThat(cluster.arrived()).isEqualTo(podCount);
    }

    private static void check(GpuCluster cluster, GpuNodePool pool, Fleet fleet, HostTable hosts, GpuPods pods,
                              List<Integer> present) {
        cluster.checkInvariants();
        for (int node = 0; node < cluster.nodes(); node++) {
            InstanceState state = fleet.state(pool.instanceOf(node));
            assertThat(cluster.up(node)).as("node %d up iff %s running", node, state)
                    .isEqualTo(state == InstanceState.RUNNING);
            int host = pool.hostOf(node);
            Instance instance = state == InstanceState.TERMINATED ? null : fleet.instance(pool.instanceOf(node));
            boolean holds = instance != null && instance.host() == host;
            assertThat(hosts.freeThreads(host)).isEqualTo(hosts.spec(host).threads() - (holds ? instance.type().vcpus() : 0));
            assertThat(hosts.freeMemoryMib(host))
                    .isEqualTo(hosts.spec(host).memoryMib() - (holds ? instance.type().memoryMib() : 0));
        }
        for (int p : present) {
            if (cluster.isPending(p)) {
                for (int n = 0; n < cluster.nodes(); n++) {
                    assertThat(GpuFit.fits(cluster, pods, p, n)).as("pending pod %d fits node %d", p, n).isFalse();
                }
            }
        }
    }
}
