package io.stratus.scaling;

import io.stratus.monitor.Alarm;
import io.stratus.monitor.Comparison;
import java.util.List;
import java.util.Objects;

/**
 * Step scaling: while its alarm is in ALARM, the adjustment is chosen by how far the metric is
 * past the alarm's threshold (the breach size).
 *
 * <p>As in AWS, the bounds are relative to the threshold and which one is inclusive depends on
 * the side of the threshold the alarm watches: for a greater-than alarm a step applies when
 * {@code lower <= value - threshold < upper}, for a less-than alarm when
 * {@code lower < value - threshold <= upper} (so a scale-in step {@code (-inf, 0]} covers a
 * value exactly at a less-than-or-equal threshold). Scale-out (AWS's warm-up
 * rule): the adjustment applies to the capacity that is not warming, and the result only raises
 * the desired capacity, so a breach that repeats while the instances it added are warming adds
 * nothing, and a bigger breach adds only the difference. Scale-in applies to the desired
 * capacity and waits until no instance is warming. No cooldown applies (that is simple
 * scaling's).
 */
public final class StepScalingPolicy implements ScalingPolicy {

    /** The scenario name. */
    public static final String NAME = "step";

    /** One step: breach sizes in {@code [lower, upper)} get {@code adjustment}. */
    public record Step(double lower, double upper, Adjustment adjustment) {
        public Step {
            Objects.requireNonNull(adjustment, "adjustment");
            if (!(lower < upper)) {
                throw new IllegalArgumentException("a step needs lower < upper, got " + lower + ", " + upper);
            }
        }
    }

    private final Alarm alarm;
    private final List<Step> steps;

    public StepScalingPolicy(Alarm alarm, List<Step> steps) {
        this.alarm = Objects.requireNonNull(alarm, "alarm");
        this.steps = List.copyOf(steps);
        if (this.steps.isEmpty()) {
            throw new IllegalArgumentException("step scaling needs at least one step");
        }
        for (int i = 1; i < this.steps.size(); i++) {
            if (this.steps.get(i).lower() < this.steps.get(i - 1).upper()) {
                throw new IllegalArgumentException("steps must be in order and must not overlap");
            }
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Trigger trigger() {
        return new Trigger.WhileInAlarm(alarm);
    }

    @Override
    public ScalingDecision decide(GroupView group, long now) {
        double breach = alarm.lastValue() - alarm.settings().threshold();
        if (Double.isNaN(breach)) {
            return ScalingDecision.NONE;
        }
        boolean above = alarm.settings().comparison() == Comparison.GREATER_THAN
                || alarm.settings().comparison() == Comparison.GREATER_THAN_OR_EQUAL;
        for (Step step : steps) {
            if (above ? breach >= step.lower() && breach < step.upper()
                    : breach > step.lower() && breach <= step.upper()) {
                return apply(step.adjustment(), group);
            }
        }
        return ScalingDecision.NONE;
    }

    private static ScalingDecision apply(Adjustment a, GroupView group) {
        int desired = group.desiredCapacity();
        if (a.scalesOut()) {
            int notWarming = Math.max(0, desired - group.warmingCount());
            int wanted = a.applyTo(notWarming);
            return wanted > desired ? ScalingDecision.desired(wanted) : ScalingDecision.NONE;
        }
        int wanted = a.applyTo(desired);
        if (wanted < desired && group.warmingCount() > 0) {
            return ScalingDecision.NONE;
        }
        return wanted == desired ? ScalingDecision.NONE : ScalingDecision.desired(wanted);
    }
}
