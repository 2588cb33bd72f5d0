package io.stratus.gpu;

/**
 * Worst fit (spread): the node left with the most free GPU capacity, then the most free CPU; on
 * it, the GPU left with the most free share. Spreads pods over the cluster.
 */
public final class WorstFitGpu implements GpuPlacementPolicy {

    @Override
    public String name() {
        return "worst-fit";
    }

    @Override
    public double score(GpuClusterView cluster, GpuPods pods, int pod, int node, int gpu) {
        return LeftoverKey.of(cluster, pods, pod, node, gpu);
    }
}
