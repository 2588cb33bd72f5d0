package io.stratus.scaling;

import java.util.List;

/**
 * The registry of scaling policy types, by the names scenario files use. Each type takes
 * different inputs (a metric and a target, an alarm and steps, a schedule), so the registry
 * names and checks them and the caller builds the policy with its constructor.
 */
public final class ScalingPolicies {

    /** Every known policy type, in the order AWS documents them. */
    public static final List<String> NAMES = List.of(TargetTrackingPolicy.NAME, StepScalingPolicy.NAME,
            SimpleScalingPolicy.NAME, ScheduledAction.NAME, PredictiveScalingPolicy.NAME);

    private ScalingPolicies() {
    }

    /**
     * Checks a policy type name.
     *
     * @return the name
     * @throws IllegalArgumentException listing the known names when unknown
     */
    public static String check(String name) {
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException("unknown scaling policy '" + name + "'; known: " + String.join(", ", NAMES));
        }
        return name;
    }
}
