package io.stratus.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stratus.pricing.Bill;
import io.stratus.sim.Time;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The purchase-option comparison of one scenario: a table (terminal and Markdown), JSON, CSV and
 * a bar chart of total cost per strategy. Savings are against the on-demand strategy's total when
 * it was compared, else against the on-demand price of each run's own usage.
 */
public final class CompareReport {

    private final String scenario;
    private final long durationMicros;
    private final double sloMs;
    private final List<CompareRow> rows;

    /**
     * @param sloMs the p99 objective in ms, or 0 for none
     */
    public CompareReport(String scenario, long durationMicros, double sloMs, List<CompareRow> rows) {
        this.scenario = scenario;
        this.durationMicros = durationMicros;
        this.sloMs = sloMs;
        this.rows = List.copyOf(rows);
    }

    private double baseline(CompareRow row) {
        return rows.stream().filter(r -> r.strategy().equals("on-demand")).findFirst()
                .map(r -> r.cost().totalUsd()).orElse(row.cost().onDemandEquivalentUsd());
    }

    private double savings(CompareRow row) {
        double base = baseline(row);
        return base == 0 ? 0 : 1 - row.cost().totalUsd() / base;
    }

    /** The cheapest strategy that meets the objective, if any does. */
    public Optional<CompareRow> cheapestMeetingSlo() {
        return rows.stream().filter(r -> r.meetsSlo(sloMs)).min(Comparator.comparingDouble(r -> r.cost().totalUsd()));
    }

    private List<String[]> table() {
        List<String[]> t = new ArrayList<>();
        t.add(new String[] {"strategy", "total USD", "USD/month", "USD per M req", "vs on-demand", "interruptions",
            "requests lost", "worst p99 ms", sloMs > 0 ? String.format(Locale.ROOT, "p99 <= %.0f ms", sloMs) : "SLO",
            "break-even utilisation"});
        for (CompareRow r : rows) {
            double perMonth = r.cost().totalUsd() / durationMicros * 730 * Time.HOUR;
            t.add(new String[] {
                r.strategy(),
                Numbers.usd(r.cost().totalUsd()),
                Numbers.usd(perMonth),
                Double.isFinite(r.cost().usdPerMillionRequests()) && r.completed() > 0
                    ? Numbers.usd(r.cost().usdPerMillionRequests()) : "-",
                Math.abs(savings(r)) < 0.0005 ? "0.0%" : String.format(Locale.ROOT, "%+.1f%%", -100 * savings(r)),
                String.format("%,d", r.cost().interruptions()),
                String.format("%,d", r.lost()),
                Double.isNaN(r.worstP99Ms()) ? "-" : String.format(Locale.ROOT, "%.1f", r.worstP99Ms()),
                sloMs > 0 ? (r.meetsSlo(sloMs) ? "met" : "missed") : "-",
                r.breakEvens().isEmpty() ? "-" : String.join("; ", r.breakEvens())});
        }
        return t;
    }

    /** The comparison for the terminal. */
    public String renderText() {
        StringBuilder b = new StringBuilder();
        b.append("Stratus | ").append(scenario).append(" | purchase options over ")
                .append(Time.compact(durationMicros)).append("\n\n");
        appendAligned(b, table());
        b.append('\n').append(verdict()).append('\n');
        chargesOfFirst().ifPresent(c -> b.append('\n').append(CHARGES_TITLE).append(":\n")
                .append(SummaryTable.align(ChargesReport.rows(c))));
        return b.toString();
    }

    /** A table for the terminal: the first and last columns left-aligned, the others right-aligned. */
    static void appendAligned(StringBuilder b, List<String[]> t) {
        int[] width = new int[t.get(0).length];
        for (String[] row : t) {
            for (int i = 0; i < row.length; i++) {
                width[i] = Math.max(width[i], row[i].length());
            }
        }
        for (String[] row : t) {
            for (int i = 0; i < row.length; i++) {
                String pad = " ".repeat(width[i] - row[i].length());
                b.append(i == 0 || i == row.length - 1 ? row[i] + pad : pad + row[i]);
                b.append(i + 1 < row.length ? "  " : "\n");
            }
        }
    }

    private static final String CHARGES_TITLE = "Charges beyond instances and EBS, in every total above (the first "
            + "strategy's run; each run's own are in compare.json)";

    /** The first strategy's charges beyond instances and EBS volumes, if it has any. */
    private Optional<List<io.stratus.pricing.Charge>> chargesOfFirst() {
        return rows.stream().findFirst().map(r -> r.cost().bill().charges()).filter(c -> !c.isEmpty());
    }

    private String verdict() {
        return cheapestMeetingSlo()
                .map(r -> "Cheapest strategy" + (sloMs > 0 ? " meeting the SLO" : "") + ": " + r.strategy() + " at $"
                        + Numbers.usd(r.cost().totalUsd()))
                .orElse("No strategy meets the SLO.");
    }

    /** {@code compare.md}. */
    public byte[] renderMarkdown() {
        List<String[]> t = table();
        StringBuilder b = new StringBuilder("# ").append(scenario).append(": purchase options\n\n");
        b.append(Time.compact(durationMicros)).append(" simulated for each strategy, same seed. ");
        b.append("Savings are against the on-demand strategy.\n\n");
        appendMarkdown(b, t);
        b.append('\n').append(verdict()).append("\n");
        chargesOfFirst().ifPresent(c -> {
            b.append('\n').append(CHARGES_TITLE).append(":\n");
            ChargesReport.markdown(b, c);
        });
        b.append("\n![total cost per strategy](compare.png)\n");
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A Markdown table: the first and last columns left-aligned, the others right-aligned. */
    static void appendMarkdown(StringBuilder b, List<String[]> t) {
        for (int i = 0; i < t.size(); i++) {
            b.append("| ").append(String.join(" | ", t.get(i))).append(" |\n");
            if (i == 0) {
                b.append("|---|").append("--:|".repeat(t.get(0).length - 2)).append("---|\n");
            }
        }
    }

    /** {@code compare.csv}, through {@link CsvCells} (RFC 4180 quoting). */
    public byte[] renderCsv() {
        StringBuilder b = new StringBuilder(CsvCells.row(List.of("strategy", "total_usd", "usd_per_million_requests",
                "savings_vs_on_demand", "interruptions", "requests_completed", "requests_lost", "worst_p99_ms",
                "meets_slo", "charges_usd")));
        for (CompareRow r : rows) {
            b.append(CsvCells.row(List.of(r.strategy(), fixed6(r.cost().totalUsd()),
                    fixed6(r.cost().usdPerMillionRequests()), fixed6(savings(r)),
                    Long.toString(r.cost().interruptions()), Long.toString(r.completed()), Long.toString(r.lost()),
                    String.format(Locale.ROOT, "%.3f", r.worstP99Ms()), Boolean.toString(r.meetsSlo(sloMs)),
                    fixed6(io.stratus.pricing.Charge.totalUsd(r.cost().bill().charges())))));
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Six decimals, as compare.csv has always written them ({@code NaN} stays {@code NaN}). */
    static String fixed6(double v) {
        return String.format(Locale.ROOT, "%.6f", v);
    }

    /** {@code compare.json}: deterministic for the same scenario and seed. */
    public byte[] renderJson() {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("schemaVersion", SummaryJson.SCHEMA_VERSION); // schemas/compare.schema.json
        root.put("scenario", scenario);
        root.put("duration", Time.compact(durationMicros));
        root.put("sloP99Ms", sloMs > 0 ? Numbers.sig6(sloMs) : null);
        root.put("cheapestMeetingSlo", cheapestMeetingSlo().map(CompareRow::strategy).orElse(null));
        ArrayNode list = root.putArray("strategies");
        for (CompareRow r : rows) {
            ObjectNode n = list.addObject();
            n.put("strategy", r.strategy());
            n.put("totalUsd", Numbers.sig6(r.cost().totalUsd()));
            n.put("onDemandEquivalentUsd", Numbers.sig6(r.cost().onDemandEquivalentUsd()));
            ObjectNode parts = n.putObject("byCategory");
            r.cost().byCategory().forEach((k, v) -> parts.put(k.name().toLowerCase(Locale.ROOT), Numbers.sig6(v)));
            n.put("usdPerMillionRequests", Numbers.sig6(r.cost().usdPerMillionRequests()));
            n.put("savingsVsOnDemand", Numbers.sig6(savings(r)));
            n.put("interruptions", r.cost().interruptions());
            n.put("instancesReplaced", r.replacements());
            n.put("requestsCompleted", r.completed());
            n.put("requestsLost", r.lost());
            n.put("worstP99Ms", Numbers.sig6(r.worstP99Ms()));
            n.put("meetsSlo", r.meetsSlo(sloMs));
            n.put("chargesUsd", Numbers.sig6(io.stratus.pricing.Charge.totalUsd(r.cost().bill().charges())));
            ChargesReport.json(n, "charges", r.cost().bill().charges());
            ArrayNode commitments = n.putArray("commitments");
            for (Bill.CommitmentUse c : r.cost().commitments()) {
                ObjectNode cn = commitments.addObject();
                cn.put("label", c.label());
                cn.put("costUsd", Numbers.sig6(c.costUsd()));
                cn.put("utilisation", Numbers.sig6(c.utilisation()));
                cn.put("breakEvenUtilisation", Numbers.sig6(c.breakEvenUtilisation()));
            }
        }
        try {
            return (mapper.writeValueAsString(root) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What {@code compare.png}, {@code compare.svg} and {@code compare.html} show. */
    public CompareView view() {
        return new CompareView(scenario, Time.compact(durationMicros) + ", one seed", table(), verdict(), sloMs,
                rows.stream().map(r -> new CompareView.Bar(r.strategy(), r.cost().totalUsd(), Double.NaN, Double.NaN,
                        r.meetsSlo(sloMs), r.worstP99Ms(), Double.NaN, Double.NaN)).toList());
    }
}
