package io.stratus.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.stratus.sim.RandomStreams;
import io.stratus.sim.Time;
import io.stratus.workload.ConstantRate;
import io.stratus.workload.DailyPeakRate;
import io.stratus.workload.PoissonArrivals;
import org.junit.jupiter.api.Test;

/**
 * The engine's Poisson generator (reused here, not duplicated) against theory: counts in a
 * window of a homogeneous process are Poisson (mean = variance = rate x width), and a
 * non-homogeneous process over a whole day has the profile's daily mean.
 */
class PoissonTheoryTest {

    @Test
    void countsPerWindowHaveEqualMeanAndVariance() {
        PoissonArrivals arrivals = new PoissonArrivals(new ConstantRate(50), new RandomStreams(42).stream("poisson"));
        long[] counts = Counts.perWindow(arrivals, Time.SECOND, 4000);
        // standard errors: mean 0.11, variance about 1.1
        assertThat(Counts.mean(counts)).isCloseTo(50, within(0.5));
        assertThat(Counts.variance(counts)).isCloseTo(50, within(5.0));
    }

    @Test
    void aDailyCycleAveragesToItsMeanOverWholeDays() {
        int days = 4;
        DailyPeakRate lunch = new DailyPeakRate(1, 12 * Time.HOUR, 3, 90 * Time.MINUTE);
        PoissonArrivals arrivals = new PoissonArrivals(lunch, new RandomStreams(42).stream("nhpp"));
        long[] perHour = Counts.perWindow(arrivals, Time.HOUR, 24 * days);
        double expected = 1.0 * 86_400 * days;
        assertThat((double) Counts.sum(perHour)).isCloseTo(expected, within(5 * Math.sqrt(expected)));
        // 03:00 is nine hours (six widths) from the peak: the overnight base rate alone
        long night = 0;
        for (int d = 0; d < days; d++) {
            night += perHour[d * 24 + 3];
        }
        double expectedNight = lunch.baseRatePerSecond() * 3600 * days;
        assertThat((double) night).isCloseTo(expectedNight, within(5 * Math.sqrt(expectedNight)));
    }
}
