package io.stratus.scaling;

/**
 * A scaling policy: when its {@link Trigger} fires, it reads its inputs (a metric, an alarm, the
 * clock) and a read-only view of its group, and returns a {@link ScalingDecision}; the group
 * applies it. A policy keeps its own state (breach counters, history) but no reference to the
 * group.
 *
 * <p>Implementations, by name: {@value TargetTrackingPolicy#NAME}, {@value StepScalingPolicy#NAME},
 * {@value SimpleScalingPolicy#NAME}, {@value ScheduledAction#NAME}, {@value PredictiveScalingPolicy#NAME}
 * (see {@link ScalingPolicies}).
 */
public interface ScalingPolicy {

    /** The policy type's name, as in scenario files. */
    String name();

    /** What makes the group ask this policy. */
    Trigger trigger();

    /** The decision at {@code now}, when the trigger fired. */
    ScalingDecision decide(GroupView group, long now);
}
