package io.stratus.scenario;

import io.stratus.scaling.Adjustment;
import io.stratus.scaling.Schedule;
import io.stratus.scaling.StepScalingPolicy;
import java.util.List;
import java.util.Objects;

/**
 * A group's step, simple and scheduled scaling ({@code step-scaling:}, {@code simple-scaling:},
 * {@code scheduled:} under {@code auto-scaling:}).
 *
 * @param steps     step scaling policies, each triggered by an alarm
 * @param simple    simple scaling policies, each triggered by an alarm, with the group's cooldown
 * @param scheduled scheduled actions
 */
public record AlarmPoliciesConfig(List<StepPolicy> steps, List<SimplePolicy> simple, List<ScheduledPolicy> scheduled) {

    /** None. */
    public static final AlarmPoliciesConfig NONE = new AlarmPoliciesConfig(List.of(), List.of(), List.of());

    public AlarmPoliciesConfig {
        steps = List.copyOf(steps);
        simple = List.copyOf(simple);
        scheduled = List.copyOf(scheduled);
    }

    /** Whether there is any policy. */
    public boolean isEmpty() {
        return steps.isEmpty() && simple.isEmpty() && scheduled.isEmpty();
    }

    /** A step scaling policy: its alarm and its steps (bounds relative to the alarm's threshold). */
    public record StepPolicy(String name, String alarm, List<StepScalingPolicy.Step> steps) {
        public StepPolicy {
            Objects.requireNonNull(alarm, "alarm");
            steps = List.copyOf(steps);
        }
    }

    /** A simple scaling policy: its alarm and its one adjustment. */
    public record SimplePolicy(String name, String alarm, Adjustment adjustment) {
        public SimplePolicy {
            Objects.requireNonNull(alarm, "alarm");
            Objects.requireNonNull(adjustment, "adjustment");
        }
    }

    /**
     * A scheduled action: at the times of {@code schedule}, sets min, max and desired (each
     * {@link io.stratus.scaling.ScalingDecision#UNCHANGED} when not given).
     */
    public record ScheduledPolicy(String name, Schedule schedule, int min, int max, int desired) {
        public ScheduledPolicy {
            Objects.requireNonNull(schedule, "schedule");
        }
    }
}
