package io.stratus.gpu;

/**
 * Best fit: the node left with the least free GPU capacity, then the least free CPU; on it, the
 * GPU left with the least free share (the tightest). Packs pods onto busy nodes and GPUs.
 */
public final class BestFitGpu implements GpuPlacementPolicy {

    @Override
    public String name() {
        return "best-fit";
    }

    @Override
    public double score(GpuClusterView cluster, GpuPods pods, int pod, int node, int gpu) {
        return -LeftoverKey.of(cluster, pods, pod, node, gpu);
    }
}
