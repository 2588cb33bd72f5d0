package io.stratus.scaling;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratus.sim.Time;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.assertj.core.data.Offset;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The café with target tracking on 60 % CPU, one day. With {@code -Dstratus.results=DIR} the
 * per-minute series are written to {@code DIR/autoscaling-cafe-*.csv}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CafeAutoscalingTest {

    private CafeAutoscaling chain;

    /** Twenty cafés behind one balancer (800 requests/s on average): 9 to 60 instances. */
    @BeforeAll
    void runTwentyCafes() {
        chain = new CafeAutoscaling(42, 20, 2, 100, false);
        chain.run(Time.DAY);
        maybeWrite(chain, "autoscaling-cafe-x20.csv");
    }

    private static void maybeWrite(CafeAutoscaling cafe, String name) {
        String dir = System.getProperty("stratus.results");
        if (dir != null) {
            cafe.writeCsv(Path.of(dir, name));
        }
    }

    private static void summarise(String label, CafeAutoscaling cafe, List<CafeAutoscaling.Row> steady,
                                  List<CafeAutoscaling.Row> steadyLoad) {
        int peak = cafe.rows.stream().mapToInt(CafeAutoscaling.Row::desired).max().orElse(0);
        int low = cafe.rows.stream().skip(60).mapToInt(CafeAutoscaling.Row::desired).min().orElse(0);
        System.out.printf(Locale.ROOT, "%s: requests %d refused %d, mean %.1f ms, p99 %.1f ms, capacity %d..%d, "
                        + "stable-capacity periods %d: CPU mean %.2f%%, fleet %.2f%%, best whole-instance %.2f%%; "
                        + "steady-load periods %d: CPU mean %.2f%%, fleet %.2f%%; activities %d, launches %d%n",
                label, cafe.source.generated(), cafe.source.refused(), cafe.rig.latency.meanMicros() / 1000,
                cafe.rig.latency.percentileMicros(99) / 1000.0, low, peak, steady.size(),
                CafeAutoscaling.meanCpu(steady), CafeAutoscaling.fleetCpu(steady),
                CafeAutoscaling.bestWholeInstanceCpu(steady), steadyLoad.size(), CafeAutoscaling.meanCpu(steadyLoad),
                CafeAutoscaling.fleetCpu(steadyLoad), cafe.activities.size(), cafe.asg.launches());
    }

    @Test
    void averageCpuStaysWithinFivePointsOfTheTargetInSteadyStateAndCapacityFollowsTheDay() {
        CafeAutoscaling cafe = chain;
        List<CafeAutoscaling.Row> stable = cafe.steadyState(15 * Time.MINUTE);
        List<CafeAutoscaling.Row> steady = cafe.steadyLoad(15 * Time.MINUTE, 30 * Time.MINUTE, 0.02);
        summarise("x20", cafe, stable, steady);

        // steady state: capacity unchanged for 15 min and load within 2 % of its level 30 min earlier
        assertThat(steady.size()).isGreaterThan(600);
        assertThat(CafeAutoscaling.meanCpu(steady)).isCloseTo(CafeAutoscaling.TARGET_CPU, Offset.offset(5.0));
        // Capacity comes in whole instances: n instances hold CPU at or below the target only within
        // target / n points. Wherever capacity is stable, the policy is within 2 points of the best
        // whole-instance CPU (below it on the way down: AWS scales in only after 15 minutes below 90 %).
        assertThat(CafeAutoscaling.meanCpu(stable)).isCloseTo(CafeAutoscaling.bestWholeInstanceCpu(stable),
                Offset.offset(2.0));
        CafeAutoscaling.Row night = cafe.rows.get(3 * 60);
        CafeAutoscaling.Row noon = cafe.rows.stream().filter(r -> r.periodEnd() >= 11 * Time.HOUR
                && r.periodEnd() <= 13 * Time.HOUR).max(Comparator.comparingInt(CafeAutoscaling.Row::desired)).get();
        assertThat(noon.desired()).isGreaterThanOrEqualTo(3 * night.desired());
        assertThat(cafe.rows.get(23 * 60).desired()).isEqualTo(night.desired());
        assertThat(cafe.source.refused()).isZero();
        assertThat(cafe.rig.cpus.dropped()).isZero();
    }

    @Test
    void oneCafeFollowsTheDayWithinWhatWholeInstancesAllow() {
        CafeAutoscaling cafe = new CafeAutoscaling(42, 1, 2, 20, false);
        cafe.run(Time.DAY);
        maybeWrite(cafe, "autoscaling-cafe-x1.csv");
        summarise("x1", cafe, cafe.steadyState(15 * Time.MINUTE),
                cafe.steadyLoad(15 * Time.MINUTE, 30 * Time.MINUTE, 0.02));
        int peak = cafe.rows.stream().mapToInt(CafeAutoscaling.Row::desired).max().orElse(0);
        assertThat(peak).isBetween(3, 5);
        assertThat(cafe.rows.get(3 * 60).desired()).isEqualTo(2);
        assertThat(cafe.rows.stream().mapToDouble(CafeAutoscaling.Row::cpuAverage).filter(c -> !Double.isNaN(c)).max()
                .getAsDouble()).isLessThan(80);
        assertThat(cafe.source.refused()).isZero();
    }

    @Test
    void littlesLawHoldsOnTheScaledCafesTotals() {
        CafeAutoscaling cafe = chain;
        double seconds = Time.toSeconds(Time.DAY);
        double lambda = cafe.rig.latency.count() / seconds;
        double w = cafe.rig.latency.meanMicros() / Time.SECOND;
        System.out.printf(Locale.ROOT, "Little: L = %.4f, lambda W = %.4f%n", cafe.meanInSystem(), lambda * w);
        assertThat(cafe.meanInSystem()).isCloseTo(lambda * w, Percentage.withPercentage(2));
    }

    @Test
    void sameSeedGivesTheSameSeries() {
        CafeAutoscaling a = new CafeAutoscaling(3, 1, 2, 20, true);
        CafeAutoscaling b = new CafeAutoscaling(3, 1, 2, 20, true);
        a.run(14 * Time.HOUR);
        b.run(14 * Time.HOUR);
        assertThat(a.rows).isEqualTo(b.rows);
        assertThat(a.rig.latency.sumMicros()).isEqualTo(b.rig.latency.sumMicros());
    }

    @Test
    void predictiveScalingForecastsTheLunchHourFromTheFirstDay() {
        CafeAutoscaling cafe = new CafeAutoscaling(42, 1, 2, 20, true);
        cafe.run(2 * Time.DAY);
        System.out.println("predictive café: " + cafe.causes);
        // for the third day: hour 11:00-12:00 averages about 130 requests/s: 3.3 busy vCPUs, 3 instances at 1.2 each;
        // 03:00-04:00 about 21/s: 0.5 busy vCPUs, 1 instance
        assertThat(cafe.predictive.forecastCapacity(2 * Time.DAY + 11 * Time.HOUR)).isEqualTo(3);
        assertThat(cafe.predictive.forecastCapacity(2 * Time.DAY + 23 * Time.HOUR)).isEqualTo(1);
        assertThat(cafe.predictive.fits()).isGreaterThanOrEqualTo(4);
        // the café's ramp is slow enough that target tracking is already there when the forecast
        // asks (it scales at 10:39), so the forecast never has to act; it never scales in
        for (int i = 0; i < cafe.activities.size(); i++) {
            long[] a = cafe.activities.get(i);
            if (cafe.causes.get(i).endsWith("predictive")) {
                assertThat(a[2]).isGreaterThan(a[1]);
            }
        }
    }
}
