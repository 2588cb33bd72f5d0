package io.stratus.gpu;

/**
 * The filter of GPU placement: whether a node, and which of its GPUs, can hold a pod now. A node
 * fits when it has the CPU and memory free and, for a pod asking GPUs, GPUs of an accepted model
 * with room: one GPU with at least the share free ({@code gpus = 1}), or enough wholly free GPUs
 * ({@code gpus > 1}). A pod's GPU models do not restrict a CPU-only pod. A node that is down
 * ({@link GpuClusterView#up}) fits nothing.
 */
public final class GpuFit {

    private GpuFit() {
    }

    /** Whether the node can hold the pod. */
    public static boolean fits(GpuClusterView v, GpuPods pods, int pod, int node) {
        if (!v.up(node) || v.cpuFree(node) < pods.cpuMilli(pod) || v.memoryFree(node) < pods.memoryMib(pod)) {
            return false;
        }
        int gpus = pods.gpus(pod);
        if (gpus == 0) {
            return true;
        }
        if (v.gpus(node) == 0 || (pods.modelMask(pod) >>> v.model(node) & 1L) == 0) {
            return false;
        }
        return gpus == 1 ? v.maxGpuFree(node) >= pods.gpuShare(pod) : v.fullGpus(node) >= gpus;
    }

    /**
     * Whether GPU {@code gpu} of a node that {@link #fits} is a distinct candidate for a one-GPU pod:
     * it has the share free and no lower-numbered GPU of the node has exactly as much free (such
     * GPUs are interchangeable, so only the first is offered).
     */
    public static boolean candidateGpu(GpuClusterView v, GpuPods pods, int pod, int node, int gpu) {
        int free = v.gpuFree(node, gpu);
        if (free < pods.gpuShare(pod)) {
            return false;
        }
        for (int g = 0; g < gpu; g++) {
            if (v.gpuFree(node, g) == free) {
                return false;
            }
        }
        return true;
    }
}
