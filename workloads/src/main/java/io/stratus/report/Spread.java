package io.stratus.report;

import java.util.Arrays;

/**
 * The mean and the 5th and 95th percentiles of a quantity over replications. Percentiles
 * interpolate linearly between the order statistics (Hyndman and Fan's type 7, the default of R
 * and NumPy): the {@code p}-quantile of {@code n} sorted values is at rank {@code h = (n - 1) p},
 * between values {@code floor(h)} and {@code floor(h) + 1}. With one value all three are it.
 *
 * @param mean the arithmetic mean, summed in the order given
 * @param p5   the 5th percentile
 * @param p95  the 95th percentile
 */
public record Spread(double mean, double p5, double p95) {

    /** The spread of {@code values} (at least one). */
    public static Spread of(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no values");
        }
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return new Spread(sum / values.length, quantile(sorted, 0.05), quantile(sorted, 0.95));
    }

    /** The {@code p}-quantile of sorted values, type 7. */
    static double quantile(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
