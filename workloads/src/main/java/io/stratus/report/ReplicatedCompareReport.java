package io.stratus.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stratus.pricing.Bill;
import io.stratus.pricing.CostCategory;
import io.stratus.sim.Time;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * The purchase-option comparison over several replications (seeds): per strategy the mean, 5th
 * and 95th percentile ({@link Spread}) of the total cost, spot interruptions, requests lost and
 * the worst p99, and the probability of meeting the SLO (the fraction of replications that met
 * it). The cheapest strategy meeting the SLO is the one of lowest mean cost among those meeting
 * it in at least {@link #CONFIDENCE} of the replications: a spot verdict from one lucky seed
 * does not count. Savings are the mean cost against the on-demand strategy's mean cost when it
 * was compared, else against the mean on-demand price of the strategy's own usage. The
 * break-even column is the first replication's (commitments are sized from each run's usage).
 *
 * <p>With one replication {@code stratus compare} writes the single-seed {@link CompareReport}
 * instead, whose format predates replications.
 */
public final class ReplicatedCompareReport {

    /** The fraction of replications a strategy must meet the SLO in to count as meeting it. */
    public static final double CONFIDENCE = 0.95;

    private final String scenario;
    private final long durationMicros;
    private final double sloMs;
    private final long[] seeds;
    private final List<List<CompareRow>> byStrategy;

    /**
     * @param sloMs      the p99 objective in ms, or 0 for none
     * @param seeds      the master seed of each replication
     * @param byStrategy per strategy (in order), its rows over the replications (in seed order)
     */
    public ReplicatedCompareReport(String scenario, long durationMicros, double sloMs, long[] seeds,
                                   List<List<CompareRow>> byStrategy) {
        this.scenario = scenario;
        this.durationMicros = durationMicros;
        this.sloMs = sloMs;
        this.seeds = seeds.clone();
        this.byStrategy = byStrategy.stream().map(List::copyOf).toList();
        for (List<CompareRow> rows : this.byStrategy) {
            if (rows.size() != seeds.length) {
                throw new IllegalArgumentException("each strategy needs one row per seed");
            }
        }
    }

    private static String name(List<CompareRow> rows) {
        return rows.get(0).strategy();
    }

    private static Spread spread(List<CompareRow> rows, ToDoubleFunction<CompareRow> f) {
        return Spread.of(rows.stream().mapToDouble(f).toArray());
    }

    private static Spread cost(List<CompareRow> rows) {
        return spread(rows, r -> r.cost().totalUsd());
    }

    /** The fraction of replications in which {@code rows}' strategy met the SLO. */
    public double sloProbability(List<CompareRow> rows) {
        return rows.stream().filter(r -> r.meetsSlo(sloMs)).count() / (double) rows.size();
    }

    private boolean meets(List<CompareRow> rows) {
        return sloProbability(rows) >= CONFIDENCE;
    }

    private double savings(List<CompareRow> rows) {
        double base = byStrategy.stream().filter(r -> name(r).equals("on-demand")).findFirst()
                .map(r -> cost(r).mean()).orElse(spread(rows, r -> r.cost().onDemandEquivalentUsd()).mean());
        return base == 0 ? 0 : 1 - cost(rows).mean() / base;
    }

    /** The strategy of lowest mean cost among those meeting the SLO in at least {@link #CONFIDENCE} of replications. */
    public Optional<String> cheapestMeetingSlo() {
        return byStrategy.stream().filter(this::meets).min(Comparator.comparingDouble(r -> cost(r).mean()))
                .map(ReplicatedCompareReport::name);
    }

    private static String range(Spread s, String format) {
        return String.format(Locale.ROOT, format + " (" + format + "-" + format + ")", s.mean(), s.p5(), s.p95());
    }

    private List<String[]> table() {
        List<String[]> t = new ArrayList<>();
        t.add(new String[] {"strategy", "mean USD", "p5 USD", "p95 USD", "USD/month", "vs on-demand",
            "interruptions (p5-p95)", "requests lost (p5-p95)", "worst p99 ms (p5-p95)",
            sloMs > 0 ? String.format(Locale.ROOT, "P(p99 <= %.0f ms)", sloMs) : "P(SLO)", "break-even utilisation"});
        for (List<CompareRow> rows : byStrategy) {
            Spread cost = cost(rows);
            double s = savings(rows);
            t.add(new String[] {name(rows), Numbers.usd(cost.mean()), Numbers.usd(cost.p5()), Numbers.usd(cost.p95()),
                Numbers.usd(cost.mean() / durationMicros * 730 * Time.HOUR),
                Math.abs(s) < 0.0005 ? "0.0%" : String.format(Locale.ROOT, "%+.1f%%", -100 * s),
                range(spread(rows, r -> r.cost().interruptions()), "%.1f"),
                range(spread(rows, CompareRow::lost), "%,.0f"),
                range(spread(rows, CompareRow::worstP99Ms), "%.1f"),
                sloMs > 0 ? String.format(Locale.ROOT, "%.0f%%", 100 * sloProbability(rows)) : "-",
                rows.get(0).breakEvens().isEmpty() ? "-" : String.join("; ", rows.get(0).breakEvens())});
        }
        return t;
    }

    private String verdict() {
        String over = " in at least " + Math.round(100 * CONFIDENCE) + "% of " + seeds.length + " replications";
        return cheapestMeetingSlo().map(n -> "Cheapest strategy" + (sloMs > 0 ? " meeting the SLO" + over : "")
                        + ": " + n + " at $" + Numbers.usd(cost(rows(n)).mean()) + " on average")
                .orElse("No strategy meets the SLO" + over + ".");
    }

    private List<CompareRow> rows(String strategy) {
        return byStrategy.stream().filter(r -> name(r).equals(strategy)).findFirst().orElseThrow();
    }

    /** The comparison for the terminal. */
    public String renderText() {
        StringBuilder b = new StringBuilder();
        b.append("Stratus | ").append(scenario).append(" | purchase options over ").append(Time.compact(durationMicros))
                .append(" | ").append(seeds.length).append(" replications\n\n");
        CompareReport.appendAligned(b, table());
        b.append('\n').append(verdict()).append('\n');
        return b.toString();
    }

    /** {@code compare.md}. */
    public byte[] renderMarkdown() {
        StringBuilder b = new StringBuilder("# ").append(scenario).append(": purchase options\n\n");
        b.append(Time.compact(durationMicros)).append(" simulated for each strategy over ").append(seeds.length)
                .append(" replications (the same seeds for every strategy). Mean, 5th and 95th percentiles over the ")
                .append("replications; savings are the mean against the on-demand strategy's mean.\n\n");
        CompareReport.appendMarkdown(b, table());
        b.append('\n').append(verdict()).append("\n\n![total cost per strategy](compare.png)\n");
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** {@code compare.csv}: one line per strategy and replication, through {@link CsvCells} (RFC 4180 quoting). */
    public byte[] renderCsv() {
        StringBuilder b = new StringBuilder(CsvCells.row(List.of("strategy", "replication", "seed", "total_usd",
                "usd_per_million_requests", "interruptions", "requests_completed", "requests_lost", "worst_p99_ms",
                "meets_slo")));
        for (List<CompareRow> rows : byStrategy) {
            for (int i = 0; i < rows.size(); i++) {
                CompareRow r = rows.get(i);
                b.append(CsvCells.row(List.of(r.strategy(), Integer.toString(i), Long.toString(seeds[i]),
                        CompareReport.fixed6(r.cost().totalUsd()), CompareReport.fixed6(r.cost().usdPerMillionRequests()),
                        Long.toString(r.cost().interruptions()), Long.toString(r.completed()), Long.toString(r.lost()),
                        String.format(Locale.ROOT, "%.3f", r.worstP99Ms()), Boolean.toString(r.meetsSlo(sloMs)))));
            }
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** {@code compare.json}: deterministic for the same scenario, seeds and replications. */
    public byte[] renderJson() {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("schemaVersion", SummaryJson.SCHEMA_VERSION); // schemas/compare.schema.json
        root.put("scenario", scenario);
        root.put("duration", Time.compact(durationMicros));
        root.put("sloP99Ms", sloMs > 0 ? Numbers.sig6(sloMs) : null);
        putSeeds(root, seeds);
        root.put("sloConfidence", CONFIDENCE);
        root.put("cheapestMeetingSlo", cheapestMeetingSlo().orElse(null));
        ArrayNode list = root.putArray("strategies");
        for (List<CompareRow> rows : byStrategy) {
            ObjectNode n = list.addObject();
            n.put("strategy", name(rows));
            put(n.putObject("totalUsd"), cost(rows));
            put(n.putObject("interruptions"), spread(rows, r -> r.cost().interruptions()));
            put(n.putObject("requestsLost"), spread(rows, CompareRow::lost));
            put(n.putObject("worstP99Ms"), spread(rows, CompareRow::worstP99Ms));
            ObjectNode parts = n.putObject("meanByCategory");
            meanByCategory(rows).forEach((k, v) -> parts.put(k.name().toLowerCase(Locale.ROOT), Numbers.sig6(v)));
            n.put("savingsVsOnDemand", Numbers.sig6(savings(rows)));
            n.put("sloProbability", Numbers.sig6(sloProbability(rows)));
            n.put("meetsSlo", meets(rows));
            ArrayNode runs = n.putArray("replications");
            for (CompareRow r : rows) {
                ObjectNode rn = runs.addObject();
                rn.put("totalUsd", Numbers.sig6(r.cost().totalUsd()));
                rn.put("interruptions", r.cost().interruptions());
                rn.put("requestsCompleted", r.completed());
                rn.put("requestsLost", r.lost());
                rn.put("worstP99Ms", Numbers.sig6(r.worstP99Ms()));
                ArrayNode commitments = rn.putArray("commitments");
                for (Bill.CommitmentUse c : r.cost().commitments()) {
                    commitments.addObject().put("label", c.label()).put("costUsd", Numbers.sig6(c.costUsd()))
                            .put("utilisation", Numbers.sig6(c.utilisation()));
                }
            }
        }
        try {
            return (mapper.writeValueAsString(root) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The replications' count and seeds, in JSON. */
    static void putSeeds(ObjectNode root, long[] seeds) {
        root.put("replications", seeds.length);
        ArrayNode seedList = root.putArray("seeds");
        for (long s : seeds) {
            seedList.add(s);
        }
    }

    private static void put(ObjectNode n, Spread s) {
        n.put("mean", Numbers.sig6(s.mean()));
        n.put("p5", Numbers.sig6(s.p5()));
        n.put("p95", Numbers.sig6(s.p95()));
    }

    /** The mean of each cost category over the replications (whatever lines the bill has). */
    private static Map<CostCategory, Double> meanByCategory(List<CompareRow> rows) {
        Map<CostCategory, Double> sum = new EnumMap<>(CostCategory.class);
        for (CompareRow r : rows) {
            r.cost().byCategory().forEach((k, v) -> sum.merge(k, v, Double::sum));
        }
        sum.replaceAll((k, v) -> v / rows.size());
        return sum;
    }

    /**
     * What {@code compare.png}, {@code compare.svg} and {@code compare.html} show: per strategy
     * the mean total cost and worst p99 with their 5th and 95th percentiles.
     */
    public CompareView view() {
        List<CompareView.Bar> bars = new ArrayList<>();
        for (List<CompareRow> rows : byStrategy) {
            Spread cost = cost(rows);
            Spread p99 = spread(rows, CompareRow::worstP99Ms);
            bars.add(new CompareView.Bar(name(rows), cost.mean(), cost.p5(), cost.p95(), meets(rows), p99.mean(),
                    p99.p5(), p99.p95()));
        }
        return new CompareView(scenario, Time.compact(durationMicros) + ", " + seeds.length + " replications", table(),
                verdict(), sloMs, bars);
    }
}
