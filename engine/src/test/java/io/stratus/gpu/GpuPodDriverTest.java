package io.stratus.gpu;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratus.sim.Simulation;
import io.stratus.sim.Time;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One pod stream into two clusters (first fit and best fit) on the two-node cluster of
 * {@link GpuClusterTest}: both see every pod at the same time, copies follow the load factor, and
 * departures leave every cluster.
 */
class GpuPodDriverTest {

    private static final List<GpuNode> NODES = GpuClusterTest.NODES;
    private static final GpuModels MODELS = GpuClusterTest.MODELS;
    private static final PodMix MIX = GpuClusterTest.MIX;

    private final Simulation sim = new Simulation(7);
    private final GpuPods pods = new GpuPods();
    private final List<GpuCluster> clusters = List.of(
            new GpuCluster(NODES, MODELS, MIX, GpuPolicies.create("first-fit", MIX), pods),
            new GpuCluster(NODES, MODELS, MIX, GpuPolicies.create("best-fit", MIX), pods));

    private GpuPodDriver driver(double loadFactor, boolean departures) {
        return new GpuPodDriver(sim, "gpu", clusters, pods, loadFactor, departures, sim.random().stream("gpu/load"));
    }

    @Test
    void everyClusterSeesEveryPodAndItsDeparture() {
        GpuPodDriver driver = driver(1, true);
        driver.offer(1000, 1024, 1, 500, GpuModels.ANY, Time.seconds(10));
        driver.offer(1000, 1024, 1, 1000, GpuModels.ANY, Time.seconds(20));
        for (GpuCluster c : clusters) {
            assertThat(c.arrived()).isEqualTo(2);
            assertThat(c.running()).isEqualTo(2);
        }
        sim.runUntil(Time.seconds(15));
        for (GpuCluster c : clusters) {
            assertThat(c.running()).isEqualTo(1);
        }
        sim.runUntil(Time.seconds(25));
        for (GpuCluster c : clusters) {
            assertThat(c.running()).isZero();
            c.checkInvariants();
        }
    }

    @Test
    void aWholeLoadFactorGivesThatManyCopiesAndNoDeparturesKeepsThem() {
        GpuPodDriver driver = driver(3, false);
        driver.offer(1000, 1024, 0, 0, GpuModels.ANY, Time.seconds(1));
        sim.runUntil(Time.seconds(10));
        for (GpuCluster c : clusters) {
            assertThat(c.arrived()).isEqualTo(3);
            assertThat(c.running()).isEqualTo(3);
        }
    }

    @Test
    void aFractionalLoadFactorAddsACopyWithThatProbability() {
        GpuPodDriver driver = driver(1.25, false);
        int offers = 4000;
        for (int i = 0; i < offers; i++) {
            driver.offer(1, 1, 0, 0, GpuModels.ANY, 0);
        }
        // copies: 1 each, plus one more with probability 0.25: mean 1.25 x 4000 = 5000, sd sqrt(4000 x 0.1875) = 27
        long arrived = clusters.get(0).arrived();
        assertThat(arrived).isBetween(5000L - 5 * 27, 5000L + 5 * 27);
        assertThat(clusters.get(1).arrived()).isEqualTo(arrived);
    }
}
