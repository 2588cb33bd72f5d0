package io.stratus.workload;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratus.compute.Fleet;
import io.stratus.compute.InstanceCatalog;
import io.stratus.compute.LaunchSpec;
import io.stratus.compute.NodeAllocatable;
import io.stratus.hypervisor.CpuSharing;
import io.stratus.infra.HostSpec;
import io.stratus.infra.HostTable;
import io.stratus.infra.Zone;
import io.stratus.pricing.OnDemandBilling;
import io.stratus.sim.Simulation;
import io.stratus.sim.Time;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hand-worked container placements on EC2 nodes, from the bundled allocatable figures. */
class ContainerClusterTest {

    // m5.large: 1930 m, 6903 MiB, 29 pods, $0.096/h; m5.xlarge: 3920 m, 14162 MiB, 58 pods, $0.192/h
    static ContainerCluster.NodeType node(String name) {
        return new ContainerCluster.NodeType(new LaunchSpec(InstanceCatalog.bundled().get(name), -1, Time.seconds(60),
                Time.seconds(10)), NodeAllocatable.bundled().of(name).orElseThrow());
    }

    Simulation sim;
    Fleet fleet;
    HostTable hosts;
    OnDemandBilling billing;

    ContainerCluster cluster(ContainerCluster.Autoscaler autoscaler, long consolidation, String... types) {
        sim = new Simulation(3);
        hosts = new HostTable(List.of(new Zone(0, "a")));
        hosts.addHosts(new HostSpec("h", "m5", 96, 384L * 1024), 0, 2);
        fleet = new Fleet(sim, hosts, "first-fit", new CpuSharing(sim, (i, a, n) -> { }));
        billing = new OnDemandBilling();
        fleet.addListener(billing);
        ContainerCluster c = new ContainerCluster(sim, fleet, hosts, java.util.Arrays.stream(types)
                .map(ContainerClusterTest::node).toList(), autoscaler, ContainerCluster.PodPlacement.BEST_FIT, 50,
                Time.seconds(600), consolidation);
        fleet.addListener(c);
        c.start();
        return c;
    }

    @Test
    void theBundledTableHasTheEniPodLimits() {
        // VPC CNI: m5.large 3 ENIs x (10 - 1) + 2 = 29; m5.24xlarge 15 x (50 - 1) + 2 = 737
        assertThat(NodeAllocatable.bundled().of("m5.large").orElseThrow().maxPods()).isEqualTo(29);
        assertThat(NodeAllocatable.bundled().of("m5.24xlarge").orElseThrow().maxPods()).isEqualTo(737);
    }

    @Test
    void podsPackByCpuThenANewNodeIsAdded() {
        // 500 m pods: three fit an m5.large (1500 of 1930 m); the fourth (2000 m) needs a second node
        ContainerCluster c = cluster(ContainerCluster.Autoscaler.CLUSTER_AUTOSCALER, 0, "m5.large");
        int web = c.addDeployment(500, 1024);
        c.scheduleReplicas(web, 0, 3);
        sim.runUntil(Time.seconds(1));
        assertThat(c.liveNodes()).isEqualTo(1);
        c.scheduleReplicas(web, Time.seconds(2), 4);
        sim.runUntil(Time.seconds(3));
        assertThat(c.liveNodes()).isEqualTo(2);
        assertThat(c.overrun()).isNull();
    }

    @Test
    void theEniLimitCapsPodsPerNode() {
        // 30 tiny pods: CPU and memory would hold all on one m5.large, its 29 pod places do not
        ContainerCluster c = cluster(ContainerCluster.Autoscaler.CLUSTER_AUTOSCALER, 0, "m5.large");
        c.scheduleReplicas(c.addDeployment(10, 10), 0, 30);
        sim.runUntil(Time.seconds(1));
        assertThat(c.liveNodes()).isEqualTo(2);
        assertThat(c.waitingPods()).isZero();
        assertThat(c.overrun()).isNull();
    }

    @Test
    void karpenterReplacesAnUnderusedNodeWithACheaperType() {
        // 6 x 500 m = 3000 m waiting: the cheapest type holding them all is m5.xlarge (m5.large has 1930 m).
        // At 100 s replicas drop to 2 (1000 m). The consolidation step at 300 s finds no other node to
        // move them to, and m5.large ($0.096 < $0.192) holds them: an m5.large is launched, the pods move,
        // the m5.xlarge ends. The cluster autoscaler never replaces (it only deletes).
        ContainerCluster k = cluster(ContainerCluster.Autoscaler.KARPENTER, Time.seconds(300), "m5.xlarge", "m5.large");
        int web = k.addDeployment(500, 1024);
        k.scheduleReplicas(web, 0, 6);
        k.scheduleReplicas(web, Time.seconds(100), 2);
        sim.runUntil(Time.seconds(10));
        assertThat(k.liveNodes(0)).isEqualTo(1);
        assertThat(k.liveNodes(1)).isZero();
        sim.runUntil(Time.seconds(400));
        assertThat(k.replacements()).isEqualTo(1);
        assertThat(k.liveNodes(0)).isZero();
        assertThat(k.liveNodes(1)).isEqualTo(1);
        assertThat(k.overrun()).isNull();

        ContainerCluster ca = cluster(ContainerCluster.Autoscaler.CLUSTER_AUTOSCALER, Time.seconds(300), "m5.xlarge",
                "m5.large");
        int web2 = ca.addDeployment(500, 1024);
        ca.scheduleReplicas(web2, 0, 6);
        ca.scheduleReplicas(web2, Time.seconds(100), 2);
        sim.runUntil(Time.seconds(400));
        assertThat(ca.replacements()).isZero();
        assertThat(ca.liveNodes(0)).isEqualTo(1);
    }

    @Test
    void consolidationDeletesANodeWhosePodsFitElsewhere() {
        // 4 x 900 m on m5.large: two per node (1800 of 1930 m), 2 nodes. Replicas -> 3 at 100 s: the
        // newest pod goes, node 2 holds one (47%). At 300 s its pod cannot fit node 1 (1800 + 900 > 1930):
        // no deletion. Replicas -> 2 at 400 s: node 2 empties and is scaled in 10 min after, billed
        // from 60 s (boot) to 1000 s; the cluster autoscaler's step never moved a pod.
        ContainerCluster c = cluster(ContainerCluster.Autoscaler.CLUSTER_AUTOSCALER, Time.seconds(300), "m5.large");
        int web = c.addDeployment(900, 1024);
        c.scheduleReplicas(web, 0, 4);
        c.scheduleReplicas(web, Time.seconds(100), 3);
        c.scheduleReplicas(web, Time.seconds(400), 2);
        sim.runUntil(Time.seconds(1100));
        assertThat(c.consolidations()).isZero();
        assertThat(c.liveNodes()).isEqualTo(1);
        billing.close(sim.now());
        // node 1: 60..1100 s = 1040 s; node 2: 60..1000 s = 940 s
        assertThat(billing.billedSecondsByType()).containsEntry("m5.large", 1980L);
    }
}
