package io.stratus.synthetic;

import io.stratus.trace.FunctionDurations;
import java.util.List;
import java.util.Locale;

/**
 * How to close a function's duration distribution built from an Azure Functions percentile table
 * ({@link FunctionDurations}): the table fixes the quantiles at 0, 1, 25, 50, 75 and 99 per cent,
 * but the top per cent is one linear segment whose end decides much of the mean, because the
 * largest per-interval average is often a thousand times the p99 (function 47658c9c: p99 481 ms,
 * p100 130,686 ms, Average 306 ms). By name in scenario files ({@link #id()}).
 */
public enum DurationTail {

    /**
     * Knots p0 to p99 of the table; the last knot is placed between p99 and p100 so that the
     * distribution's mean equals the table's {@code Average} (the one number measured over all
     * invocations), clamped to [p99, p100] when the lower percentiles alone already give a mean
     * above (or, with the ramp to p100, below) the Average. The default: it keeps the mean honest.
     */
    AVERAGE("average"),
    /** Knots p0 to p100 of the table as they are: the top per cent spread uniformly up to p100. */
    P100("p100"),
    /**
     * The knots {@code (0, Minimum), (1, p1), ..., (99, p99), (100, Maximum)}: the single
     * shortest and longest invocations at the ends. Mixes statistics of single invocations with
     * percentiles of averages; kept to show how far it inflates the mean.
     */
    EXTREMES("extremes");

    private static final double[] LEVELS = {0, 0.01, 0.25, 0.50, 0.75, 0.99, 1.0};

    private final String id;

    DurationTail(String id) {
        this.id = id;
    }

    /** The name in scenario files. */
    public String id() {
        return id;
    }

    /** The names, in order. */
    public static List<String> ids() {
        return List.of(AVERAGE.id, P100.id, EXTREMES.id);
    }

    /** The tail named {@code id}. */
    public static DurationTail named(String id) {
        for (DurationTail t : values()) {
            if (t.id.equals(id.toLowerCase(Locale.ROOT))) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown duration tail '" + id + "'; allowed: " + String.join(", ", ids()));
    }

    /** The distribution of one function's durations, milliseconds, closed this way. */
    public PiecewiseLinearQuantiles quantiles(FunctionDurations d) {
        double[] values = d.percentiles();
        switch (this) {
            case P100:
                break;
            case EXTREMES:
                values[0] = Math.min(d.minimumMs(), values[0]);
                values[values.length - 1] = Math.max(d.maximumMs(), values[values.length - 1]);
                break;
            default:
                values[values.length - 1] = averageMatchingEnd(values, d.averageMs());
        }
        return new PiecewiseLinearQuantiles(LEVELS, values);
    }

    /** The p100 knot that makes the mean equal {@code average}, within [p99, p100]. */
    private static double averageMatchingEnd(double[] v, double average) {
        int last = v.length - 1;
        double body = 0;
        for (int i = 1; i < last; i++) {
            body += (LEVELS[i] - LEVELS[i - 1]) * (v[i - 1] + v[i]) / 2;
        }
        double topWidth = LEVELS[last] - LEVELS[last - 1];
        // body + topWidth * (p99 + end) / 2 = average
        double end = 2 * (average - body) / topWidth - v[last - 1];
        return Math.max(v[last - 1], Math.min(v[last], end));
    }
}
