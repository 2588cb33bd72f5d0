package io.stratus.gpu;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

/**
 * Invariants of GPU placement under a random mix of arrivals and departures on small random
 * clusters, for every policy: no node over its CPU, memory or any GPU over 1000 thousandths; GPU
 * models respected; arrived = placed + pending + never placed; the cached fragmentation equals a
 * recomputation ({@link GpuCluster#checkInvariants()}); and no pending pod fits any node (the
 * retry on the freed node alone misses nothing).
 */
class GpuClusterPropertiesTest {

    @Provide
    Arbitrary<String> policies() {
        return Arbitraries.of(GpuPolicies.names());
    }

    @Property(seed = "20261129", tries = 300)
    void placementKeepsItsInvariants(@ForAll("policies") String policy, @ForAll @LongRange(min = 0) long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        String[] modelNames = {"T4", "V100", "A10"};
        List<GpuNode> nodes = new ArrayList<>();
        int nodeCount = 1 + rnd.nextInt(6);
        for (int i = 0; i < nodeCount; i++) {
            int gpus = rnd.nextInt(5);
            nodes.add(new GpuNode("n" + i, 4000 * (1 + rnd.nextInt(8)), 8192L * (1 + rnd.nextInt(8)), gpus,
                    gpus == 0 ? "" : modelNames[rnd.nextInt(modelNames.length)]));
        }
        GpuModels models = new GpuModels(nodes);
        int podCount = 20 + rnd.nextInt(80);
        int[][] requests = new int[podCount][];
        long[] masks = new long[podCount];
        PodMix.Builder mixBuilder = new PodMix.Builder();
        for (int p = 0; p < podCount; p++) {
            int gpus = new int[] {0, 1, 1, 1, 2, 3}[rnd.nextInt(6)];
            int milli = gpus == 1 ? 50 * (1 + rnd.nextInt(20)) : 1000;
            requests[p] = new int[] {1000 * (1 + rnd.nextInt(12)), 1024 * (1 + rnd.nextInt(16)), gpus, milli};
            String spec = rnd.nextInt(3) == 0 ? modelNames[rnd.nextInt(modelNames.length)] : "";
            masks[p] = models.mask(spec);
            mixBuilder.add(requests[p][0], requests[p][1], gpus, milli, masks[p]);
        }
        PodMix mix = mixBuilder.build();
        GpuPods pods = new GpuPods();
        GpuCluster cluster = new GpuCluster(nodes, models, mix, GpuPolicies.create(policy, mix), pods);
        List<Integer> present = new ArrayList<>();
        long now = 0;
        int next = 0;
        while (next < podCount || !present.isEmpty()) {
            now += rnd.nextInt(3) * 1_000_000L;
            if (next < podCount && (present.isEmpty() || rnd.nextInt(3) > 0)) {
                int[] r = requests[next];
                int id = pods.add(r[0], r[1], r[2], r[3], masks[next], now);
                cluster.arrive(id, now);
                present.add(id);
                next++;
            } else {
                int id = present.remove(rnd.nextInt(present.size()));
                cluster.depart(id, now);
            }
            cluster.checkInvariants();
            for (int p : present) {
                if (cluster.isPending(p)) {
                    for (int n = 0; n < nodes.size(); n++) {
                        assertThat(GpuFit.fits(cluster, pods, p, n)).as("pending pod %d fits node %d", p, n).isFalse();
                    }
                }
            }
        }
        assertThat(cluster.arrived()).isEqualTo(podCount);
        assertThat(cluster.placed() + cluster.neverPlaced()).isEqualTo(podCount);
        assertThat(cluster.gpuAllocated()).isZero();
    }
}
