package io.stratus.report;

import io.stratus.pricing.CostReport;
import io.stratus.run.BatchResult;
import io.stratus.run.QueueResult;
import io.stratus.run.RunResult;
import io.stratus.run.ServiceResult;
import io.stratus.sim.Time;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/** {@code summary.md}: the answer as a Markdown table, with the charts beside it. */
public final class SummaryMarkdown {

    private SummaryMarkdown() {
    }

    /** The Markdown text. */
    public static byte[] render(RunResult r, List<String> charts, Optional<CostReport> committed) {
        StringBuilder b = text(r, charts);
        committed.filter(c -> !c.commitments().isEmpty())
                .ifPresent(c -> b.append(CommitmentsReport.markdown(c, r.costUsd(), r.durationMicros())));
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** {@code summary.md} without a committed bill. */
    public static byte[] render(RunResult r, List<String> charts) {
        return text(r, charts).toString().getBytes(StandardCharsets.UTF_8);
    }

    private static StringBuilder text(RunResult r, List<String> charts) {
        StringBuilder b = new StringBuilder();
        b.append("# ").append(MarkdownCells.cell(r.scenario())).append("\n\n");
        b.append("Seed ").append(r.seed()).append(", ").append(Time.compact(r.durationMicros()))
                .append(" simulated on ").append(r.hosts()).append(" hosts.\n\n");
        if (!r.services().isEmpty()) {
            services(b, r);
            SpotSummary.markdown(b, r);
        }
        if (!r.batches().isEmpty()) {
            b.append("\n| batch | runs on | jobs | completed | rejected | unfinished | mean wait s | p95 wait s "
                    + "| max wait s | mean response s | instances | cost USD |\n");
            b.append("|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n");
            for (BatchResult s : r.batches()) {
                b.append(String.format("| %s | %s | %,d | %,d | %,d | %,d | %s | %s | %s | %s | %,d | %s |\n",
                        MarkdownCells.cell(s.name()), s.instanceType(), s.submitted(), s.completed(), s.rejected(), s.unfinished(),
                        Numbers.fixed(s.meanWaitS(), 1), Numbers.fixed(s.p95WaitS(), 1), Numbers.fixed(s.maxWaitS(), 1),
                        Numbers.fixed(s.meanResponseS(), 1), s.instances(),
                        Numbers.usd(s.costUsd())));
            }
        }
        if (!r.queues().isEmpty()) {
            b.append("\n| queue | workers | sent | deleted | dead-lettered | expired | mean backlog | mean s in queue "
                    + "| cost USD |\n");
            b.append("|---|---|--:|--:|--:|--:|--:|--:|--:|\n");
            for (QueueResult q : r.queues()) {
                b.append(String.format("| %s | %.1f avg, %d peak x %s | %,d | %,d | %,d | %,d | %s | %s | %s |\n",
                        MarkdownCells.cell(q.name()), q.meanWorkers(), q.peakWorkers(), q.instanceType(), q.sent(), q.deleted(),
                        q.deadLettered(), q.expired(), Numbers.fixed(q.meanBacklog(), 1),
                        Numbers.fixed(q.meanTimeInQueueS(), 1),
                        Numbers.usd(q.costUsd())));
            }
        }
        if (!r.gpuClusters().isEmpty()) {
            GpuSummary.markdown(b, r);
        }
        if (!r.functions().isEmpty()) {
            FunctionsSummary.markdown(b, r);
        }
        r.consolidation().ifPresent(c -> ConsolidationReport.markdown(b, c));
        r.contrast().ifPresent(c -> ContrastReport.markdown(b, r, c));
        if (!r.dedicatedHosts().isEmpty()) {
            List<String[]> rows = SummaryTable.dedicatedHostRows(r);
            b.append("\n| ").append(String.join(" | ", rows.get(0))).append(" |\n");
            b.append("|---|---|---|--:|--:|--:|--:|\n");
            for (String[] row : rows.subList(1, rows.size())) {
                b.append("| ").append(String.join(" | ", row)).append(" |\n");
            }
        }
        FaultsReport.markdown(b, r);
        MonitoringReport.markdown(b, r.monitoring());
        if (!r.charges().isEmpty()) {
            ChargesReport.markdown(b, r.charges());
        }
        footer(b, r, charts);
        return b;
    }

    private static void services(StringBuilder b, RunResult r) {
        b.append("| service | instances | requests | refused | completed | mean ms | p50 ms | p95 ms | p99 ms "
                + "| CPU util | steal | cost USD | USD per million requests |\n");
        b.append("|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n");
        for (ServiceResult s : r.services()) {
            b.append(String.format("| %s | %s | %,d | %,d | %,d | %s | %s | %s | %s | %s%% | %s%% | %s | %s |\n",
                    MarkdownCells.cell(s.name()), SummaryTable.instances(s), s.requests(), s.refused(), s.completed(),
                    Numbers.fixed(s.meanMs(), 2), Numbers.fixed(s.p50Ms(), 2), Numbers.fixed(s.p95Ms(), 2),
                    Numbers.fixed(s.p99Ms(), 2), Numbers.fixed(100 * s.cpuUtilisation(), 1),
                    Numbers.fixed(100 * s.stealFraction(), 1), Numbers.usd(s.costUsd()),
                    s.completed() == 0 ? "-" : Numbers.usd(s.costUsd() / s.completed() * 1e6)));
        }
    }

    private static void footer(StringBuilder b, RunResult r, List<String> charts) {
        if (SummaryTable.billsAnything(r)) {
            b.append('\n').append(SummaryTable.costSentence(r, "**")).append(".\n");
        }
        if (r.insufficientCapacity() > 0) {
            b.append("\n**Warning:** ").append(r.insufficientCapacity())
                    .append(" launches failed for insufficient host capacity");
            if (r.refusedByGroupRules() > 0) {
                b.append(" (").append(r.refusedByGroupRules()).append(" of them refused by placement-group rules)");
            }
            b.append(".\n");
        }
        OverloadVerdicts.of(r).forEach(v -> b.append("\n**Overloaded:** ").append(v).append(".\n"));
        NetworkReport.markdown(b, r.network());
        if (!charts.isEmpty()) {
            b.append('\n');
            for (String chart : charts) {
                b.append("![").append(chart.replace(".png", "")).append("](").append(chart).append(")\n");
            }
        }
    }
}
