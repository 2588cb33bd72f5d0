package io.stratus.monitor;

import java.util.Objects;

/**
 * Combines every {@code periods} consecutive datapoints of a metric into one and hands it on:
 * the datapoints of an alarm whose period is a multiple of its metric's. Counts and sums add,
 * minimum and maximum are the extremes; a percentile cannot be combined from percentiles, so
 * the combined p99 is NaN. Allocates one datapoint per combined period.
 */
final class PeriodRollup implements DatapointListener {

    private final int periods;
    private final DatapointListener next;
    private int seen;
    private long count;
    private double sum;
    private double min = Double.NaN;
    private double max = Double.NaN;

    PeriodRollup(int periods, DatapointListener next) {
        if (periods < 2) {
            throw new IllegalArgumentException("a rollup combines at least 2 periods, got " + periods);
        }
        this.periods = periods;
        this.next = Objects.requireNonNull(next, "next");
    }

    @Override
    public void datapoint(Metric metric, Datapoint d) {
        if (d.count() > 0) {
            count += d.count();
            sum += d.sum();
            min = Double.isNaN(min) || d.minimum() < min ? d.minimum() : min;
            max = Double.isNaN(max) || d.maximum() > max ? d.maximum() : max;
        }
        if (++seen < periods) {
            return;
        }
        Datapoint combined = new Datapoint(d.periodEnd(), count, sum, min, max, Double.NaN);
        seen = 0;
        count = 0;
        sum = 0;
        min = Double.NaN;
        max = Double.NaN;
        next.datapoint(metric, combined);
    }
}
