package io.stratus.gpu;

/**
 * What a placement leaves free, as one number ordered lexicographically: the node's free GPU
 * thousandths after it first (below 2^16 with at most 64 GPUs), then its free CPU thousandths
 * (clamped below 2^21, i.e. 2,097 cores), then the free thousandths of the chosen GPU (below 2^10).
 * The key is below 2^47, so exact in a double. Best fit minimises it, worst fit maximises it.
 */
final class LeftoverKey {

    private static final int CPU_CLAMP = (1 << 21) - 1;

    private LeftoverKey() {
    }

    static double of(GpuClusterView v, GpuPods pods, int pod, int node, int gpu) {
        long gpuLeft = v.nodeGpuFree(node) - pods.gpuMilliTotal(pod);
        long cpuLeft = Math.min(CPU_CLAMP, v.cpuFree(node) - pods.cpuMilli(pod));
        long chosenLeft = gpu < 0 ? 0 : v.gpuFree(node, gpu) - pods.gpuShare(pod);
        return (double) ((gpuLeft << 31) | (cpuLeft << 10) | chosenLeft);
    }
}
