package io.stratus.trace;

/**
 * One node of the Alibaba GPU cluster trace 2023 ({@code openb_node_list}): a host and its
 * capacity, what a placement policy packs pods onto.
 *
 * @param name      the node's name
 * @param cpuMilli  CPU capacity in thousandths of a core
 * @param memoryMib memory capacity, MiB
 * @param gpus      GPUs on the node
 * @param gpuModel  the GPU model (such as {@code T4}, {@code V100M16}); empty when there are none
 */
public record AlibabaNode(String name, int cpuMilli, long memoryMib, int gpus, String gpuModel) {
}
