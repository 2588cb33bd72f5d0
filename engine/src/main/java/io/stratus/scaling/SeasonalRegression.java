package io.stratus.scaling;

import io.stratus.sim.Time;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;

/**
 * The forecasting model of predictive scaling: an ordinary least-squares regression of hourly
 * load on hour-of-day indicators and, once a full week of history exists, day-of-week
 * indicators (Commons Math {@link OLSMultipleLinearRegression}).
 *
 * <p>{@code load(h) = b0 + sum_k a_k [hourOfDay(h) = k] + sum_j c_j [dayOfWeek(h) = j]}, with
 * hour 0 and day 0 as the baselines. With one to six days of history it reduces to the mean load
 * of each hour of the day; with a week or more it adds a weekly pattern that is the same shape
 * every day, shifted by day. No trend term: a trend extrapolated 48 hours ahead from two weeks
 * is more often wrong than right for daily business cycles. Forecasts below zero are clamped
 * to zero. Hours are counted from time 0 (midnight of day 0, taken as day-of-week 0).
 */
public final class SeasonalRegression {

    private static final int HOURS_PER_DAY = 24;
    private static final int DAYS_PER_WEEK = 7;

    private final double[] beta;
    private final boolean weekly;

    private SeasonalRegression(double[] beta, boolean weekly) {
        this.beta = beta;
        this.weekly = weekly;
    }

    /**
     * Fits the model.
     *
     * @param firstHour hour index (since time 0) of {@code loads[0]}
     * @param loads     consecutive hourly loads, at least 24
     */
    public static SeasonalRegression fit(long firstHour, double[] loads) {
        if (loads.length < HOURS_PER_DAY) {
            throw new IllegalArgumentException("need at least 24 hours of history, got " + loads.length);
        }
        boolean weekly = loads.length >= HOURS_PER_DAY * DAYS_PER_WEEK;
        int columns = (HOURS_PER_DAY - 1) + (weekly ? DAYS_PER_WEEK - 1 : 0);
        double[][] x = new double[loads.length][];
        for (int i = 0; i < loads.length; i++) {
            x[i] = features(firstHour + i, weekly, columns);
        }
        OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
        ols.newSampleData(loads.clone(), x);
        return new SeasonalRegression(ols.estimateRegressionParameters(), weekly);
    }

    /** Whether the model has a day-of-week part. */
    public boolean isWeekly() {
        return weekly;
    }

    /** The forecast load of hour {@code hour} (hours since time 0), never negative. */
    public double forecast(long hour) {
        double[] f = features(hour, weekly, beta.length - 1);
        double y = beta[0];
        for (int k = 0; k < f.length; k++) {
            y += beta[k + 1] * f[k];
        }
        return Math.max(0, y);
    }

    /** The hour index of a time. */
    public static long hourOf(long time) {
        return Math.floorDiv(time, Time.HOUR);
    }

    private static double[] features(long hour, boolean weekly, int columns) {
        double[] f = new double[columns];
        int hod = (int) Math.floorMod(hour, HOURS_PER_DAY);
        if (hod > 0) {
            f[hod - 1] = 1;
        }
        if (weekly) {
            int dow = (int) Math.floorMod(Math.floorDiv(hour, HOURS_PER_DAY), DAYS_PER_WEEK);
            if (dow > 0) {
                f[HOURS_PER_DAY - 1 + dow - 1] = 1;
            }
        }
        return f;
    }
}
