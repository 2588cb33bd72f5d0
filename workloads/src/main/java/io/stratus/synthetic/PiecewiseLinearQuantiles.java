package io.stratus.synthetic;

import java.util.Arrays;

/**
 * A continuous distribution given by its quantile function, linear between knots
 * {@code (level_i, value_i)}: {@code Q(p) = v_i + (p - l_i) / (l_{i+1} - l_i) * (v_{i+1} - v_i)} for
 * {@code l_i <= p <= l_{i+1}}. It is the empirical distribution that a percentile table describes
 * when nothing is known between the listed percentiles: the probability between two consecutive
 * percentiles is spread uniformly over the values between them.
 *
 * <p>Sampling is by inversion ({@code Q(U)} for a uniform {@code U}): a scan over the few knots,
 * no allocation. The mean is exact: {@code sum (l_{i+1} - l_i) (v_i + v_{i+1}) / 2}.
 *
 * <p>Assumption: uniform mass between knots. For a right-skewed quantity whose percentiles are far
 * apart (a p75 of 84 and a p99 of 1,238) the real mass sits near the lower knot, so this
 * overestimates the mean; the caller decides the last knot, where the choice matters most.
 */
public final class PiecewiseLinearQuantiles {

    private final double[] levels;
    private final double[] values;
    private final double mean;

    /**
     * @param levels probability levels, strictly increasing from exactly 0 to exactly 1
     * @param values the quantiles at those levels, finite and non-decreasing
     */
    public PiecewiseLinearQuantiles(double[] levels, double[] values) {
        if (levels.length < 2 || levels.length != values.length) {
            throw new IllegalArgumentException("need at least two knots and as many values as levels, got "
                    + levels.length + " levels and " + values.length + " values");
        }
        if (levels[0] != 0 || levels[levels.length - 1] != 1) {
            throw new IllegalArgumentException("levels must run from 0 to 1, got " + Arrays.toString(levels));
        }
        double sum = 0;
        for (int i = 0; i < levels.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException("quantile values must be finite, got " + values[i]);
            }
            if (i > 0) {
                if (!(levels[i] > levels[i - 1])) {
                    throw new IllegalArgumentException("levels must increase strictly, got " + Arrays.toString(levels));
                }
                if (values[i] < values[i - 1]) {
                    throw new IllegalArgumentException("quantile values must not decrease, got "
                            + Arrays.toString(values));
                }
                sum += (levels[i] - levels[i - 1]) * (values[i - 1] + values[i]) / 2;
            }
        }
        this.levels = levels.clone();
        this.values = values.clone();
        this.mean = sum;
    }

    /** The quantile at probability {@code p} in [0, 1]. */
    public double quantile(double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("probability must be in [0, 1], got " + p);
        }
        int i = 1;
        while (i < levels.length - 1 && levels[i] < p) {
            i++;
        }
        double width = levels[i] - levels[i - 1];
        return values[i - 1] + (p - levels[i - 1]) / width * (values[i] - values[i - 1]);
    }

    /** The mean, exact. */
    public double mean() {
        return mean;
    }

    /** The smallest value. */
    public double min() {
        return values[0];
    }

    /** The largest value. */
    public double max() {
        return values[values.length - 1];
    }

    @Override
    public String toString() {
        return "PiecewiseLinearQuantiles[levels=" + Arrays.toString(levels) + ", values=" + Arrays.toString(values) + "]";
    }
}
