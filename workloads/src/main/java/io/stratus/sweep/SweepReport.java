package io.stratus.sweep;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code sweep.csv} and {@code sweep.md}: per combination and headline number, the mean over
 * the replications, the sample standard deviation, the 95% confidence half-width (Student's t)
 * and how many replications had the number. Both are computed from the runs as written in
 * {@code runs.csv}, so a merge of shards, which reads them back, writes the same bytes.
 *
 * <p>{@code sweep.csv}: {@code combination,KEY...,workload,metric,n,mean,sd,ci95_half_width},
 * one row per combination and metric, numbers to 6 significant digits, empty where undefined
 * (sd and half-width with a single replication).
 */
public final class SweepReport {

    private SweepReport() {
    }

    /** One row of sweep.csv. */
    public record Row(int combination, String workload, String metric, Statistics stats) {
    }

    /** The statistics of every combination and metric, in combination then first-seen metric order. */
    public static List<Row> rows(SweepPlan plan, List<RunRecord> runs) {
        List<Map<List<String>, List<Double>>> byCombination = new ArrayList<>();
        for (int c = 0; c < plan.combinations(); c++) {
            byCombination.add(new LinkedHashMap<>());
        }
        for (RunRecord run : runs) {
            Map<List<String>, List<Double>> metrics = byCombination.get(run.combination());
            for (RunRecord.Metric m : run.metrics()) {
                List<Double> values = metrics.computeIfAbsent(List.of(m.workload(), m.metric()), k -> new ArrayList<>());
                if (!m.value().isEmpty()) {
                    values.add(Double.parseDouble(m.value()));
                }
            }
        }
        List<Row> rows = new ArrayList<>();
        for (int c = 0; c < plan.combinations(); c++) {
            for (Map.Entry<List<String>, List<Double>> e : byCombination.get(c).entrySet()) {
                double[] values = e.getValue().stream().mapToDouble(Double::doubleValue).toArray();
                rows.add(new Row(c, e.getKey().get(0), e.getKey().get(1), Statistics.of(values)));
            }
        }
        return rows;
    }

    /** sweep.csv. */
    public static byte[] renderCsv(SweepPlan plan, List<Row> rows) {
        StringBuilder b = new StringBuilder();
        List<String> header = new ArrayList<>();
        header.add("combination");
        plan.varying().forEach(s -> header.add(s.key()));
        header.addAll(List.of("workload", "metric", "n", "mean", "sd", "ci95_half_width"));
        Csv.row(b, header);
        for (Row r : rows) {
            List<String> row = new ArrayList<>();
            row.add(Integer.toString(r.combination()));
            row.addAll(plan.values(r.combination()));
            row.add(r.workload());
            row.add(r.metric());
            row.add(Integer.toString(r.stats().n()));
            row.add(HeadlineMetrics.sig6(r.stats().mean()));
            row.add(HeadlineMetrics.sig6(r.stats().sd()));
            row.add(HeadlineMetrics.sig6(r.stats().halfWidth()));
            Csv.row(b, row);
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** sweep.md: one table per workload, a row per combination, a column per metric. */
    public static byte[] renderMarkdown(SweepPlan plan, List<Row> rows) {
        StringBuilder b = new StringBuilder();
        b.append("# Sweep: ").append(plan.scenarioName()).append("\n\n");
        b.append('`').append(plan.scenarioFile()).append("` (SHA-256 ").append(plan.scenarioSha256(), 0, 12)
                .append("...), ").append(plan.combinations()).append(plan.combinations() == 1 ? " combination" : " combinations")
                .append(" x ").append(plan.replications()).append(plan.replications() == 1 ? " replication" : " replications")
                .append(" = ").append(plan.runs()).append(plan.runs() == 1 ? " run.\n\n" : " runs.\n\n");
        b.append("Master seed ").append(plan.masterSeed()).append(": replication 0 runs with it, replication r > 0 with ")
                .append("a seed derived from it and r. Every combination uses the same seed for the same replication ")
                .append("(common random numbers), so differences between combinations are paired.\n\n");
        for (SweepSet s : plan.sets()) {
            b.append(s.varies() ? "- swept: `" : "- fixed: `").append(s.key()).append("` = ");
            for (int i = 0; i < s.values().size(); i++) {
                b.append(i == 0 ? "" : ", ").append('`').append(s.values().get(i)).append('`');
            }
            b.append('\n');
        }
        if (!plan.sets().isEmpty()) {
            b.append('\n');
        }
        b.append("Each cell: the mean over the replications")
                .append(plan.replications() > 1 ? " ± the half-width of its 95% confidence interval (Student's t, "
                        + "n - 1 degrees of freedom)" : "")
                .append(". Every run's numbers are in `runs.csv`; means, standard deviations, half-widths and n in ")
                .append("`sweep.csv`.\n");
        // workload -> metrics in first-seen order; (combination, workload, metric) -> stats
        Map<String, List<String>> metricsOf = new LinkedHashMap<>();
        Map<List<Object>, Statistics> cell = new LinkedHashMap<>();
        for (Row r : rows) {
            List<String> metrics = metricsOf.computeIfAbsent(r.workload(), w -> new ArrayList<>());
            if (!metrics.contains(r.metric())) {
                metrics.add(r.metric());
            }
            cell.put(List.of(r.combination(), r.workload(), r.metric()), r.stats());
        }
        List<SweepSet> varying = plan.varying();
        for (Map.Entry<String, List<String>> w : metricsOf.entrySet()) {
            b.append("\n## ").append(escape(w.getKey())).append("\n\n|");
            b.append(" combination |");
            for (SweepSet s : varying) {
                b.append(" `").append(escape(s.key())).append("` |");
            }
            for (String m : w.getValue()) {
                b.append(' ').append(escape(m)).append(" |");
            }
            b.append("\n|");
            for (int i = 0; i < 1 + varying.size(); i++) {
                b.append("---|");
            }
            for (int i = 0; i < w.getValue().size(); i++) {
                b.append("---:|");
            }
            b.append('\n');
            for (int c = 0; c < plan.combinations(); c++) {
                StringBuilder line = new StringBuilder("| ").append(c).append(" |");
                for (String v : plan.values(c)) {
                    line.append(' ').append(escape(v)).append(" |");
                }
                boolean any = false;
                for (String m : w.getValue()) {
                    Statistics s = cell.get(List.of(c, w.getKey(), m));
                    any |= s != null;
                    line.append(' ').append(s == null ? "" : cell(s)).append(" |");
                }
                if (any) {
                    b.append(line).append('\n');
                }
            }
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String cell(Statistics s) {
        if (s.n() == 0) {
            return "-";
        }
        return Double.isNaN(s.halfWidth()) ? sig4(s.mean()) : sig4(s.mean()) + " ± " + sig4(s.halfWidth());
    }

    private static String sig4(double v) {
        if (v == 0) {
            return "0";
        }
        return new BigDecimal(v).round(new MathContext(4, RoundingMode.HALF_EVEN)).stripTrailingZeros().toPlainString();
    }

    private static String escape(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }
}
