package io.stratus.workload;

import io.stratus.sim.Time;

/**
 * A daily cycle: a base rate plus one Gaussian bump centred on a time of day, repeating every
 * 24 hours, such as a café's lunch rush.
 *
 * <p>{@code rate(t) = base + height * w(t)}, where {@code w} is the Gaussian of standard
 * deviation {@code width} wrapped around the 24-hour circle (summed over neighbouring days, so
 * the cycle is smooth at midnight). The wrapped Gaussian integrates over one day to
 * {@code width * sqrt(2 pi)} exactly, so base and height follow in closed form from the two
 * things a user knows: the daily mean rate and the peak factor (rate at the peak divided by the
 * mean). A peak factor so high that the base would be negative is refused, with the largest
 * factor the width allows.
 *
 * <p>Time 0 of the simulation is midnight.
 */
public final class DailyPeakRate implements RateProfile {

    private static final double SQRT_TWO_PI = Math.sqrt(2 * Math.PI);
    private static final int NEIGHBOUR_DAYS = 2;
    /** Beyond this many widths from the peak, exp(-d^2/2) is below 1e-300: skip the term. */
    private static final double NEGLIGIBLE_WIDTHS = 37;

    private final double mean;
    private final double peakFactor;
    private final long peakTimeOfDay;
    private final double width;
    private final double base;
    private final double height;
    private final double max;

    /**
     * @param meanPerSecond daily mean rate, arrivals per second
     * @param peakTimeOfDay time of the peak after midnight, microseconds
     * @param peakFactor    rate at the peak divided by the daily mean, at least 1
     * @param widthMicros   standard deviation of the bump, microseconds
     */
    public DailyPeakRate(double meanPerSecond, long peakTimeOfDay, double peakFactor, long widthMicros) {
        if (!(meanPerSecond > 0) || !Double.isFinite(meanPerSecond)) {
            throw new IllegalArgumentException("mean rate must be positive, got " + meanPerSecond);
        }
        if (peakTimeOfDay < 0 || peakTimeOfDay >= Time.DAY) {
            throw new IllegalArgumentException("peak time must be within the day, got " + Time.format(peakTimeOfDay));
        }
        if (!(peakFactor >= 1) || !Double.isFinite(peakFactor)) {
            throw new IllegalArgumentException("peak factor must be at least 1, got " + peakFactor);
        }
        if (widthMicros <= 0 || widthMicros > Time.DAY / 2) {
            throw new IllegalArgumentException("peak width must be between 0 and 12h, got " + Time.format(widthMicros));
        }
        this.mean = meanPerSecond;
        this.peakTimeOfDay = peakTimeOfDay;
        this.peakFactor = peakFactor;
        this.width = widthMicros;
        double bumpMean = width * SQRT_TWO_PI / Time.DAY; // daily mean of w
        double bumpPeak = wrapped(0);                        // w at the peak
        double maxFactor = bumpPeak / bumpMean;
        if (peakFactor > maxFactor) {
            throw new IllegalArgumentException(String.format(
                    "peak factor %.3g is too high for a peak width of %s: at most %.3g (widen the peak)",
                    peakFactor, Time.format(widthMicros), maxFactor));
        }
        this.height = (peakFactor - 1) * mean / (bumpPeak - bumpMean);
        this.base = Math.max(0, mean - height * bumpMean);
        this.max = base + height * bumpPeak;
    }

    /** Unnormalised wrapped Gaussian at {@code offset} microseconds from the peak. */
    private double wrapped(double offset) {
        double sum = 0;
        for (int k = -NEIGHBOUR_DAYS; k <= NEIGHBOUR_DAYS; k++) {
            double d = (offset + k * (double) Time.DAY) / width;
            if (Math.abs(d) < NEGLIGIBLE_WIDTHS) {
                sum += Math.exp(-0.5 * d * d);
            }
        }
        return sum;
    }

    @Override
    public double ratePerSecond(long time) {
        long offset = Math.floorMod(time - peakTimeOfDay, Time.DAY);
        return base + height * wrapped(offset);
    }

    @Override
    public double maxRatePerSecond() {
        return max;
    }

    @Override
    public double meanRatePerSecond() {
        return mean;
    }

    /** The rate far from the peak (the overnight floor), arrivals per second. */
    public double baseRatePerSecond() {
        return base;
    }

    /** The peak factor. */
    public double peakFactor() {
        return peakFactor;
    }
}
