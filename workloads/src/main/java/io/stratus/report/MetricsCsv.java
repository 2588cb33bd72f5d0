package io.stratus.report;

import io.stratus.run.MetricsRow;
import io.stratus.sim.Time;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * {@code metrics.csv}: one row per service and metrics period. Columns: period end (seconds and
 * a readable time), service, instances by state, CPU utilisation (0 to 1), memory reserved
 * (GiB), steal (runnable vCPU time not granted because of neighbours, 0 to 1), I/O operations per second, requests arrived, refused and completed in the period, latency p50 / p95 / p99 of the
 * period's completions (ms; empty when none completed), and cumulative cost (USD). A GPU cluster's
 * rows (service {@code cluster/policy}) count pods: pending and running at the period's end,
 * arrived, never placed (in the refused column) and placed (in the completed column) in the
 * period, and fill the last two columns, empty for other rows: GPU allocation ratio and GPU
 * fragmentation rate at the period's end (0 to 1). The service cell is written through
 * {@link CsvCells} (quoted as RFC 4180 says, guarded against formula injection).
 */
public final class MetricsCsv {

    static final String HEADER = "time_s,time,service,pending,running,stopped_or_stopping,cpu_utilisation,steal,"
            + "memory_gib,iops,requests_arrived,requests_refused,requests_completed,latency_p50_ms,latency_p95_ms,"
            + "latency_p99_ms,cost_usd,gpu_allocation,gpu_fragmentation";

    private MetricsCsv() {
    }

    /**
     * The CSV text of the rows. When a consolidation workload ran, its columns
     * ({@link ConsolidationReport#CSV_COLUMNS}) follow, empty on the other rows.
     */
    public static byte[] render(List<MetricsRow> rows) {
        boolean consolidation = rows.stream().anyMatch(r -> r.consolidation() != null);
        StringBuilder b = new StringBuilder(HEADER);
        if (consolidation) {
            b.append(',').append(ConsolidationReport.CSV_COLUMNS);
        }
        b.append('\n');
        for (MetricsRow r : rows) {
            b.append(r.periodEndMicros() / Time.SECOND).append(',')
                    .append(Time.format(r.periodEndMicros())).append(',')
                    .append(CsvCells.field(r.service())).append(',')
                    .append(r.pending()).append(',')
                    .append(r.running()).append(',')
                    .append(r.stopped()).append(',')
                    .append(number(r.cpuUtilisation(), "%.4f")).append(',')
                    .append(number(r.steal(), "%.4f")).append(',')
                    .append(number(r.memoryGib(), "%.1f")).append(',')
                    .append(number(r.iops(), "%.1f")).append(',')
                    .append(r.arrived()).append(',')
                    .append(r.refused()).append(',')
                    .append(r.completed()).append(',')
                    .append(number(r.p50Ms(), "%.3f")).append(',')
                    .append(number(r.p95Ms(), "%.3f")).append(',')
                    .append(number(r.p99Ms(), "%.3f")).append(',')
                    .append(number(r.costUsd(), "%.6f")).append(',')
                    .append(number(r.gpuAllocation(), "%.6f")).append(',')
                    .append(number(r.gpuFragmentation(), "%.6f"));
            if (consolidation) {
                b.append(',');
                ConsolidationReport.csv(b, r.consolidation());
            }
            b.append('\n');
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String number(double v, String format) {
        return Double.isFinite(v) ? Numbers.withoutNegativeZero(String.format(Locale.ROOT, format, v)) : "";
    }
}
