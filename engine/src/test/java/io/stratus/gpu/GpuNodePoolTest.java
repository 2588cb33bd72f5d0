package io.stratus.gpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.stratus.compute.Fleet;
import io.stratus.compute.InstanceCatalog;
import io.stratus.compute.InstanceState;
import io.stratus.compute.InstanceType;
import io.stratus.hypervisor.CompletionFanout;
import io.stratus.hypervisor.CpuSharing;
import io.stratus.infra.HostSpec;
import io.stratus.infra.HostTable;
import io.stratus.infra.Zone;
import io.stratus.pricing.OnDemandBilling;
import io.stratus.sim.Simulation;
import io.stratus.sim.Time;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Hand-worked cases of a GPU cluster whose nodes are EC2 instances from the catalogue: node 0 a
 * g4dn.12xlarge (48 vCPUs, 192 GiB, four T4, $3.912 an hour), node 1 a g5.xlarge (4 vCPUs, 16 GiB,
 * one A10G, $1.006 an hour), booting in 60 s, in a region that also has one m5 host.
 */
class GpuNodePoolTest {

    static final InstanceCatalog CATALOG = InstanceCatalog.bundled();
    static final InstanceType G4DN = CATALOG.get("g4dn.12xlarge");
    static final InstanceType G5 = CATALOG.get("g5.xlarge");
    static final long BOOT = 60 * Time.SECOND;

    final Simulation sim = new Simulation(1);
    final HostTable hosts = new HostTable(List.of(new Zone(0, "a")));
    final Fleet fleet;
    final List<GpuNode> nodes = List.of(GpuNodeTypes.nodeOf("n0", G4DN), GpuNodeTypes.nodeOf("n1", G5));
    final GpuModels models = new GpuModels(nodes);
    final PodMix mix = new PodMix.Builder().add(1000, 1024, 1, 500, GpuModels.ANY).build();
    final GpuPods pods = new GpuPods();
    final GpuCluster cluster = new GpuCluster(nodes, models, mix, GpuPolicies.create("first-fit", mix), pods);
    final OnDemandBilling billing = new OnDemandBilling();
    final GpuNodePool pool;

    GpuNodePoolTest() {
        hosts.addHosts(new HostSpec("m5-host", "m5", 96, 384 * 1024), 0, 1);
        fleet = new Fleet(sim, hosts, "first-fit", new CpuSharing(sim, new CompletionFanout()));
        fleet.addListener(billing);
        pool = new GpuNodePool(sim, fleet, hosts, 0, List.of(G4DN, G5), BOOT, 0, List.of(cluster));
    }

    @Test
    void nodesAreTheCatalogueTypesCapacities() {
        assertThat(nodes.get(0)).isEqualTo(new GpuNode("n0", 48_000, 192 * 1024, 4, "t4"));
        assertThat(nodes.get(1)).isEqualTo(new GpuNode("n1", 4_000, 16 * 1024, 1, "a10g"));
    }

    @Test
    void eachNodeIsAnInstanceOnAHostOfItsOwnSizedToItsType() {
        pool.launch();
        assertThat(hosts.hostCount()).isEqualTo(3);
        for (int node = 0; node < 2; node++) {
            int id = pool.instanceOf(node);
            assertThat(fleet.instance(id).host()).isEqualTo(1 + node).isEqualTo(pool.hostOf(node));
            assertThat(fleet.instance(id).type()).isEqualTo(node == 0 ? G4DN : G5);
            assertThat(hosts.freeThreads(1 + node)).isZero();
            assertThat(hosts.freeMemoryMib(1 + node)).isZero();
            assertThat(pool.owns(id)).isTrue();
        }
        assertThat(hosts.spec(1).name()).isEqualTo("g4dn.12xlarge-host");
        assertThat(hosts.freeThreads(0)).isEqualTo(96);
    }

    @Test
    void podsWaitForTheInstanceToRunThenAreEvictedWhenItsHostFails() {
        pool.launch();
        sim.runUntil(10 * Time.SECOND);
        int a10 = pods.add(1000, 1024, 1, 500, models.mask("a10g"), sim.now());
        cluster.arrive(a10, sim.now());
        assertThat(cluster.isPending(a10)).as("both nodes still pending").isTrue();
        sim.runUntil(BOOT);
        assertThat(pool.running()).isEqualTo(2);
        assertThat(cluster.nodeOf(a10)).as("placed when g5.xlarge runs").isEqualTo(1);
        assertThat(cluster.meanWaitMicros()).isEqualTo(50.0 * Time.SECOND);
        int two = pods.add(2000, 2048, 2, 1000, GpuModels.ANY, sim.now());
        cluster.arrive(two, sim.now());
        assertThat(cluster.nodeOf(two)).isZero();
        assertThat(cluster.gpusOf(two)).isEqualTo(0b11L);

        fleet.failHost(pool.hostOf(1));
        assertThat(fleet.state(pool.instanceOf(1))).isEqualTo(InstanceState.TERMINATED);
        assertThat(cluster.up(1)).isFalse();
        assertThat(cluster.evicted()).isEqualTo(1);
        assertThat(cluster.isPending(a10)).as("no other A10G node").isTrue();
        assertThat(cluster.nodeOf(two)).isZero();
        assertThat(cluster.gpuAllocated()).isEqualTo(2000);
        cluster.checkInvariants();
    }

    @Test
    void anEvictedPodGoesAtOnceToAnotherNodeWithRoom() {
        pool.launch();
        sim.runUntil(BOOT);
        int any = pods.add(1000, 1024, 1, 500, models.mask("a10g|t4"), sim.now());
        // fill node 0's CPU so that first fit puts the pod on node 1, then free it
        int big = pods.add(48_000, 1024, 0, 0, GpuModels.ANY, sim.now());
        cluster.arrive(big, sim.now());
        cluster.arrive(any, sim.now());
        assertThat(cluster.nodeOf(any)).isEqualTo(1);
        cluster.depart(big, sim.now());
        fleet.failHost(pool.hostOf(1));
        assertThat(cluster.nodeOf(any)).isZero();
        assertThat(cluster.gpusOf(any)).isEqualTo(1L);
        assertThat(cluster.evicted()).isEqualTo(1);
        assertThat(cluster.placed()).isEqualTo(3);
        cluster.checkInvariants();
    }

    @Test
    void theInstancesAreBilledPerSecondAtTheCataloguePriceFromRunning() {
        pool.launch();
        long end = BOOT + 2 * Time.HOUR + 30 * Time.SECOND;
        sim.runUntil(end);
        billing.close(end);
        // 7,230 s running each: 7,230 / 3,600 x ($3.912 + $1.006)
        assertThat(G4DN.onDemandUsdPerHour()).isEqualTo(3.912);
        assertThat(G5.onDemandUsdPerHour()).isEqualTo(1.006);
        assertThat(billing.totalUsd()).isCloseTo(7230.0 / 3600 * (3.912 + 1.006), within(1e-9));
        assertThat(billing.billedSecondsByType()).containsEntry("g4dn.12xlarge", 7230L).containsEntry("g5.xlarge", 7230L);
    }
}
