package io.stratus.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.stratus.sim.RandomStreams;
import io.stratus.sim.Time;
import io.stratus.workload.ConstantRate;
import io.stratus.workload.DailyPeakRate;
import io.stratus.workload.PoissonArrivals;
import io.stratus.workload.RateProfile;
import java.time.DayOfWeek;
import org.junit.jupiter.api.Test;

class WeeklyCycleRateTest {

    private static final double[] OFFICE_WEEK = {1.1, 1.2, 1.2, 1.2, 1.0, 0.4, 0.3};

    private final DailyPeakRate daily = new DailyPeakRate(0.5, 14 * Time.HOUR, 2.5, 2 * Time.HOUR);
    private final WeeklyCycleRate weekly = new WeeklyCycleRate(daily, DayOfWeek.MONDAY, OFFICE_WEEK);

    @Test
    void theRateIsTheDailyShapeTimesTheDaysFactor() {
        long saturdayNoon = 5 * Time.DAY + 12 * Time.HOUR;
        assertThat(weekly.dayOfWeek(saturdayNoon)).isEqualTo(DayOfWeek.SATURDAY);
        assertThat(weekly.ratePerSecond(saturdayNoon)).isEqualTo(daily.ratePerSecond(12 * Time.HOUR) * 0.4);
        assertThat(weekly.maxRatePerSecond()).isEqualTo(daily.maxRatePerSecond() * 1.2);
        assertThat(weekly.meanRatePerSecond()).isCloseTo(0.5 * 6.4 / 7, within(1e-12));
    }

    @Test
    void timeZeroMayFallOnAnyDay() {
        WeeklyCycleRate fromWednesday = new WeeklyCycleRate(new ConstantRate(1), DayOfWeek.WEDNESDAY, OFFICE_WEEK);
        assertThat(fromWednesday.dayOfWeek(0)).isEqualTo(DayOfWeek.WEDNESDAY);
        assertThat(fromWednesday.dayOfWeek(4 * Time.DAY)).isEqualTo(DayOfWeek.SUNDAY);
        assertThat(fromWednesday.dayOfWeek(5 * Time.DAY)).isEqualTo(DayOfWeek.MONDAY);
        assertThat(fromWednesday.dayOfWeek(-1)).isEqualTo(DayOfWeek.TUESDAY);
        assertThat(fromWednesday.ratePerSecond(4 * Time.DAY + 1)).isEqualTo(0.3);
    }

    @Test
    void eachDayIntegratesToTheDailyMeanTimesItsFactor() {
        for (int d = 0; d < 7; d++) {
            assertThat(averageOverDay(weekly, d)).as("day %d", d).isCloseTo(0.5 * OFFICE_WEEK[d], within(1e-6));
        }
    }

    private static double averageOverDay(RateProfile profile, int day) {
        double sum = 0;
        int steps = 24 * 60 * 6;
        for (int i = 0; i < steps; i++) {
            sum += profile.ratePerSecond(day * Time.DAY + i * 10 * Time.SECOND + 5 * Time.SECOND);
        }
        return sum / steps;
    }

    @Test
    void sampledArrivalsFollowTheWeek() {
        PoissonArrivals arrivals = new PoissonArrivals(weekly, new RandomStreams(42).stream("weekly"));
        long[] perDay = Counts.perWindow(arrivals, Time.DAY, 7);
        for (int d = 0; d < 7; d++) {
            double expected = 0.5 * OFFICE_WEEK[d] * 86_400;
            assertThat((double) perDay[d]).as("day %d", d).isCloseTo(expected, within(5 * Math.sqrt(expected)));
        }
        double expectedWeek = weekly.meanRatePerSecond() * 7 * 86_400;
        assertThat((double) Counts.sum(perDay)).isCloseTo(expectedWeek, within(5 * Math.sqrt(expectedWeek)));
    }

    @Test
    void badFactorsAreRefused() {
        assertThatThrownBy(() -> new WeeklyCycleRate(daily, DayOfWeek.MONDAY, 1, 1, 1))
                .hasMessageContaining("need 7 day-of-week factors");
        assertThatThrownBy(() -> new WeeklyCycleRate(daily, DayOfWeek.MONDAY, 1, 1, 1, 1, 1, -1, 1))
                .hasMessageContaining("SATURDAY");
        assertThatThrownBy(() -> new WeeklyCycleRate(daily, DayOfWeek.MONDAY, 0, 0, 0, 0, 0, 0, 0))
                .hasMessageContaining("at least one");
    }

    @Test
    void anHourlyProfileIsStepwise() {
        double[] hours = new double[24];
        hours[9] = 10;
        hours[13] = 4;
        HourlyRate office = new HourlyRate(hours);
        assertThat(office.ratePerSecond(13 * Time.HOUR + 30 * Time.MINUTE)).isEqualTo(4);
        assertThat(office.ratePerSecond(Time.DAY + 9 * Time.HOUR)).isEqualTo(10);
        assertThat(office.ratePerSecond(-15 * Time.HOUR)).isEqualTo(10); // 09:00 the day before
        assertThat(office.meanRatePerSecond()).isEqualTo(14.0 / 24);
        assertThat(office.maxRatePerSecond()).isEqualTo(10);
        assertThat(averageOverDay(new WeeklyCycleRate(office, DayOfWeek.MONDAY, OFFICE_WEEK), 2))
                .isCloseTo(14.0 / 24 * 1.2, within(1e-12));
        assertThatThrownBy(() -> new HourlyRate(new double[23])).hasMessageContaining("need 24");
        assertThatThrownBy(() -> new HourlyRate(new double[24])).hasMessageContaining("at least one");
    }
}
