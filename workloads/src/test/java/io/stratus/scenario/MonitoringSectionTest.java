package io.stratus.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratus.compute.InstanceCatalog;
import io.stratus.monitor.Comparison;
import io.stratus.monitor.MissingData;
import io.stratus.monitor.Statistic;
import io.stratus.scaling.Adjustment;
import io.stratus.scaling.HealthCheckType;
import io.stratus.scaling.ScalingDecision;
import io.stratus.sim.Time;
import java.time.DayOfWeek;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/** The defaults of the new keys, as reference.yaml documents them, and what the readers build. */
class MonitoringSectionTest {

    private static final String TEXT = String.join("\n", "name: t", "duration: 1d", "region:", "  zones: [a]",
            "  hosts: { family: m5, count: 1 }", "topics: [ops]", "alarms:",
            "  hot: { metric: web/cpu, comparison: greater-than, threshold: 70, evaluation-periods: 3 }",
            "  cold: { metric: web/cpu, comparison: less-or-equal, threshold: 20, period: 5m, statistic: maximum,",
            "          datapoints-to-alarm: 1, evaluation-periods: 2, missing-data: not-breaching, on-ok: [ops] }",
            "services:", "  web:", "    auto-scaling:", "      min: 1", "      max: 6",
            "      step-scaling:", "        out: { alarm: hot, steps: [{ lower: 0, adjustment: 2 }] }",
            "      simple-scaling:",
            "        in: { alarm: cold, adjustment-type: percent-change-in-capacity, adjustment: -50,",
            "              min-adjustment-magnitude: 2 }",
            "      scheduled:", "        weekdays: { time: \"07:00\", days: weekdays, min: 3 }",
            "        once: { at: 36h, desired: 4 }",
            "    launch: { type: m5.large }", "    requests:", "      arrival: { poisson: { rate: 1/s } }",
            "      service: { cpu: 10ms }",
            "  tool:", "    instances: 1", "    schedule: { start: \"08:00\", stop: \"24:00\", days: [sat, sun] }",
            "    launch: { type: m5.large }", "    requests:", "      arrival: { poisson: { rate: 1/s } }",
            "      service: { cpu: 10ms }", "");

    @Test
    void readsAlarmsPoliciesAndSchedulesWithTheirDefaults() throws ScenarioException {
        Scenario s = new ScenarioLoader(InstanceCatalog.bundled()).parse("t.yaml", TEXT);
        AlarmConfig hot = s.monitoring().alarm("hot");
        assertThat(hot.settings().statistic()).isEqualTo(Statistic.AVERAGE);
        assertThat(hot.settings().datapointsToAlarm()).isEqualTo(3);
        assertThat(hot.settings().missingData()).isEqualTo(MissingData.MISSING);
        assertThat(hot.metricPeriods()).isEqualTo(1);
        assertThat(hot.onAlarm()).isEmpty();
        AlarmConfig cold = s.monitoring().alarm("cold");
        assertThat(cold.settings().comparison()).isEqualTo(Comparison.LESS_THAN_OR_EQUAL);
        assertThat(cold.metricPeriods()).isEqualTo(5);
        assertThat(cold.onOk()).containsExactly("ops");

        AutoScalingConfig a = s.services().get(0).autoScaling();
        assertThat(a.healthCheckType()).isEqualTo(HealthCheckType.ELB);
        assertThat(a.cooldownMicros()).isEqualTo(300 * Time.SECOND);
        assertThat(a.policies().steps().get(0).steps().get(0).upper()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(a.policies().simple().get(0).adjustment())
                .isEqualTo(new Adjustment(Adjustment.Type.PERCENT_CHANGE_IN_CAPACITY, -50, 2));
        AlarmPoliciesConfig.ScheduledPolicy weekdays = a.policies().scheduled().get(0);
        assertThat(weekdays.max()).isEqualTo(ScalingDecision.UNCHANGED);
        assertThat(weekdays.schedule().nextAtOrAfter(4 * Time.DAY + 8 * Time.HOUR)) // Friday 08:00 -> Monday 07:00
                .isEqualTo(7 * Time.DAY + 7 * Time.HOUR);
        assertThat(a.policies().scheduled().get(1).schedule().nextAtOrAfter(0)).isEqualTo(36 * Time.HOUR);

        ServiceConfig tool = s.services().get(1);
        assertThat(tool.schedule().days()).isEqualTo(EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY));
        assertThat(tool.schedule().stopTimeOfDay()).isEqualTo(Time.DAY);
        assertThat(s.services().get(0).schedule()).isNull();
    }
}
