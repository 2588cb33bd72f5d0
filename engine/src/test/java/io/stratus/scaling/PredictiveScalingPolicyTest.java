package io.stratus.scaling;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratus.compute.InstancesDistribution;
import io.stratus.monitor.CloudWatch;
import io.stratus.monitor.Metric;
import io.stratus.sim.Time;
import io.stratus.testkit.Rig;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class PredictiveScalingPolicyTest {

    /** Load per second at hour-of-day h: 2 at night, 20 at noon. */
    private static double loadAt(long hour) {
        int h = (int) (hour % 24);
        return 2 + 18 * Math.exp(-0.5 * (h - 12) * (h - 12) / 4.0);
    }

    @Test
    void regressionRecoversADailyPatternAndADayOfWeekShift() {
        int hours = 14 * 24;
        double[] loads = new double[hours];
        for (int i = 0; i < hours; i++) {
            long hour = 100 + i;
            boolean weekend = Math.floorMod(Math.floorDiv(hour, 24), 7) >= 5;
            loads[i] = loadAt(hour) + (weekend ? 5 : 0);
        }
        SeasonalRegression model = SeasonalRegression.fit(100, loads);
        assertThat(model.isWeekly()).isTrue();
        for (long hour = 100 + hours; hour < 100 + hours + 48; hour++) {
            boolean weekend = Math.floorMod(Math.floorDiv(hour, 24), 7) >= 5;
            assertThat(model.forecast(hour)).isCloseTo(loadAt(hour) + (weekend ? 5 : 0), Offset.offset(1e-6));
        }
        SeasonalRegression daily = SeasonalRegression.fit(0, java.util.Arrays.copyOf(loads, 24));
        assertThat(daily.isWeekly()).isFalse();
    }

    @Test
    void scalesOutBeforeTheForecastPeakAndNeverInOnAForecast() {
        Rig rig = new Rig(5, 2);
        CloudWatch cw = new CloudWatch(rig.sim, Time.MINUTE);
        Metric load = cw.metric("busy-vcpu-seconds");
        cw.addSampler((start, end) -> load.record(loadAt(Math.floorDiv(start, Time.HOUR)) * 60));
        AutoScalingGroup asg = new AutoScalingGroup(rig.sim, "web", rig.fleet, GroupSettings.of(1, 1, 50, List.of(0, 1)),
                LaunchTemplate.of(Rig.M5_LARGE, Time.seconds(60), 0), InstancesDistribution.ON_DEMAND, List.of());
        PredictiveScalingPolicy policy = new PredictiveScalingPolicy(load, 1.2, Time.seconds(300));
        asg.addPolicy(policy);
        List<long[]> activities = new ArrayList<>();
        asg.addActivityListener((now, from, to, cause) -> activities.add(new long[] {now, from, to}));
        asg.start();

        rig.sim.runUntil(Time.DAY);
        assertThat(activities).isEmpty(); // less than 24 h of history so far
        rig.sim.runUntil(Time.DAY + 11 * Time.HOUR + 55 * Time.MINUTE);
        int noon = (int) Math.ceil(loadAt(12) / 1.2);
        assertThat(asg.desiredCapacity()).isEqualTo(noon);
        assertThat(policy.forecastCapacity(Time.DAY + 12 * Time.HOUR)).isEqualTo(noon);
        rig.sim.runUntil(3 * Time.DAY);
        assertThat(activities).allSatisfy(a -> assertThat(a[2]).isGreaterThan(a[1]));
        assertThat(activities.get(0)[0]).isGreaterThanOrEqualTo(Time.DAY);
        assertThat(policy.fits()).isGreaterThanOrEqualTo(8); // every 6 h from day 1
    }
}
