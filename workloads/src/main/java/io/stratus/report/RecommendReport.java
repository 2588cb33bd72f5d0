package io.stratus.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stratus.pricing.Bill;
import io.stratus.pricing.CostReport;
import io.stratus.run.CommitmentSearch.Candidate;
import io.stratus.sim.Time;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * {@code stratus recommend}: for each kind of commitment (Compute Savings Plans and standard
 * Reserved Instances, 1 and 3 years, no upfront), the commitment of least expected cost over the
 * replications, with its expected savings against on demand, the risk band of the savings (5th
 * and 95th percentiles over the replications), the commitment's utilisation (the fraction of it
 * that usage used) and its coverage (the fraction of eligible on-demand instance time it paid for),
 * as Cost Explorer reports them, but from simulated futures instead of history.
 */
public final class RecommendReport {

    private final String scenario;
    private final long durationMicros;
    private final long[] seeds;
    private final Candidate onDemand;
    private final List<Candidate> options;

    /**
     * @param onDemand the usage with no commitment
     * @param options  the best commitment of each kind, in the order to show
     */
    public RecommendReport(String scenario, long durationMicros, long[] seeds, Candidate onDemand,
                           List<Candidate> options) {
        this.scenario = scenario;
        this.durationMicros = durationMicros;
        this.seeds = seeds.clone();
        this.onDemand = onDemand;
        this.options = List.copyOf(options);
    }

    /** What the candidate commits to (the first replication's labels: the commitment is the same in all). */
    static String commitment(Candidate c) {
        List<Bill.CommitmentUse> uses = c.reports().get(0).commitments();
        return uses.isEmpty() ? "none" : uses.stream().map(Bill.CommitmentUse::label).collect(Collectors.joining(" + "));
    }

    private Spread savings(Candidate c) {
        double[] saved = new double[seeds.length];
        for (int i = 0; i < saved.length; i++) {
            saved[i] = onDemand.reports().get(i).totalUsd() - c.reports().get(i).totalUsd();
        }
        return Spread.of(saved);
    }

    /** The mean utilisation of the commitments, weighted by their cost (NaN without any). */
    static double utilisation(Candidate c) {
        double sum = 0;
        for (CostReport r : c.reports()) {
            double cost = r.commitments().stream().mapToDouble(Bill.CommitmentUse::costUsd).sum();
            if (cost == 0) {
                return Double.NaN;
            }
            sum += r.commitments().stream().mapToDouble(u -> u.costUsd() * u.utilisation()).sum() / cost;
        }
        return sum / c.reports().size();
    }

    /** The mean fraction of eligible on-demand instance time paid for by the commitments. */
    static double coverage(Candidate c) {
        double sum = 0;
        for (CostReport r : c.reports()) {
            long eligible = 0;
            long covered = 0;
            for (Bill.HourCoverage h : r.bill().coverage()) {
                eligible += h.eligible();
                covered += h.reserved() + h.planned();
            }
            sum += eligible == 0 ? 0 : covered / (double) eligible;
        }
        return sum / c.reports().size();
    }

    private static String pct(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.0f%%", 100 * v);
    }

    private List<String[]> table() {
        List<String[]> t = new ArrayList<>();
        t.add(new String[] {"option", "mean USD", "p5 USD", "p95 USD", "saves (mean)", "saves p5", "saves p95",
            "utilisation", "coverage", "commitment"});
        List<Candidate> all = new ArrayList<>();
        all.add(onDemand);
        all.addAll(options);
        for (Candidate c : all) {
            Spread cost = Spread.of(c.reports().stream().mapToDouble(CostReport::totalUsd).toArray());
            Spread saved = savings(c);
            double base = Spread.of(onDemand.reports().stream().mapToDouble(CostReport::totalUsd).toArray()).mean();
            t.add(new String[] {c.strategy().name(), Numbers.usd(cost.mean()), Numbers.usd(cost.p5()),
                Numbers.usd(cost.p95()), String.format(Locale.ROOT, "$%s (%.1f%%)", Numbers.usd(saved.mean()),
                    base == 0 ? 0 : 100 * saved.mean() / base),
                Numbers.usd(saved.p5()), Numbers.usd(saved.p95()), pct(utilisation(c)), pct(coverage(c)),
                commitment(c)});
        }
        return t;
    }

    /** The option of least expected cost, on demand included. */
    public Candidate best() {
        List<Candidate> all = new ArrayList<>(options);
        all.add(0, onDemand);
        return all.stream().min(Comparator.comparingDouble(Candidate::meanUsd)).orElseThrow();
    }

    private String verdict() {
        Candidate b = best();
        return "Least expected cost over " + seeds.length + " replications of " + Time.compact(durationMicros) + ": "
                + b.strategy().name() + " (" + commitment(b) + "), $" + Numbers.usd(b.meanUsd()) + " on average.";
    }

    /** The recommendation for the terminal. */
    public String renderText() {
        StringBuilder b = new StringBuilder("Stratus | ").append(scenario).append(" | commitments for ")
                .append(Time.compact(durationMicros)).append(" | ").append(seeds.length).append(" replications\n\n");
        CompareReport.appendAligned(b, table());
        return b.append('\n').append(verdict()).append('\n').toString();
    }

    /** {@code recommend.md}. */
    public byte[] renderMarkdown() {
        StringBuilder b = new StringBuilder("# ").append(scenario).append(": commitment recommendation\n\n");
        b.append(Time.compact(durationMicros)).append(" simulated on demand over ").append(seeds.length)
                .append(" replications; each option is the commitment of that kind with the least mean cost over ")
                .append("them, priced from each replication's usage. Savings against on demand in the same ")
                .append("replication; p5 and p95 are the risk band across replications.\n\n");
        CompareReport.appendMarkdown(b, table());
        return b.append('\n').append(verdict()).append('\n').toString().getBytes(StandardCharsets.UTF_8);
    }

    /** {@code recommend.json}. */
    public byte[] renderJson() {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("scenario", scenario);
        root.put("duration", Time.compact(durationMicros));
        ReplicatedCompareReport.putSeeds(root, seeds);
        root.put("best", best().strategy().name());
        ArrayNode list = root.putArray("options");
        List<Candidate> all = new ArrayList<>();
        all.add(onDemand);
        all.addAll(options);
        for (Candidate c : all) {
            ObjectNode n = list.addObject();
            n.put("option", c.strategy().name());
            n.put("commitment", commitment(c));
            Spread cost = Spread.of(c.reports().stream().mapToDouble(CostReport::totalUsd).toArray());
            ObjectNode cn = n.putObject("totalUsd");
            cn.put("mean", Numbers.sig6(cost.mean())).put("p5", Numbers.sig6(cost.p5())).put("p95", Numbers.sig6(cost.p95()));
            Spread saved = savings(c);
            ObjectNode sn = n.putObject("savingsUsd");
            sn.put("mean", Numbers.sig6(saved.mean())).put("p5", Numbers.sig6(saved.p5()))
                    .put("p95", Numbers.sig6(saved.p95()));
            n.put("utilisation", Numbers.sig6(utilisation(c)));
            n.put("coverage", Numbers.sig6(coverage(c)));
        }
        try {
            return (mapper.writeValueAsString(root) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
