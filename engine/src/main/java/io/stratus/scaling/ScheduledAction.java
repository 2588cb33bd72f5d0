package io.stratus.scaling;

import java.util.Objects;

/**
 * A scheduled action: at the times of its schedule, it sets the group's min, max and desired
 * capacity (each optional, {@link ScalingDecision#UNCHANGED} to keep it). Like AWS, it ignores
 * cooldowns and warm-up; dynamic policies may change the capacity again afterwards.
 */
public final class ScheduledAction implements ScalingPolicy {

    /** The scenario name. */
    public static final String NAME = "scheduled";

    private final Schedule schedule;
    private final ScalingDecision decision;

    public ScheduledAction(Schedule schedule, int minSize, int maxSize, int desiredCapacity) {
        this.schedule = Objects.requireNonNull(schedule, "schedule");
        this.decision = new ScalingDecision(desiredCapacity, minSize, maxSize);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Trigger trigger() {
        return new Trigger.AtTimes(schedule);
    }

    @Override
    public ScalingDecision decide(GroupView group, long now) {
        return decision;
    }
}
