package io.stratus.gpu;

/**
 * A GPU placement policy: scores a feasible candidate (a node, and for a one-GPU pod the GPU on
 * it); the cluster places the pod on the candidate with the highest score, the first in node
 * then GPU order on a tie. The filter ({@link GpuFit}) has already admitted the candidate. A
 * policy only decides: it reads the cluster through the view and keeps no reference to it.
 */
public interface GpuPlacementPolicy {

    /** The policy's name, as in scenario files. */
    String name();

    /** Whether the first feasible candidate wins outright (no further scoring). */
    default boolean takesFirstFeasible() {
        return false;
    }

    /**
     * The score of placing the pod on the node (on GPU {@code gpu} for a one-GPU pod, -1
     * otherwise); higher is better.
     */
    double score(GpuClusterView cluster, GpuPods pods, int pod, int node, int gpu);
}
