package io.stratus.gpu;

/** First fit: the first node in node-list order that fits, and on it the first GPU with room. */
public final class FirstFitGpu implements GpuPlacementPolicy {

    @Override
    public String name() {
        return "first-fit";
    }

    @Override
    public boolean takesFirstFeasible() {
        return true;
    }

    @Override
    public double score(GpuClusterView cluster, GpuPods pods, int pod, int node, int gpu) {
        return 0;
    }
}
