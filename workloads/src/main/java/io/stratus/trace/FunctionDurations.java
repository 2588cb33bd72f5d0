package io.stratus.trace;

import java.util.Arrays;
import java.util.Objects;

/**
 * One function's execution times over a day of the Azure Functions trace 2019
 * ({@code function_durations_percentiles.anon.dNN.csv}, or the invitro sample {@code durations.csv}).
 *
 * <p>What the numbers are, from the dataset's notes (AzureFunctionsDataset2019.md): the runtime
 * reports, per worker and per 30-second interval, the average execution time of the function's
 * invocations in that interval and how many there were. {@code average} and {@code count} are
 * over all the day's invocations; {@code minimum} and {@code maximum} are single invocations;
 * the {@code percentile_Average_N} columns are weighted percentiles (weights: the invocation
 * counts) of those <em>per-interval averages</em>, not of single invocations. A distribution built
 * from them is therefore narrower than the real per-invocation distribution (averaging shrinks the
 * tails) while its mean is, up to interpolation, the day's mean.
 *
 * @param owner       anonymised owner hash
 * @param app         anonymised application hash
 * @param function    anonymised function hash
 * @param averageMs   mean execution time of the day's invocations, milliseconds
 * @param count       invocations behind the average
 * @param minimumMs   shortest single invocation, milliseconds
 * @param maximumMs   longest single invocation, milliseconds
 * @param percentiles the weighted percentiles of the per-interval averages, milliseconds, at
 *                    {@link #PERCENTILES} (0, 1, 25, 50, 75, 99, 100); copied in and out
 */
public record FunctionDurations(String owner, String app, String function, double averageMs, long count,
                                double minimumMs, double maximumMs, double[] percentiles) {

    /** The percentile levels of the table's columns, in per cent. */
    private static final double[] LEVELS = {0, 1, 25, 50, 75, 99, 100};

    /** The percentile levels of the table's columns, in per cent (a copy). */
    public static double[] levels() {
        return LEVELS.clone();
    }

    /** The number of percentile columns. */
    public static final int PERCENTILES = LEVELS.length;

    public FunctionDurations {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(function, "function");
        if (percentiles.length != PERCENTILES) {
            throw new IllegalArgumentException("expected " + PERCENTILES + " percentiles, got " + percentiles.length);
        }
        percentiles = percentiles.clone();
        for (int i = 0; i < PERCENTILES; i++) {
            if (!(percentiles[i] >= 0) || !Double.isFinite(percentiles[i])) {
                throw new IllegalArgumentException("percentiles must be finite and not negative, got " + percentiles[i]);
            }
            if (i > 0 && percentiles[i] < percentiles[i - 1]) {
                throw new IllegalArgumentException("percentiles must not decrease: p" + (int) LEVELS[i] + " = "
                        + percentiles[i] + " < p" + (int) LEVELS[i - 1] + " = " + percentiles[i - 1]);
            }
        }
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative, got " + count);
        }
    }

    /** The percentiles (a copy), at {@link #levels()}. */
    @Override
    public double[] percentiles() {
        return percentiles.clone();
    }

    /** The percentile at column {@code i} (0 to 6: p0, p1, p25, p50, p75, p99, p100), milliseconds. */
    public double percentile(int i) {
        return percentiles[i];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FunctionDurations f && owner.equals(f.owner) && app.equals(f.app)
                && function.equals(f.function) && Double.compare(averageMs, f.averageMs) == 0 && count == f.count
                && Double.compare(minimumMs, f.minimumMs) == 0 && Double.compare(maximumMs, f.maximumMs) == 0
                && Arrays.equals(percentiles, f.percentiles);
    }

    @Override
    public int hashCode() {
        return Objects.hash(owner, app, function, averageMs, count, minimumMs, maximumMs, Arrays.hashCode(percentiles));
    }

    @Override
    public String toString() {
        return "FunctionDurations[function=" + function + ", average=" + averageMs + "ms, count=" + count
                + ", percentiles=" + Arrays.toString(percentiles) + "]";
    }
}
