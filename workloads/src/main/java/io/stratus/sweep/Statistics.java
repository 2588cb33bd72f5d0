package io.stratus.sweep;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * Mean, sample standard deviation and the half-width of a 95% confidence interval for the mean
 * over replications: {@code t(0.975, n-1) * sd / sqrt(n)}, Student's t, which assumes the
 * replications are independent and their values roughly normal (a mean of many requests usually
 * is). Undefined (NaN) for fewer than two values, where there is no spread to estimate.
 *
 * @param n        how many values
 * @param mean     their mean (NaN when none)
 * @param sd       their sample standard deviation, divisor {@code n - 1}
 * @param halfWidth the 95% confidence half-width of the mean
 */
public record Statistics(int n, double mean, double sd, double halfWidth) {

    /**
     * The statistics of {@code values}, summed in the order given (so they are reproducible),
     * about the first value (so equal values have a standard deviation of exactly 0).
     */
    public static Statistics of(double[] values) {
        int n = values.length;
        if (n == 0) {
            return new Statistics(0, Double.NaN, Double.NaN, Double.NaN);
        }
        // shifted by the first value: equal values give exactly their value and a spread of exactly 0
        double shift = values[0];
        double sum = 0;
        for (double v : values) {
            sum += v - shift;
        }
        double meanShifted = sum / n;
        double mean = shift + meanShifted;
        if (n == 1) {
            return new Statistics(1, mean, Double.NaN, Double.NaN);
        }
        double squares = 0;
        for (double v : values) {
            double d = v - shift - meanShifted;
            squares += d * d;
        }
        double sd = Math.sqrt(squares / (n - 1));
        double t = new TDistribution(null, n - 1).inverseCumulativeProbability(0.975);
        return new Statistics(n, mean, sd, t * sd / Math.sqrt(n));
    }
}
