package io.stratus.monitor;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.HdrHistogram.DoubleHistogram;

/**
 * One CloudWatch metric (a name and its dimensions): the samples of the current period are
 * folded into a count, a sum, a minimum, a maximum and, if asked, a histogram for the 99th
 * percentile; at the end of each period they become a {@link Datapoint}, and only the last
 * {@code history} datapoints are kept.
 *
 * <p>Recording a sample allocates nothing. Closing a period allocates one datapoint.
 */
public final class Metric {

    private final String name;
    private final int history;
    private final DoubleHistogram histogram;
    private final ArrayDeque<Datapoint> datapoints = new ArrayDeque<>();
    private final List<DatapointListener> listeners = new ArrayList<>();
    private long count;
    private double sum;
    private double min = Double.NaN;
    private double max = Double.NaN;

    /**
     * @param name        e.g. {@code AWS/EC2 CPUUtilization AutoScalingGroupName=web}
     * @param history     datapoints kept (at least 1)
     * @param percentiles whether to track the 99th percentile (costs a histogram)
     */
    Metric(String name, int history, boolean percentiles) {
        this.name = Objects.requireNonNull(name, "name");
        if (history < 1) {
            throw new IllegalArgumentException("history must be at least 1");
        }
        this.history = history;
        this.histogram = percentiles ? new DoubleHistogram(1_000_000_000_000L, 2) : null;
    }

    /** The metric's name with its dimensions. */
    public String name() {
        return name;
    }

    /** Records one sample in the current period. */
    public void record(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + ": sample must be finite, got " + value);
        }
        count++;
        sum += value;
        if (count == 1 || value < min) {
            min = value;
        }
        if (count == 1 || value > max) {
            max = value;
        }
        if (histogram != null) {
            histogram.recordValue(Math.max(0, value));
        }
    }

    /** Adds a listener told of each closed period. */
    public void addListener(DatapointListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** The last closed datapoint, or null before the first period ends. */
    public Datapoint latest() {
        return datapoints.peekLast();
    }

    /** The datapoints kept, oldest first. */
    public List<Datapoint> datapoints() {
        return List.copyOf(datapoints);
    }

    /** Closes the current period at {@code periodEnd} and tells the listeners. */
    void close(long periodEnd) {
        // clamped to the exact extremes: a histogram bucket's top may exceed the largest value in it
        double p99 = histogram == null || count == 0 ? Double.NaN
                : Math.min(max, Math.max(min, histogram.getValueAtPercentile(99)));
        Datapoint d = new Datapoint(periodEnd, count, sum, min, max, p99);
        count = 0;
        sum = 0;
        min = Double.NaN;
        max = Double.NaN;
        if (histogram != null) {
            histogram.reset();
        }
        if (datapoints.size() == history) {
            datapoints.pollFirst();
        }
        datapoints.addLast(d);
        for (int i = 0; i < listeners.size(); i++) {
            listeners.get(i).datapoint(this, d);
        }
    }
}
