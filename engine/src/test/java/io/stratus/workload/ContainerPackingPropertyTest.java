package io.stratus.workload;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratus.compute.Fleet;
import io.stratus.hypervisor.CpuSharing;
import io.stratus.infra.HostSpec;
import io.stratus.infra.HostTable;
import io.stratus.infra.Zone;
import io.stratus.sim.Simulation;
import io.stratus.sim.Time;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Containers never exceed a node's allocatable CPU, memory or pod count, whatever the deployments,
 * replica changes, autoscaler, placement policy, consolidation and node losses: checked every
 * simulated minute against a recount of each node's pods ({@link ContainerCluster#overrun()}).
 */
class ContainerPackingPropertyTest {

    /** A deployment's pod requests and a replica change: millicores, MiB, at second, replicas. */
    record Change(int millicpu, int memoryMib, long atS, int replicas) {
    }

    @Provide
    Arbitrary<List<Change>> changes() {
        return Combinators.combine(Arbitraries.integers().between(10, 3900), Arbitraries.integers().between(16, 14000),
                Arbitraries.longs().between(0, 7200), Arbitraries.integers().between(0, 80))
                .as(Change::new).list().ofMinSize(1).ofMaxSize(12);
    }

    @Property(seed = "1617", tries = 60)
    void podsNeverOverrunANode(@ForAll("changes") List<Change> changes, @ForAll @IntRange(min = 0, max = 5) int setup,
                               @ForAll @IntRange(min = 0, max = 7200) int hostFailureS) {
        Simulation sim = new Simulation(5);
        HostTable hosts = new HostTable(List.of(new Zone(0, "a")));
        hosts.addHosts(new HostSpec("h", "m5", 96, 384L * 1024), 0, 3);
        Fleet fleet = new Fleet(sim, hosts, "first-fit", new CpuSharing(sim, (i, a, n) -> { }));
        ContainerCluster.Autoscaler autoscaler = ContainerCluster.Autoscaler.values()[setup % 2];
        ContainerCluster.PodPlacement placement = ContainerCluster.PodPlacement.values()[setup % 3];
        ContainerCluster c = new ContainerCluster(sim, fleet, hosts,
                List.of(ContainerClusterTest.node("m5.xlarge"), ContainerClusterTest.node("m5.large"),
                        ContainerClusterTest.node("m5.2xlarge")),
                autoscaler, placement, 40, Time.seconds(120), Time.seconds(300));
        fleet.addListener(c);
        c.start();
        for (Change ch : changes) {
            // each change is its own deployment, created with no pods and scaled at its time
            c.scheduleReplicas(c.addDeployment(ch.millicpu(), ch.memoryMib()), Time.seconds(ch.atS()), ch.replicas());
        }
        fleet.scheduleHostFailure(0, Time.seconds(hostFailureS));
        for (long t = 0; t <= 3 * Time.HOUR; t += Time.MINUTE) {
            sim.runUntil(t);
            assertThat(c.overrun()).as("at %d s", t / Time.SECOND).isNull();
            assertThat(c.liveNodes()).isLessThanOrEqualTo(40);
        }
    }
}
