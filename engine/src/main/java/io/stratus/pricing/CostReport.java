package io.stratus.pricing;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The cost of a run under one purchase strategy: the total and its parts, what the same usage
 * costs on demand, the cost per million requests, spot interruptions, and each commitment's
 * utilisation and break-even utilisation.
 *
 * @param strategy                the strategy's name
 * @param durationMicros          the run's length
 * @param totalUsd                everything, commitments amortised
 * @param byCategory              the total per cost category, in {@link CostCategory} order
 * @param onDemandEquivalentUsd   the same instance and EBS usage at on-demand prices
 * @param requests                requests served (for the unit cost)
 * @param interruptions           spot instances reclaimed by EC2
 * @param waivedSpotIntervals     spot intervals not billed (interrupted in their first hour)
 * @param commitments             each commitment's use
 * @param bill                    the bill itself, per hour, tenant and category
 */
public record CostReport(String strategy, long durationMicros, double totalUsd, Map<CostCategory, Double> byCategory,
                         double onDemandEquivalentUsd, long requests, long interruptions, long waivedSpotIntervals,
                         List<Bill.CommitmentUse> commitments, Bill bill) {

    public CostReport {
        Objects.requireNonNull(strategy, "strategy");
        // an EnumMap keeps categories in a fixed order (Map.copyOf's order changes between JVM runs)
        EnumMap<CostCategory, Double> ordered = new EnumMap<>(CostCategory.class);
        ordered.putAll(byCategory);
        byCategory = Collections.unmodifiableMap(ordered);
        commitments = List.copyOf(commitments);
        Objects.requireNonNull(bill, "bill");
    }

    /** Builds the report of a priced bill. */
    public static CostReport of(String strategy, Bill bill, long durationMicros, long requests, long interruptions,
                                long waivedSpotIntervals) {
        return new CostReport(strategy, durationMicros, bill.totalUsd(), bill.byCategory(),
                bill.onDemandEquivalentUsd(), requests, interruptions, waivedSpotIntervals, bill.commitments(), bill);
    }

    /** Cost per million requests, or NaN without requests. */
    public double usdPerMillionRequests() {
        return requests == 0 ? Double.NaN : totalUsd * 1e6 / requests;
    }

    /** What the strategy saves against on-demand, USD (negative when it costs more). */
    public double savingsUsd() {
        return onDemandEquivalentUsd - totalUsd;
    }

    /** Savings as a fraction of the on-demand cost, or 0 without usage. */
    public double savingsFraction() {
        return onDemandEquivalentUsd == 0 ? 0 : savingsUsd() / onDemandEquivalentUsd;
    }

    /** Cost per category, 0 for a category with none. */
    public double usd(CostCategory category) {
        return byCategory.getOrDefault(category, 0.0);
    }
}
