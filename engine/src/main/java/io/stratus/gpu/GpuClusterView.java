package io.stratus.gpu;

/**
 * A read-only view of a GPU cluster's free capacity, what placement policies and the
 * fragmentation measure look at. Nodes are numbered 0 to {@code nodes() - 1} in node-list order.
 */
public interface GpuClusterView {

    /** Nodes in the cluster. */
    int nodes();

    /** Whether the node takes pods now (its instance is running); a node that is down fits no pod. */
    boolean up(int node);

    /** Free CPU, thousandths of a core. */
    int cpuFree(int node);

    /** Free memory, MiB. */
    long memoryFree(int node);

    /** GPUs on the node. */
    int gpus(int node);

    /** The node's GPU model id ({@link GpuModels}), or -1 without GPUs. */
    int model(int node);

    /** Free thousandths of GPU {@code gpu} (0 to {@code gpus(node) - 1}) of the node. */
    int gpuFree(int node, int gpu);

    /** Free GPU thousandths on the node, all GPUs together. */
    int nodeGpuFree(int node);

    /** Whole free GPUs on the node. */
    int fullGpus(int node);

    /** The largest free share of one GPU on the node (0 without GPUs). */
    int maxGpuFree(int node);

    /** The node's fragmented GPU capacity, weighted by pod-type counts ({@link PodMix#fragment}). */
    long fragment(int node);
}
