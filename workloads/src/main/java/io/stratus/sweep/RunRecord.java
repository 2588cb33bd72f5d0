package io.stratus.sweep;

import java.util.List;

/**
 * The headline numbers of one run of a sweep.
 *
 * @param combination the combination's number
 * @param replication the replication's number
 * @param seed        the master seed the run used
 * @param metrics     its headline numbers, in {@link HeadlineMetrics} order
 */
public record RunRecord(int combination, int replication, long seed, List<Metric> metrics) {

    public RunRecord {
        metrics = List.copyOf(metrics);
    }

    /**
     * One headline number.
     *
     * @param workload what it is about: {@code scenario}, {@code service:NAME}, {@code batch:NAME},
     *                 {@code queue:NAME}, {@code gpu:CLUSTER/POLICY} or {@code consolidation:NAME}
     * @param metric   its name, snake_case with its unit, such as {@code latency_p99_ms}
     * @param value    the number as written (integers exactly, others to 6 significant digits),
     *                 empty when undefined (a latency with no request completed)
     */
    public record Metric(String workload, String metric, String value) {
    }
}
