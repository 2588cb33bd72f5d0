package io.stratus.report;

import io.stratus.run.MetricsRow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The metrics rows by workload, in first-seen order, and the groups the charts draw: the EC2
 * workloads (services, batch, queues, consolidation: not GPU clusters), those of them that
 * receive requests or jobs, the GPU clusters, and the consolidation workloads.
 *
 * @param ec2 the EC2 workloads' rows
 * @param loaded the EC2 workloads that received at least one request or job
 * @param gpu the GPU clusters' rows ({@code cluster/policy})
 * @param consolidation the consolidation workloads' rows
 * @param axis the time axis for the run's length
 */
public record MetricsGroups(Map<String, List<MetricsRow>> ec2, Map<String, List<MetricsRow>> loaded,
                            Map<String, List<MetricsRow>> gpu, Map<String, List<MetricsRow>> consolidation,
                            TimeAxis axis) {

    /** The groups of {@code rows} (in period order per workload). */
    public static MetricsGroups of(List<MetricsRow> rows) {
        Map<String, List<MetricsRow>> byService = new LinkedHashMap<>();
        for (MetricsRow r : rows) {
            byService.computeIfAbsent(r.service(), k -> new ArrayList<>()).add(r);
        }
        Map<String, List<MetricsRow>> ec2 = only(byService, list -> !Double.isFinite(list.get(0).gpuAllocation()));
        return new MetricsGroups(ec2, only(ec2, list -> list.stream().anyMatch(r -> r.arrived() > 0)),
                only(byService, list -> Double.isFinite(list.get(0).gpuAllocation())),
                only(byService, list -> list.get(0).consolidation() != null),
                TimeAxis.of(rows.isEmpty() ? 0 : rows.get(rows.size() - 1).periodEndMicros()));
    }

    private static Map<String, List<MetricsRow>> only(Map<String, List<MetricsRow>> byService,
                                                      Predicate<List<MetricsRow>> keep) {
        Map<String, List<MetricsRow>> out = new LinkedHashMap<>(byService);
        out.values().removeIf(keep.negate());
        return out;
    }

    /**
     * Whether latencies should be drawn on a logarithmic axis: they span more than a factor of 20
     * (below that a log axis shows one or two labels and hides the differences).
     */
    public boolean latencySpansDecades() {
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (List<MetricsRow> rows : ec2.values()) {
            for (MetricsRow r : rows) {
                for (double v : new double[] {r.p50Ms(), r.p95Ms(), r.p99Ms()}) {
                    if (Double.isFinite(v) && v > 0) {
                        min = Math.min(min, v);
                        max = Math.max(max, v);
                    }
                }
            }
        }
        return max > 20 * min;
    }
}
