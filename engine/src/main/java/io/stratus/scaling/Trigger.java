package io.stratus.scaling;

import io.stratus.monitor.Alarm;
import io.stratus.monitor.Metric;
import java.util.Objects;

/** When a group asks a {@link ScalingPolicy} for a decision. */
public sealed interface Trigger permits Trigger.EveryDatapoint, Trigger.WhileInAlarm, Trigger.AtTimes {

    /** Each time {@code metric} closes a period. */
    record EveryDatapoint(Metric metric) implements Trigger {
        public EveryDatapoint {
            Objects.requireNonNull(metric, "metric");
        }
    }

    /** At each evaluation of {@code alarm} that finds it in ALARM. */
    record WhileInAlarm(Alarm alarm) implements Trigger {
        public WhileInAlarm {
            Objects.requireNonNull(alarm, "alarm");
        }
    }

    /** At the times of {@code schedule}. */
    record AtTimes(Schedule schedule) implements Trigger {
        public AtTimes {
            Objects.requireNonNull(schedule, "schedule");
        }
    }
}
