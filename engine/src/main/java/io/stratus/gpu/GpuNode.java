package io.stratus.gpu;

import java.util.Objects;

/**
 * A node of a GPU cluster: its capacity and the model of its GPUs (all GPUs on a node are of
 * one model, as in the Alibaba trace).
 *
 * @param name      the node's name
 * @param cpuMilli  CPU capacity, thousandths of a core (positive)
 * @param memoryMib memory capacity, MiB (positive)
 * @param gpus      GPUs on the node, 0 to {@link #MAX_GPUS}
 * @param model     the GPU model; empty exactly when there are no GPUs
 */
public record GpuNode(String name, int cpuMilli, long memoryMib, int gpus, String model) {

    /** Most GPUs on one node (a pod's whole GPUs are a 64-bit mask). */
    public static final int MAX_GPUS = 64;

    public GpuNode {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(model, "model");
        if (cpuMilli <= 0 || memoryMib <= 0) {
            throw new IllegalArgumentException("node " + name + ": CPU and memory must be positive");
        }
        if (gpus < 0 || gpus > MAX_GPUS) {
            throw new IllegalArgumentException("node " + name + ": " + gpus + " GPUs; allowed 0 to " + MAX_GPUS);
        }
        if (gpus > 0 == model.isEmpty()) {
            throw new IllegalArgumentException("node " + name + ": a GPU model is named exactly when there are GPUs");
        }
    }
}
