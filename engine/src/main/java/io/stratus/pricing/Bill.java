package io.stratus.pricing;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A priced run: cost per clock hour, tenant and category; per-hour coverage of on-demand usage
 * by commitments; how much of each commitment was used; and the same usage at on-demand prices.
 * Commitment fees are billed to tenant 0, the paying account. The charges beyond instances and
 * EBS volumes ({@link Charge}: load balancer, data transfer, addresses, ...) are whole-run lines
 * apart from the hourly costs, in {@link #totalUsd} and in {@link #onDemandEquivalentUsd} (they do
 * not depend on how instances are bought).
 */
public final class Bill {

    /** A clock hour, a tenant and a cost category. */
    public record Line(long hour, int tenant, CostCategory category) implements Comparable<Line> {
        @Override
        public int compareTo(Line o) {
            int c = Long.compare(hour, o.hour);
            if (c == 0) {
                c = Integer.compare(tenant, o.tenant);
            }
            return c != 0 ? c : category.compareTo(o.category);
        }
    }

    /**
     * The usage of one clock hour that commitments may pay for (on-demand and Dedicated Instance
     * usage; not an unused capacity reservation) and what paid for it, in billable microseconds:
     * {@code eligible == reserved + planned + onDemand}.
     */
    public record HourCoverage(long hour, long eligible, long reserved, long planned, long onDemand) {
    }

    /**
     * How one commitment fared over the run.
     *
     * @param label                a description, such as {@code 2 x m5.xlarge 1y-standard-no-upfront}
     * @param costUsd              what it cost over the run (amortised)
     * @param utilisation          the fraction of its capacity (reservations: normalized
     *                             instance-hours; plans: committed dollars) that usage used
     * @param breakEvenUtilisation the utilisation above which it beats on-demand
     */
    public record CommitmentUse(String label, double costUsd, double utilisation, double breakEvenUtilisation) {
    }

    private final SortedMap<Line, Double> costs;
    private final List<HourCoverage> coverage;
    private final List<CommitmentUse> commitments;
    private final double onDemandEquivalentUsd;
    private final List<Charge> charges;

    Bill(SortedMap<Line, Double> costs, List<HourCoverage> coverage, List<CommitmentUse> commitments,
         double onDemandEquivalentUsd) {
        this(costs, coverage, commitments, onDemandEquivalentUsd, List.of());
    }

    private Bill(SortedMap<Line, Double> costs, List<HourCoverage> coverage, List<CommitmentUse> commitments,
                 double onDemandEquivalentUsd, List<Charge> charges) {
        this.costs = Collections.unmodifiableSortedMap(costs);
        this.coverage = List.copyOf(coverage);
        this.commitments = List.copyOf(commitments);
        this.onDemandEquivalentUsd = onDemandEquivalentUsd;
        this.charges = List.copyOf(charges);
    }

    /** This bill with {@code more} charge lines after its own. */
    public Bill withCharges(List<Charge> more) {
        List<Charge> all = new java.util.ArrayList<>(charges);
        all.addAll(more);
        return new Bill(costs, coverage, commitments, onDemandEquivalentUsd, all);
    }

    /** The lines beyond instances and EBS volumes, in the order they were added. */
    public List<Charge> charges() {
        return charges;
    }

    /** Cost per hour, tenant and category, in that order. */
    public SortedMap<Line, Double> costs() {
        return costs;
    }

    /** Coverage of each hour of the run. */
    public List<HourCoverage> coverage() {
        return coverage;
    }

    /** Each commitment's use. */
    public List<CommitmentUse> commitments() {
        return commitments;
    }

    /** The same instance and EBS usage at on-demand (shared tenancy) prices, no commitment, plus the charges. */
    public double onDemandEquivalentUsd() {
        return onDemandEquivalentUsd + Charge.totalUsd(charges);
    }

    /** Total cost, the charges included. */
    public double totalUsd() {
        double total = Charge.totalUsd(charges);
        for (double usd : costs.values()) {
            total += usd;
        }
        return total;
    }

    /** Total per category. */
    public Map<CostCategory, Double> byCategory() {
        Map<CostCategory, Double> out = new EnumMap<>(CostCategory.class);
        costs.forEach((line, usd) -> out.merge(line.category(), usd, Double::sum));
        return out;
    }

    /** Total per tenant (commitments are tenant 0's). */
    public Map<Integer, Double> byTenant() {
        Map<Integer, Double> out = new TreeMap<>();
        costs.forEach((line, usd) -> out.merge(line.tenant(), usd, Double::sum));
        return out;
    }

    /** Total of one hour. */
    public double hourUsd(long hour) {
        double total = 0;
        for (double usd : costs.subMap(new Line(hour, 0, CostCategory.ON_DEMAND),
                new Line(hour + 1, 0, CostCategory.ON_DEMAND)).values()) {
            total += usd;
        }
        return total;
    }
}
