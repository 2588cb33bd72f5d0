package io.stratus.monitor;

/** Told when a metric closes a period. */
@FunctionalInterface
public interface DatapointListener {

    /** {@code metric} closed a period with {@code datapoint} (possibly missing). */
    void datapoint(Metric metric, Datapoint datapoint);
}
