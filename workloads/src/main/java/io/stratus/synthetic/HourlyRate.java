package io.stratus.synthetic;

import io.stratus.sim.Time;
import io.stratus.workload.RateProfile;

/**
 * A daily cycle given hour by hour: the rate is constant within each hour of the day and repeats
 * every 24 hours, as when a rate profile is fitted from a trace's hourly means. Time 0 of the
 * simulation is midnight.
 *
 * <p>The mean rate is the average of the 24 hourly rates (each hour weighs the same); the
 * maximum is the largest. Steps between hours are abrupt: finer structure needs finer bins (a
 * {@code io.stratus.trace.replay.RateReplay} of the trace itself).
 */
public final class HourlyRate implements RateProfile {

    private static final int HOURS = 24;

    private final double[] perHour;
    private final double mean;
    private final double max;

    /**
     * @param ratesPerSecond 24 rates in arrivals per second, for 00:00-01:00 to 23:00-24:00; not
     *                       negative, at least one positive
     */
    public HourlyRate(double... ratesPerSecond) {
        if (ratesPerSecond.length != HOURS) {
            throw new IllegalArgumentException("need 24 hourly rates, got " + ratesPerSecond.length);
        }
        perHour = ratesPerSecond.clone();
        double sum = 0;
        double largest = 0;
        for (int h = 0; h < HOURS; h++) {
            double r = perHour[h];
            if (!(r >= 0) || !Double.isFinite(r)) {
                throw new IllegalArgumentException("hour " + h + ": rate must be finite and not negative, got " + r);
            }
            sum += r;
            largest = Math.max(largest, r);
        }
        if (largest == 0) {
            throw new IllegalArgumentException("at least one hourly rate must be positive");
        }
        mean = sum / HOURS;
        max = largest;
    }

    @Override
    public double ratePerSecond(long time) {
        return perHour[(int) (Math.floorMod(time, Time.DAY) / Time.HOUR)];
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
