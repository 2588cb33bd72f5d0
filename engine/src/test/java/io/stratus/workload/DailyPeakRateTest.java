package io.stratus.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.stratus.sim.RandomStreams;
import io.stratus.sim.Time;
import org.junit.jupiter.api.Test;

class DailyPeakRateTest {

    private final DailyPeakRate lunch = new DailyPeakRate(40, 12 * Time.HOUR, 3.5, 90 * Time.MINUTE);

    @Test
    void dailyMeanIsTheMeanAsked() {
        // integral over one day / one day = mean, by the midpoint rule at one-second steps
        double sum = 0;
        for (long s = 0; s < 86_400; s++) {
            sum += lunch.ratePerSecond(s * Time.SECOND + Time.SECOND / 2);
        }
        assertThat(sum / 86_400).isCloseTo(40, within(1e-6));
    }

    @Test
    void peakIsAtTheGivenTimeWithTheGivenFactor() {
        assertThat(lunch.ratePerSecond(12 * Time.HOUR)).isCloseTo(3.5 * 40, within(1e-9));
        assertThat(lunch.maxRatePerSecond()).isCloseTo(140, within(1e-9));
        assertThat(lunch.ratePerSecond(11 * Time.HOUR)).isLessThan(140);
        assertThat(lunch.ratePerSecond(Time.DAY + 12 * Time.HOUR)).isCloseTo(140, within(1e-9));
        assertThat(lunch.ratePerSecond(0)).isCloseTo(lunch.baseRatePerSecond(), within(1e-6));
    }

    @Test
    void refusesAPeakTooSharpForItsWidth() {
        assertThatThrownBy(() -> new DailyPeakRate(40, 12 * Time.HOUR, 20, 90 * Time.MINUTE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most");
    }

    @Test
    void thinnedArrivalsFollowTheProfile() {
        PoissonArrivals arrivals = new PoissonArrivals(lunch, new RandomStreams(3).stream("a"));
        long lunchHour = 0;
        long total = 0;
        long t = 0;
        while ((t = arrivals.nextArrival(t)) < Time.DAY) {
            total++;
            if (t >= 11 * Time.HOUR + 30 * Time.MINUTE && t < 12 * Time.HOUR + 30 * Time.MINUTE) {
                lunchHour++;
            }
        }
        // Poisson counts: mean = integral of the rate, sd = sqrt(mean); allow 4 sd
        double expectedTotal = 40.0 * 86_400;
        assertThat((double) total).isCloseTo(expectedTotal, within(4 * Math.sqrt(expectedTotal)));
        double expectedLunch = 0;
        for (long s = 0; s < 3600; s++) {
            expectedLunch += lunch.ratePerSecond(11 * Time.HOUR + 30 * Time.MINUTE + s * Time.SECOND + Time.SECOND / 2);
        }
        assertThat((double) lunchHour).isCloseTo(expectedLunch, within(4 * Math.sqrt(expectedLunch)));
    }
}
