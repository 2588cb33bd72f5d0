package io.stratus.report;

import java.util.Arrays;

/**
 * Where a bar chart's value axis ends, so that one outlier does not flatten the other bars: when
 * some values exceed {@link #FACTOR} times the median of the values (at least three of them,
 * median above zero), the axis ends a quarter past the largest of the others (unless the
 * outliers fit within that) and the outliers' bars are cut at the edge (their labels still give
 * their values); otherwise it ends past the largest value as usual ({@code NaN}: no cap). A
 * rule of thumb, not a statistical test: four times the median keeps bars a reader can compare
 * while still showing the outliers as the longest.
 */
public final class OutlierScale {

    /** How many times the median a value may be before it is drawn cut. */
    public static final double FACTOR = 4;

    private OutlierScale() {
    }

    /** The value axis's end, or {@code NaN} when no value is an outlier. Values that are not finite are ignored. */
    public static double cap(double[] values) {
        double[] v = Arrays.stream(values).filter(Double::isFinite).sorted().toArray();
        if (v.length < 3) {
            return Double.NaN;
        }
        double median = v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
        if (median <= 0 || v[v.length - 1] <= FACTOR * median) {
            return Double.NaN;
        }
        double largestInlier = 0;
        for (double x : v) {
            if (x <= FACTOR * median) {
                largestInlier = x;
            }
        }
        double cap = 1.25 * largestInlier;
        return cap < v[v.length - 1] ? cap : Double.NaN; // an outlier just past 4 x the median fits whole
    }

    /** Whether {@code value} is drawn cut under {@code cap}. */
    public static boolean cut(double value, double cap) {
        return Double.isFinite(cap) && value > cap;
    }
}
