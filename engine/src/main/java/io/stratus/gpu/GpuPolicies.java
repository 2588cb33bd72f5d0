package io.stratus.gpu;

import java.util.List;

/** GPU placement policies by name, the names used in scenario files. */
public final class GpuPolicies {

    private static final List<String> NAMES = List.of("first-fit", "best-fit", "worst-fit", "fgd");

    private GpuPolicies() {
    }

    /** The policy names. */
    public static List<String> names() {
        return NAMES;
    }

    /**
     * A new policy.
     *
     * @param mix the workload's pod types, which fragmentation-aware policies read
     * @throws IllegalArgumentException for an unknown name
     */
    public static GpuPlacementPolicy create(String name, PodMix mix) {
        return switch (name) {
            case "first-fit" -> new FirstFitGpu();
            case "best-fit" -> new BestFitGpu();
            case "worst-fit" -> new WorstFitGpu();
            case "fgd" -> new FragmentationGradientDescent(mix);
            default -> throw new IllegalArgumentException("unknown GPU placement policy '" + name + "'; known: "
                    + String.join(", ", NAMES));
        };
    }
}
