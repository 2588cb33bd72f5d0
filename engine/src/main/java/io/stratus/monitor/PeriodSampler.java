package io.stratus.monitor;

/**
 * Publishes gauge-like samples (CPU utilisation, queue depth) at the end of each period, before
 * the metrics close it: for values that are read from the model rather than pushed by events.
 */
@FunctionalInterface
public interface PeriodSampler {

    /** Samples the period {@code [periodStart, periodEnd)}; the clock is at {@code periodEnd}. */
    void sample(long periodStart, long periodEnd);
}
