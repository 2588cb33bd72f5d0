package io.stratus.report;

import io.stratus.run.MetricsRow;
import io.stratus.sim.Time;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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
 * fragmentation rate at the period's end (0 to 1). Every row is written through {@link CsvCells}
 * (jackson-dataformat-csv: quoted as RFC 4180 says, guarded against formula injection), so a
 * workload named {@code api,v2} reads back as one cell.
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
        List<String> header = new ArrayList<>(List.of(HEADER.split(",")));
        if (consolidation) {
            header.addAll(List.of(ConsolidationReport.CSV_COLUMNS.split(",")));
        }
        StringBuilder b = new StringBuilder(CsvCells.row(header));
        for (MetricsRow r : rows) {
            List<String> cells = new ArrayList<>(List.of(
                    Long.toString(r.periodEndMicros() / Time.SECOND),
                    Time.format(r.periodEndMicros()),
                    r.service(),
                    Integer.toString(r.pending()),
                    Integer.toString(r.running()),
                    Integer.toString(r.stopped()),
                    number(r.cpuUtilisation(), "%.4f"),
                    number(r.steal(), "%.4f"),
                    number(r.memoryGib(), "%.1f"),
                    number(r.iops(), "%.1f"),
                    Long.toString(r.arrived()),
                    Long.toString(r.refused()),
                    Long.toString(r.completed()),
                    number(r.p50Ms(), "%.3f"),
                    number(r.p95Ms(), "%.3f"),
                    number(r.p99Ms(), "%.3f"),
                    number(r.costUsd(), "%.6f"),
                    number(r.gpuAllocation(), "%.6f"),
                    number(r.gpuFragmentation(), "%.6f")));
            if (consolidation) {
                cells.addAll(ConsolidationReport.csvCells(r.consolidation()));
            }
            b.append(CsvCells.row(cells));
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String number(double v, String format) {
        return Double.isFinite(v) ? Numbers.withoutNegativeZero(String.format(Locale.ROOT, format, v)) : "";
    }
}
