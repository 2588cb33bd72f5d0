package io.stratus.sweep;

import io.stratus.report.OutlierScale;
import io.stratus.report.html.ChartSpec;
import io.stratus.report.html.ChartSpec.Unit;
import io.stratus.report.html.HtmlPage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code sweep.html}: the sweep's statistics ({@link SweepReport.Row}) as one table and, per
 * workload and headline number, an interactive chart of horizontal bars, one per combination in
 * the sweep's order (the order of the values swept, which a reader follows; not sorted by
 * value), labelled with the mean in the number's unit, its 95% confidence half-width in the
 * table below. Numbers that are zero (or undefined) in every combination get no chart; at most
 * {@link #MAX_CHARTS} charts are drawn; the table has every number.
 */
public final class SweepHtml {

    /** The most charts one page draws (a sweep of many workloads and metrics stays readable). */
    public static final int MAX_CHARTS = 60;

    private SweepHtml() {
    }

    /** The page. */
    public static byte[] render(SweepPlan plan, List<SweepReport.Row> rows) {
        HtmlPage page = new HtmlPage("Sweep: " + plan.scenarioName());
        page.paragraph(plan.scenarioFile() + ": " + plan.combinations() + (plan.combinations() == 1 ? " combination"
                : " combinations") + " x " + plan.replications() + (plan.replications() == 1 ? " replication"
                : " replications") + " = " + plan.runs() + (plan.runs() == 1 ? " run" : " runs") + ", master seed "
                + plan.masterSeed() + ", the same seeds for every combination (common random numbers).");
        List<String> labels = new ArrayList<>();
        for (int c = 0; c < plan.combinations(); c++) {
            labels.add(label(plan, c));
        }
        Map<List<String>, double[]> means = new LinkedHashMap<>();
        List<String[]> table = new ArrayList<>();
        table.add(new String[] {"combination", "workload", "metric", "n", "mean", "sd", "95% CI half-width"});
        for (SweepReport.Row r : rows) {
            means.computeIfAbsent(List.of(r.workload(), r.metric()), k -> nans(plan.combinations()))[r.combination()] =
                    r.stats().mean();
            table.add(new String[] {labels.get(r.combination()), r.workload(), r.metric(),
                Integer.toString(r.stats().n()), HeadlineMetrics.sig6(r.stats().mean()),
                orDash(HeadlineMetrics.sig6(r.stats().sd())), orDash(HeadlineMetrics.sig6(r.stats().halfWidth()))});
        }
        int drawn = 0;
        page.heading("Means per combination");
        means.values().removeIf(v -> java.util.Arrays.stream(v).allMatch(x -> !Double.isFinite(x) || x == 0));
        page.paragraph("One chart per workload and number, except numbers that are zero in every combination "
                + "(they are in the table).");
        for (Map.Entry<List<String>, double[]> e : means.entrySet()) {
            if (drawn++ == MAX_CHARTS) {
                page.paragraph("The other " + (means.size() - MAX_CHARTS) + " charts are left out; the table "
                        + "below and sweep.csv have every number.");
                break;
            }
            String workload = e.getKey().get(0);
            String metric = e.getKey().get(1);
            page.chart(ChartSpec.horizontalBars(workload + ": " + metric + " (mean over replications)", metric,
                    unit(metric), labels, OutlierScale.cap(e.getValue())).bars("mean", e.getValue(), null).build());
        }
        page.heading("Statistics").table(table);
        return page.render();
    }

    private static String label(SweepPlan plan, int combination) {
        List<SweepSet> varying = plan.varying();
        List<String> values = plan.values(combination);
        if (varying.isEmpty()) {
            return "combination " + combination;
        }
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < varying.size(); i++) {
            String key = varying.get(i).key();
            parts.add(key.substring(key.lastIndexOf('.') + 1) + "=" + values.get(i));
        }
        return combination + ": " + String.join(", ", parts);
    }

    /** The unit a headline number's name says: {@code _usd}, {@code _ms}, else a plain number. */
    static Unit unit(String metric) {
        return metric.endsWith("_usd") ? Unit.USD : metric.endsWith("_ms") ? Unit.MS : Unit.PLAIN;
    }

    private static double[] nans(int n) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, Double.NaN);
        return a;
    }

    private static String orDash(String s) {
        return s.isEmpty() ? "-" : s;
    }
}
