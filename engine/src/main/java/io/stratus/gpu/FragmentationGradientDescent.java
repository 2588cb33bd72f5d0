package io.stratus.gpu;

import java.util.Objects;

/**
 * Fragmentation Gradient Descent (Weng et al., ATC 2023): place the pod where it least increases
 * the cluster's expected fragmentation. Only the chosen node's fragmentation changes, so the
 * score of a candidate is minus the increase of that node's fragmentation {@link PodMix#fragment}
 * (popularity-weighted over the workload's pod types) from now to after the placement; for a
 * one-GPU pod each distinct GPU of the node is a candidate. Ties go to the first candidate.
 */
public final class FragmentationGradientDescent implements GpuPlacementPolicy {

    private final PodMix mix;

    /** FGD over the given workload mix (single-threaded: the mix has scratch arrays). */
    public FragmentationGradientDescent(PodMix mix) {
        this.mix = Objects.requireNonNull(mix, "mix");
    }

    @Override
    public String name() {
        return "fgd";
    }

    @Override
    public double score(GpuClusterView cluster, GpuPods pods, int pod, int node, int gpu) {
        return -(double) (mix.fragmentIfPlaced(cluster, pods, pod, node, gpu) - cluster.fragment(node));
    }
}
