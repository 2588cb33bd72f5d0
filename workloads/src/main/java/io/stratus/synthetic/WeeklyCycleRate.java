package io.stratus.synthetic;

import io.stratus.sim.Time;
import io.stratus.workload.RateProfile;
import java.time.DayOfWeek;
import java.util.Objects;

/**
 * A weekly cycle on top of a daily one: {@code rate(t) = daily(t) x factor[day of week of t]},
 * the non-homogeneous Poisson rate of a service busier on weekdays than at weekends (sample it
 * with the engine's {@link io.stratus.workload.PoissonArrivals}, which thins at
 * {@link #maxRatePerSecond()}).
 *
 * <p>Assumptions: the daily profile repeats every 24 hours from midnight, and its average over
 * each day is its {@link RateProfile#meanRatePerSecond()} (true of
 * {@link io.stratus.workload.DailyPeakRate}, {@link HourlyRate} and
 * {@link io.stratus.workload.ConstantRate}); then the mean over day {@code d} is
 * {@code daily mean x factor[d]} and the weekly mean is the daily mean times the average factor.
 * Time 0 of the simulation is midnight starting the day {@code dayAtTimeZero}. Factors are taken
 * as given (not renormalised), so {@code 1.0} on a weekday means "the daily profile as it is".
 */
public final class WeeklyCycleRate implements RateProfile {

    private static final int DAYS = 7;

    private final RateProfile daily;
    private final int firstDay;
    private final double[] factors;
    private final double mean;
    private final double max;

    /**
     * @param daily         the shape of a day
     * @param dayAtTimeZero the day of the week at time 0
     * @param mondayFirst   seven factors, Monday to Sunday; not negative, at least one positive
     */
    public WeeklyCycleRate(RateProfile daily, DayOfWeek dayAtTimeZero, double... mondayFirst) {
        this.daily = Objects.requireNonNull(daily, "daily");
        this.firstDay = Objects.requireNonNull(dayAtTimeZero, "dayAtTimeZero").ordinal();
        if (mondayFirst.length != DAYS) {
            throw new IllegalArgumentException("need 7 day-of-week factors (Monday first), got " + mondayFirst.length);
        }
        factors = mondayFirst.clone();
        double sum = 0;
        double largest = 0;
        for (int d = 0; d < DAYS; d++) {
            double f = factors[d];
            if (!(f >= 0) || !Double.isFinite(f)) {
                throw new IllegalArgumentException(DayOfWeek.of(d + 1) + ": factor must be finite and not negative, got " + f);
            }
            sum += f;
            largest = Math.max(largest, f);
        }
        if (largest == 0) {
            throw new IllegalArgumentException("at least one day-of-week factor must be positive");
        }
        mean = daily.meanRatePerSecond() * sum / DAYS;
        max = daily.maxRatePerSecond() * largest;
    }

    /** The day of the week at {@code time}. */
    public DayOfWeek dayOfWeek(long time) {
        return DayOfWeek.of(dayIndex(time) + 1);
    }

    /** The factor of {@code day}. */
    public double factor(DayOfWeek day) {
        return factors[day.ordinal()];
    }

    private int dayIndex(long time) {
        return (int) Math.floorMod(firstDay + Math.floorDiv(time, Time.DAY), (long) DAYS);
    }

    @Override
    public double ratePerSecond(long time) {
        return daily.ratePerSecond(time) * factors[dayIndex(time)];
    }

    @Override
    public double maxRatePerSecond() {
        return max;
    }

    @Override
    public double meanRatePerSecond() {
        return mean;
    }
}
