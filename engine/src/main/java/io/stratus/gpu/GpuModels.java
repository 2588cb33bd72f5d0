package io.stratus.gpu;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The GPU models of a cluster, numbered in order of first appearance in its node list, and the
 * masks of models a pod accepts. A pod's GPU specification is a {@code |}-separated list of model
 * names (as in the Alibaba trace's {@code gpu_spec}); empty or {@code nan} accepts any model.
 * Names not present in the cluster are ignored, so a pod naming only absent models can never be
 * placed (an outcome, not an error). At most 63 models.
 */
public final class GpuModels {

    /** The mask of a pod that accepts any model. */
    public static final long ANY = -1L;
    private static final int MAX_MODELS = 63;

    private final List<String> names = new ArrayList<>();

    /** The models of the nodes, in order of first appearance. */
    public GpuModels(List<GpuNode> nodes) {
        for (GpuNode n : nodes) {
            if (n.gpus() > 0 && !names.contains(n.model())) {
                if (names.size() == MAX_MODELS) {
                    throw new IllegalArgumentException("more than " + MAX_MODELS + " GPU models in one cluster");
                }
                names.add(n.model());
            }
        }
    }

    /** The number of models. */
    public int count() {
        return names.size();
    }

    /** The name of model {@code id}. */
    public String name(int id) {
        return names.get(id);
    }

    /** The id of a model, or -1 when the cluster has none of it. */
    public int id(String model) {
        return names.indexOf(model);
    }

    /** The mask of models a GPU specification accepts (bit {@code id} set for each). */
    public long mask(String spec) {
        Objects.requireNonNull(spec, "spec");
        String s = spec.trim();
        if (s.isEmpty() || s.equalsIgnoreCase("nan")) {
            return ANY;
        }
        long mask = 0;
        for (String part : s.split("\\|")) {
            int id = id(part.trim());
            if (id >= 0) {
                mask |= 1L << id;
            }
        }
        return mask;
    }
}
