package io.stratus.report;

import io.stratus.report.html.ChartSpec;
import io.stratus.report.html.ChartSpec.Unit;
import io.stratus.report.html.HtmlPage;
import io.stratus.run.MetricsRow;
import io.stratus.run.RunResult;
import io.stratus.sim.Time;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * {@code summary.html}: the run's summary tables (the ones {@code stratus run} prints) and
 * interactive charts of its metrics over simulated time (running instances, load, CPU
 * utilisation, latency percentiles with the p99 objective when the scenario sets one, cost so
 * far, GPU allocation), then the cost per workload as sorted horizontal bars. One
 * self-contained file ({@link HtmlPage}).
 */
public final class SummaryHtml {

    private SummaryHtml() {
    }

    /**
     * The page.
     *
     * @param sloMs the scenario's p99 objective in ms ({@code compare.slo-p99}), or 0 for none
     */
    public static byte[] render(RunResult r, List<MetricsRow> rows, double sloMs) {
        HtmlPage page = new HtmlPage(r.scenario() + ": simulation summary");
        page.paragraph("Seed " + r.seed() + ", " + Time.compact(r.durationMicros()) + " simulated on " + r.hosts()
                + " hosts." + (SummaryTable.billsAnything(r) ? " " + SummaryTable.costSentence(r, "") + "." : ""));
        tables(page, r);
        MetricsGroups g = MetricsGroups.of(rows);
        TimeAxis axis = g.axis();
        page.heading("Over simulated time");
        add(page, lines(r.scenario() + ": running instances", "instances", Unit.COUNT, g.ec2(), MetricsRow::running,
                axis));
        add(page, loadAndCapacity(r.scenario(), g.loaded(), axis));
        add(page, lines(r.scenario() + ": CPU utilisation", "CPU utilisation", Unit.PERCENT, g.ec2(),
                x -> 100 * x.cpuUtilisation(), axis));
        add(page, latency(r.scenario(), g, sloMs));
        if (rows.stream().anyMatch(x -> x.steal() > 0)) {
            add(page, lines(r.scenario() + ": CPU steal (runnable, not granted)", "steal (share of vCPU time)",
                    Unit.PERCENT, g.ec2(), x -> 100 * x.steal(), axis));
        }
        add(page, lines(r.scenario() + ": on-demand cost so far", "cost", Unit.USD, g.ec2(), MetricsRow::costUsd,
                axis));
        add(page, lines(r.scenario() + ": GPU capacity allocated", "allocated (share of GPU capacity)",
                Unit.PERCENT, g.gpu(), x -> 100 * x.gpuAllocation(), axis));
        costBars(page, r);
        return page.render();
    }

    private static void tables(HtmlPage page, RunResult r) {
        if (!r.services().isEmpty()) {
            page.heading("Services").table(SummaryTable.serviceRows(r));
        }
        if (!r.batches().isEmpty()) {
            page.heading("Batch workloads").table(SummaryTable.batchRows(r));
        }
        if (!r.queues().isEmpty()) {
            page.heading("Queues").table(SummaryTable.queueRows(r));
        }
        if (!r.gpuClusters().isEmpty()) {
            page.heading("GPU clusters").table(GpuSummary.tableRows(r));
        }
        r.consolidation().ifPresent(c -> page.heading("Consolidation").table(ConsolidationReport.hostRows(c))
                .table(ConsolidationReport.utilisationRows(c)));
        if (!r.dedicatedHosts().isEmpty()) {
            page.heading("Dedicated Hosts").table(SummaryTable.dedicatedHostRows(r));
        }
        if (!r.charges().isEmpty()) {
            page.heading("Charges beyond instances and EBS").table(ChargesReport.rows(r.charges()));
        }
        OverloadVerdicts.of(r).forEach(v -> page.paragraph("Overloaded: " + v));
    }

    private static void add(HtmlPage page, ChartSpec.Builder chart) {
        if (!chart.isEmpty()) {
            page.chart(chart.build());
        }
    }

    private static ChartSpec.Builder lines(String title, String yName, Unit unit, Map<String, List<MetricsRow>> groups,
                                           ToDoubleFunction<MetricsRow> y, TimeAxis axis) {
        ChartSpec.Builder chart = ChartSpec.timeSeries(title, axis.title(), List.of(yName), List.of(unit), false);
        groups.forEach((name, rows) -> line(chart, name, rows, y, axis, 0));
        return chart;
    }

    private static void line(ChartSpec.Builder chart, String name, List<MetricsRow> rows,
                             ToDoubleFunction<MetricsRow> y, TimeAxis axis, int yAxis) {
        double[] xs = rows.stream().mapToDouble(x -> axis.at(x.periodEndMicros())).toArray();
        double[] ys = rows.stream().mapToDouble(y).toArray();
        if (java.util.Arrays.stream(ys).anyMatch(Double::isFinite)) {
            chart.line(name, xs, ys, yAxis);
        }
    }

    /** Arrivals per second (left) against running instances (right), per workload that receives load. */
    private static ChartSpec.Builder loadAndCapacity(String scenario, Map<String, List<MetricsRow>> loaded,
                                                     TimeAxis axis) {
        ChartSpec.Builder chart = ChartSpec.timeSeries(scenario + ": load and capacity", axis.title(),
                List.of("arrivals per second", "running instances"), List.of(Unit.PER_SECOND, Unit.COUNT), false);
        loaded.forEach((name, rows) -> {
            double[] perSecond = new double[rows.size()];
            long start = 0;
            for (int i = 0; i < rows.size(); i++) {
                long end = rows.get(i).periodEndMicros();
                perSecond[i] = rows.get(i).arrived() / Math.max(1e-9, (end - start) / (double) Time.SECOND);
                start = end;
            }
            chart.line(name + " arrivals/s", rows.stream().mapToDouble(x -> axis.at(x.periodEndMicros())).toArray(),
                    perSecond, 0);
            line(chart, name + " instances", rows, MetricsRow::running, axis, 1);
        });
        return chart;
    }

    /** p50, p95 and p99 per service and period; the p99 objective as a dashed line. */
    private static ChartSpec.Builder latency(String scenario, MetricsGroups g, double sloMs) {
        boolean log = g.latencySpansDecades();
        ChartSpec.Builder chart = ChartSpec.timeSeries(scenario + ": request latency per period", g.axis().title(),
                List.of(log ? "latency (log scale)" : "latency"), List.of(Unit.MS), log);
        g.ec2().forEach((name, rows) -> {
            line(chart, name + " p50", rows, MetricsRow::p50Ms, g.axis(), 0);
            line(chart, name + " p95", rows, MetricsRow::p95Ms, g.axis(), 0);
            line(chart, name + " p99", rows, MetricsRow::p99Ms, g.axis(), 0);
        });
        if (sloMs > 0) {
            chart.markLine(String.format(Locale.ROOT, "p99 objective %s ms", Numbers.sig6(sloMs).toPlainString()),
                    sloMs);
        }
        return chart;
    }

    /** The cost of each workload, largest first; an outlier's bar is cut ({@link OutlierScale}). */
    private static void costBars(HtmlPage page, RunResult r) {
        List<String> names = new ArrayList<>();
        List<Double> costs = new ArrayList<>();
        r.services().forEach(s -> add(names, costs, s.name(), s.costUsd()));
        r.batches().forEach(b -> add(names, costs, b.name(), b.costUsd()));
        r.queues().forEach(q -> add(names, costs, q.name(), q.costUsd()));
        if (names.size() < 2) {
            return; // one bar says nothing the tables do not
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingDouble((Integer i) -> -costs.get(i)).thenComparing(names::get));
        double[] values = order.stream().mapToDouble(costs::get).toArray();
        page.heading("Cost per workload");
        page.chart(ChartSpec.horizontalBars(r.scenario() + ": cost per workload", "cost", Unit.USD,
                order.stream().map(names::get).toList(), OutlierScale.cap(values)).bars("cost", values, null).build());
    }

    private static void add(List<String> names, List<Double> costs, String name, double cost) {
        names.add(name);
        costs.add(cost);
    }
}
