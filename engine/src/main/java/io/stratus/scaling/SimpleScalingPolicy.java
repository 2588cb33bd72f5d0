package io.stratus.scaling;

import io.stratus.monitor.Alarm;
import java.util.Objects;

/**
 * Simple scaling: while its alarm is in ALARM, one adjustment of the desired capacity, then
 * nothing until the group's scaling activity has completed and its cooldown has passed
 * (AWS default 300 s). Warm-up plays no part.
 */
public final class SimpleScalingPolicy implements ScalingPolicy {

    /** The scenario name. */
    public static final String NAME = "simple";

    private final Alarm alarm;
    private final Adjustment adjustment;

    public SimpleScalingPolicy(Alarm alarm, Adjustment adjustment) {
        this.alarm = Objects.requireNonNull(alarm, "alarm");
        this.adjustment = Objects.requireNonNull(adjustment, "adjustment");
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
        if (now < group.cooldownEnds()) {
            return ScalingDecision.NONE;
        }
        int wanted = adjustment.applyTo(group.desiredCapacity());
        return wanted == group.desiredCapacity() ? ScalingDecision.NONE : ScalingDecision.desired(wanted);
    }
}
