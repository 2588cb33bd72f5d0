package io.stratus.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratus.compute.Fleet;
import io.stratus.compute.Instance;
import io.stratus.compute.InstanceCatalog;
import io.stratus.compute.LaunchSpec;
import io.stratus.compute.PurchaseOption;
import io.stratus.hypervisor.CpuSharing;
import io.stratus.infra.HostSpec;
import io.stratus.infra.HostTable;
import io.stratus.infra.Zone;
import io.stratus.sim.Simulation;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Spot signals are counted per pool without garbage, and the outcome names pools TYPE@ZONE in name order. */
class SpotCountsTest {

    /** Spot instances: m5.large and c5.large in zone 1, m5.large and m5.xlarge in zone 0. */
    private static List<Instance> spotInstances() {
        Simulation sim = new Simulation(1);
        HostTable hosts = new HostTable(List.of(new Zone(0, "a"), new Zone(1, "b")));
        hosts.addHosts(new HostSpec("h", "m5", 96, 384 * 1024), 0, 1);
        hosts.addHosts(new HostSpec("h", "m5", 96, 384 * 1024), 1, 1);
        Fleet fleet = new Fleet(sim, hosts, "first-fit", new CpuSharing(sim, (i, a, n) -> { }));
        InstanceCatalog catalog = InstanceCatalog.bundled();
        List<Instance> out = new ArrayList<>();
        String[][] launches = {{"m5.large", "1"}, {"c5.large", "1"}, {"m5.large", "0"}, {"m5.xlarge", "0"}};
        for (String[] l : launches) {
            LaunchSpec spec = new LaunchSpec(catalog.get(l[0]), Integer.parseInt(l[1]), 0, 0)
                    .withPurchase(PurchaseOption.SPOT);
            out.add(fleet.instance(fleet.launch(spec)));
        }
        return out;
    }

    @Test
    void outcomeCountsEachPoolAndOrdersPoolsByName() {
        List<Instance> spot = spotInstances();
        SpotCounts counts = new SpotCounts(id -> true);
        spot.forEach(counts::launched);
        counts.launched(spot.get(0)); // a second launch in m5.large@1
        counts.noticed(spot.get(0), 0, 0);
        counts.noticed(spot.get(3), 0, 0);
        counts.reclaimed(spot.get(3), 0);
        SpotOutcome outcome = counts.outcome(null, 1.0, Map.of("m5.large@1", 7200L));
        assertThat(outcome.pools()).containsExactly(
                new SpotPoolOutcome("c5.large@1", 1, 0, 0, 0),
                new SpotPoolOutcome("m5.large@0", 1, 0, 0, 0),
                new SpotPoolOutcome("m5.large@1", 2, 1, 0, 2.0),
                new SpotPoolOutcome("m5.xlarge@0", 1, 1, 1, 0));
    }

    @Test
    void noticesAndReclaimsAllocateNothing() {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        List<Instance> spot = spotInstances();
        SpotCounts counts = new SpotCounts(id -> true);
        spot.forEach(counts::launched);
        for (int round = 0; round < 3; round++) { // warm up the JIT
            signal(counts, spot);
        }
        long before = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
        signal(counts, spot);
        long allocated = threads.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
        assertThat(allocated).isLessThan(64 * 1024); // 200,000 signals: no per-signal garbage
    }

    private static void signal(SpotCounts counts, List<Instance> spot) {
        for (int i = 0; i < 100_000; i++) {
            Instance instance = spot.get(i & 3);
            counts.noticed(instance, 0, 0);
            counts.reclaimed(instance, 0);
        }
    }
}
