package io.stratus.gpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Hand-worked cases on a two-node cluster: node A (32 cores, 64 GiB, two T4) and node B (32 cores,
 * 64 GiB, one V100). The workload mix has two types, one pod each: X asks half a GPU, Y a whole GPU
 * (both 1 core, 1 GiB).
 */
class GpuClusterTest {

    static final List<GpuNode> NODES = List.of(
            new GpuNode("A", 32_000, 65_536, 2, "T4"),
            new GpuNode("B", 32_000, 65_536, 1, "V100"));
    static final GpuModels MODELS = new GpuModels(NODES);
    static final PodMix MIX = new PodMix.Builder()
            .add(1000, 1024, 1, 500, GpuModels.ANY)
            .add(1000, 1024, 1, 1000, GpuModels.ANY)
            .build();

    private final GpuPods pods = new GpuPods();

    private GpuCluster cluster(String policy) {
        return new GpuCluster(NODES, MODELS, MIX, GpuPolicies.create(policy, MIX), pods);
    }

    private int pod(int gpus, int milli) {
        return pod(gpus, milli, 0);
    }

    private int pod(int gpus, int milli, long arrival) {
        return pods.add(1000, 1024, gpus, milli, GpuModels.ANY, arrival);
    }

    /** Node A's GPU 0 half used (by a pod accepting T4 only); the next pod asks 400 thousandths of one GPU. */
    private GpuCluster afterHalfOnA(String policy) {
        GpuCluster c = cluster(policy);
        pods.add(1000, 1024, 1, 500, 1L << MODELS.id("T4"), 0);
        c.arrive(0, 0);
        assertThat(c.nodeOf(0)).isZero();
        assertThat(c.gpusOf(0)).isEqualTo(1L);
        c.arrive(pod(1, 400), 0);
        c.checkInvariants();
        return c;
    }

    @Test
    void firstFitTakesTheFirstGpuWithRoom() {
        GpuCluster c = afterHalfOnA("first-fit");
        assertThat(c.nodeOf(1)).isZero();
        assertThat(c.gpusOf(1)).isEqualTo(1L);
    }

    @Test
    void bestFitTakesTheNodeLeftWithLeastGpu() {
        // A would keep 1,100 free, B 600: B, its only GPU
        GpuCluster c = afterHalfOnA("best-fit");
        assertThat(c.nodeOf(1)).isEqualTo(1);
        assertThat(c.gpusOf(1)).isEqualTo(1L);
    }

    @Test
    void worstFitSpreadsToTheEmptiestGpu() {
        // A keeps 1,100 free (more than B's 600); on A, GPU 1 keeps 600 (GPU 0 would keep 100)
        GpuCluster c = afterHalfOnA("worst-fit");
        assertThat(c.nodeOf(1)).isZero();
        assertThat(c.gpusOf(1)).isEqualTo(2L);
    }

    @Test
    void fgdTakesTheCandidateThatLeastIncreasesFragmentation() {
        // F(node) = sum over types of the free GPU the type cannot use (one pod of each type).
        // Before: A (500, 1000): X uses both, 0; Y only GPU 1, 500 fragment -> 500. B (1000): 0.
        // A GPU 0 -> (100, 1000): X 100, Y 100 -> 200, change -300.
        // A GPU 1 -> (500, 600): X 0; Y fits nowhere, 1,100 -> 1,100, change +600.
        // B -> (600): X 0; Y fits nowhere, 600 -> change +600.
        GpuCluster c = afterHalfOnA("fgd");
        assertThat(c.nodeOf(1)).isZero();
        assertThat(c.gpusOf(1)).isEqualTo(1L);
        assertThat(c.gpuFree(0, 0)).isEqualTo(100);
    }

    @Test
    void fragmentationMatchesAHandComputation() {
        GpuCluster c = cluster("first-fit");
        c.arrive(pod(1, 500), 0);
        // A: 500 (Y's fragment) weighted by one pod of two; B: 0 -> 250 thousandths fragmented,
        // of 2,500 free: 10%
        assertThat(c.fragment(0)).isEqualTo(500);
        assertThat(c.fragment(1)).isZero();
        assertThat(c.gpuFragmented()).isEqualTo(250.0);
        assertThat(c.fragmentationRate()).isEqualTo(0.1);
        assertThat(c.allocationRatio()).isEqualTo(500.0 / 3000);
        // at 10 s a pod takes all of B's CPU: B's GPU becomes a fragment for both types
        pods.add(32_000, 0, 0, 0, GpuModels.ANY, 10_000_000);
        c.arrive(1, 10_000_000);
        assertThat(c.nodeOf(1)).isEqualTo(1);
        assertThat(c.fragment(1)).isEqualTo(2000);
        assertThat(c.gpuFragmented()).isEqualTo(1250.0);
        // over 20 s: (250 x 10 + 1,250 x 10) fragmented / (2,500 x 20) free = 0.3
        c.advance(20_000_000);
        assertThat(c.meanFragmentationRate()).isCloseTo(0.3, org.assertj.core.data.Offset.offset(1e-12));
        c.checkInvariants();
    }

    @Test
    void fractionalSharesPackOneGpu() {
        GpuCluster c = cluster("first-fit");
        c.arrive(pod(1, 500), 0);
        c.arrive(pod(1, 600), 0);
        c.arrive(pod(1, 500), 0);
        assertThat(c.gpusOf(0)).isEqualTo(1L);
        assertThat(c.gpusOf(1)).isEqualTo(2L);
        assertThat(c.gpusOf(2)).isEqualTo(1L);
        assertThat(c.gpuFree(0, 0)).isZero();
        assertThat(c.gpuFree(0, 1)).isEqualTo(400);
        assertThat(c.gpuAllocated()).isEqualTo(1600);
        c.checkInvariants();
    }

    @Test
    void wholeGpusNeedWhollyFreeGpusAndGpuSpecIsRespected() {
        GpuCluster c = cluster("first-fit");
        c.arrive(pod(1, 100), 0);                       // A GPU 0
        c.arrive(pod(2, 1000), 0);                      // A has one whole GPU, B one: nowhere
        assertThat(c.isPending(1)).isTrue();
        pods.add(1000, 1024, 1, 200, 1L << MODELS.id("V100"), 0);
        c.arrive(2, 0);                                 // first fit would say A; the spec says B
        assertThat(c.nodeOf(2)).isEqualTo(1);
        pods.add(1000, 1024, 1, 200, 0L, 0);            // accepts no model present: waits
        c.arrive(3, 0);
        assertThat(c.isPending(3)).isTrue();
        c.checkInvariants();
    }

    @Test
    void pendingPodsAreRetriedInOrderWhenCapacityFrees() {
        GpuCluster c = cluster("first-fit");
        c.arrive(pod(1, 1000), 0);                      // A GPU 0
        c.arrive(pod(1, 1000), 0);                      // A GPU 1
        c.arrive(pod(1, 1000), 0);                      // B
        c.arrive(pod(1, 1000, 5_000_000), 5_000_000);   // waits
        c.arrive(pod(1, 1000, 6_000_000), 6_000_000);   // waits
        assertThat(c.pending()).isEqualTo(2);
        c.depart(1, 10_000_000);                        // frees A GPU 1: pod 3 (first in line) takes it
        assertThat(c.nodeOf(3)).isZero();
        assertThat(c.gpusOf(3)).isEqualTo(2L);
        assertThat(c.isPending(4)).isTrue();
        c.depart(4, 20_000_000);                        // deleted while waiting: never placed
        assertThat(c.neverPlaced()).isEqualTo(1);
        assertThat(c.neverPlacedMeanWaitMicros()).isEqualTo(14_000_000.0);
        assertThat(c.placed()).isEqualTo(4);
        assertThat(c.arrived()).isEqualTo(c.placed() + c.pending() + c.neverPlaced());
        assertThat(c.meanWaitMicros()).isEqualTo(5_000_000 / 4.0);
        assertThat(c.maxWaitMicros()).isEqualTo(5_000_000);
        c.checkInvariants();
    }

    @Test
    void allocationIsIntegratedOverTime() {
        GpuCluster c = cluster("first-fit");
        c.arrive(pod(1, 1000, 10_000_000), 10_000_000);   // one GPU of three from 10 s
        c.advance(40_000_000);
        assertThat(c.meanAllocationRatio()).isEqualTo(30.0 / 40 / 3);
        // fragmentation: before 10 s nothing fragmented; after, A = (0, 1000): X 0, Y 0
        assertThat(c.meanFragmentationRate()).isZero();
    }

    @Test
    void departingTwiceIsABug() {
        GpuCluster c = cluster("fgd");
        c.arrive(pod(0, 0), 0);
        c.depart(0, 1);
        assertThatThrownBy(() -> c.depart(0, 2)).isInstanceOf(IllegalStateException.class);
    }
}
