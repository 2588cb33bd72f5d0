package io.stratus.scaling;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratus.compute.InstancesDistribution;
import io.stratus.monitor.Alarm;
import io.stratus.monitor.AlarmSettings;
import io.stratus.monitor.CloudWatch;
import io.stratus.monitor.Comparison;
import io.stratus.monitor.Metric;
import io.stratus.monitor.MissingData;
import io.stratus.monitor.Statistic;
import io.stratus.sim.Time;
import io.stratus.testkit.Rig;
import java.time.DayOfWeek;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** AWS's step-bound inclusivity below a threshold, weekday schedules and failed scheduled actions. */
class StepBoundsAndScheduleTest {

    private final Rig rig = new Rig(5, 2);
    private final LaunchTemplate template = new LaunchTemplate(List.of(Rig.M5_LARGE), Time.seconds(60),
            Time.seconds(5));

    private AutoScalingGroup group(int min, int desired, int max) {
        AutoScalingGroup asg = new AutoScalingGroup(rig.sim, "g", rig.fleet, GroupSettings.of(min, desired, max,
                List.of(0, 1)), template, InstancesDistribution.ON_DEMAND, List.of());
        asg.start();
        return asg;
    }

    @Test
    void aLessThanAlarmStepIncludesItsUpperBound() {
        CloudWatch cw = new CloudWatch(rig.sim, Time.MINUTE);
        Metric load = cw.metric("load");
        cw.addSampler((start, end) -> load.record(20)); // exactly at the threshold
        Alarm low = new Alarm("low", load, new AlarmSettings(Statistic.AVERAGE, Comparison.LESS_THAN_OR_EQUAL, 20,
                1, 1, MissingData.MISSING));
        AutoScalingGroup asg = group(1, 4, 4);
        // (-inf, 0] takes one away: 0 is in it below a threshold (AWS: lower exclusive, upper inclusive)
        asg.addPolicy(new StepScalingPolicy(low, List.of(
                new StepScalingPolicy.Step(Double.NEGATIVE_INFINITY, -10, Adjustment.change(-2)),
                new StepScalingPolicy.Step(-10, 0, Adjustment.change(-1)))));
        rig.sim.runUntil(Time.MINUTE);
        assertThat(asg.desiredCapacity()).isEqualTo(4); // scale-in waits while the four are pending
        rig.sim.runUntil(2 * Time.MINUTE);
        assertThat(asg.desiredCapacity()).isEqualTo(3);
    }

    @Test
    void weekdaySchedulesSkipTheWeekend() {
        Schedule s = Schedule.weekly(8 * Time.HOUR, EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));
        assertThat(s.nextAtOrAfter(0)).isEqualTo(8 * Time.HOUR);
        assertThat(s.nextAtOrAfter(4 * Time.DAY + 9 * Time.HOUR)).isEqualTo(7 * Time.DAY + 8 * Time.HOUR);
        Schedule weekend = Schedule.weekly(0, EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY));
        assertThat(weekend.nextAtOrAfter(1)).isEqualTo(5 * Time.DAY);
        assertThat(weekend.nextAtOrAfter(5 * Time.DAY + 1)).isEqualTo(6 * Time.DAY);
    }

    @Test
    void aScheduledActionThatWouldPutMinAboveMaxFailsAndChangesNothing() {
        AutoScalingGroup asg = group(1, 2, 3);
        asg.addPolicy(new ScheduledAction(Schedule.at(Time.HOUR), 5, ScalingDecision.UNCHANGED, 5));
        rig.sim.runUntil(2 * Time.HOUR);
        assertThat(asg.failedActions()).isEqualTo(1);
        assertThat(asg.minSize()).isEqualTo(1);
        assertThat(asg.desiredCapacity()).isEqualTo(2);
    }
}
