package io.stratus.monitor;

import io.stratus.hypervisor.CompletionListener;
import org.HdrHistogram.Histogram;

/**
 * Request latencies: an exact count, sum, minimum and maximum, and an HdrHistogram (3 significant
 * digits) for percentiles, clamped to the exact minimum and maximum (a histogram bucket's top can
 * lie above the largest value recorded in it, so an unclamped p99 could exceed the maximum).
 * Recording allocates nothing.
 *
 * <p>The histogram covers 1 microsecond to {@link #MAX_TRACKED_MICROS}; a longer latency is
 * counted in the mean and the maximum exactly, and in the histogram as the maximum trackable
 * value (reported as {@link #saturated()}).
 */
public final class LatencyRecorder implements CompletionListener {

    /** One day: the longest latency the histogram resolves. */
    public static final long MAX_TRACKED_MICROS = 86_400_000_000L;

    private final Histogram histogram = new Histogram(MAX_TRACKED_MICROS, 3);
    private long count;
    private long sumMicros;
    private long maxMicros;
    private long minMicros = Long.MAX_VALUE;
    private long saturated;

    @Override
    public void completed(int instance, long arrivalTime, long now) {
        record(now - arrivalTime);
    }

    /** Records one latency in microseconds. */
    public void record(long latencyMicros) {
        count++;
        sumMicros += latencyMicros;
        if (latencyMicros > maxMicros) {
            maxMicros = latencyMicros;
        }
        if (latencyMicros < minMicros) {
            minMicros = latencyMicros;
        }
        long v = Math.max(1, latencyMicros);
        if (v > MAX_TRACKED_MICROS) {
            saturated++;
            v = MAX_TRACKED_MICROS;
        }
        histogram.recordValue(v);
    }

    /** Requests recorded. */
    public long count() {
        return count;
    }

    /** Exact mean latency in microseconds (NaN if none). */
    public double meanMicros() {
        return count == 0 ? Double.NaN : (double) sumMicros / count;
    }

    /** Sum of latencies in microseconds. */
    public long sumMicros() {
        return sumMicros;
    }

    /** Exact maximum latency in microseconds. */
    public long maxMicros() {
        return maxMicros;
    }

    /** Exact minimum latency in microseconds (0 if none recorded). */
    public long minMicros() {
        return count == 0 ? 0 : minMicros;
    }

    /**
     * Latency at a percentile (0 to 100), microseconds, within 0.1% and never outside the exact
     * minimum and maximum (0 if none recorded: callers report no completions as none).
     */
    public long percentileMicros(double percentile) {
        if (count == 0) {
            return 0;
        }
        return Math.min(maxMicros, Math.max(minMicros, histogram.getValueAtPercentile(percentile)));
    }

    /** Latencies longer than the histogram's range. */
    public long saturated() {
        return saturated;
    }
}
