package io.stratus.run;

import io.stratus.compute.InstanceType;
import io.stratus.compute.PurchaseOption;
import io.stratus.pricing.Bill;
import io.stratus.pricing.CostCategory;
import io.stratus.pricing.CostReport;
import io.stratus.pricing.PurchaseStrategy;
import io.stratus.pricing.UsageKey;
import io.stratus.pricing.commitment.Reservation;
import io.stratus.pricing.commitment.ReservedOffering;
import io.stratus.pricing.commitment.SavingsPlan;
import io.stratus.sim.Time;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntFunction;
import java.util.function.IntToDoubleFunction;

/**
 * The commitment that minimises the expected cost of a simulated future: the mean total bill
 * over replications (one {@link UsagePricer} each, all run on demand), as Cost Explorer
 * recommends from history. Every candidate is priced exactly, by re-pricing each replication's
 * usage with it, so the bill's every rule (coverage order, size flexibility, pro-rata last hour)
 * and line is in the objective.
 *
 * <p><b>Savings Plans.</b> The hourly commitment is searched on a grid of {@link #STEP}
 * ($0.001/h, the precision Savings Plans are quoted in) from 0 to the highest hourly on-demand
 * instance spend of any replication (beyond it a dollar of commitment can buy nothing). The
 * expected cost is convex in the commitment: each hour costs {@code c + OD(usage left)}, and the
 * plan covers the most discounted usage first, so each further dollar saves less. A ternary
 * search over the grid therefore finds the grid's minimum in O(log n) pricings (a brute force over
 * the grid is the test's oracle).
 *
 * <p><b>Reserved Instances.</b> Per instance type run on demand (in name order), the count of
 * reservations is searched from 0 to the most instances of the type billed in any hour, with
 * the types already chosen held fixed (coordinate search; exact for one type, and a
 * simplification where reservations of sizes of one family would share usage through size
 * flexibility). The cost is convex in each count for the same reason.
 */
public final class CommitmentSearch {

    /** The Savings Plan commitment grid, $/hour. */
    public static final double STEP = 0.001;

    private static final Comparator<InstanceType> BY_NAME = Comparator.comparing(InstanceType::name);

    private final List<UsagePricer> runs;

    /**
     * A priced candidate: its strategy and its cost report in each replication.
     *
     * @param strategy the strategy (on-demand with the commitment)
     * @param reports  one cost report per replication, in order
     */
    public record Candidate(PurchaseStrategy strategy, List<CostReport> reports) {

        /** The expected (mean) total cost over the replications. */
        public double meanUsd() {
            return reports.stream().mapToDouble(CostReport::totalUsd).sum() / reports.size();
        }
    }

    public CommitmentSearch(List<UsagePricer> runs) {
        this.runs = List.copyOf(runs);
        if (this.runs.isEmpty()) {
            throw new IllegalArgumentException("need at least one replication");
        }
    }

    /** Prices {@code strategy} in every replication. */
    public Candidate price(PurchaseStrategy strategy) {
        return new Candidate(strategy, runs.stream().map(r -> r.price(strategy)).toList());
    }

    /** Everything on demand, no commitment. */
    public Candidate onDemand() {
        return price(PurchaseStrategy.onDemand());
    }

    /** A Compute Savings Plan committing {@code k} grid steps per hour (0: on demand). */
    public Candidate computePlan(int termYears, int k) {
        String name = "compute savings plan " + termYears + "y";
        return price(k == 0 ? PurchaseStrategy.onDemand().named(name) : PurchaseStrategy.savingsPlan(
                new SavingsPlan(SavingsPlan.Kind.COMPUTE, null, termYears, k * STEP)).named(name));
    }

    /** The grid's last step: the highest hourly on-demand instance spend of any replication. */
    public int maxPlanSteps() {
        double max = 0;
        for (CostReport r : onDemand().reports()) {
            Map<Long, Double> byHour = new HashMap<>();
            for (Map.Entry<Bill.Line, Double> e : r.bill().costs().entrySet()) {
                if (e.getKey().category() == CostCategory.ON_DEMAND) {
                    byHour.merge(e.getKey().hour(), e.getValue(), Double::sum);
                }
            }
            for (double usd : byHour.values()) {
                max = Math.max(max, usd);
            }
        }
        return (int) Math.ceil(max / STEP);
    }

    /** The Compute Savings Plan of least expected cost on the grid. */
    public Candidate bestComputePlan(int termYears) {
        Map<Integer, Candidate> seen = new HashMap<>();
        IntFunction<Candidate> at = k -> seen.computeIfAbsent(k, i -> computePlan(termYears, i));
        return at.apply(argmin(0, maxPlanSteps(), k -> at.apply(k).meanUsd()));
    }

    /** Reservations of {@code offering}: {@code counts} per type (a count of 0 buys none). */
    public Candidate reservations(ReservedOffering offering, Map<InstanceType, Integer> counts) {
        List<Reservation> list = new ArrayList<>();
        counts.forEach((type, n) -> {
            if (n > 0) {
                list.add(Reservation.of(type, n, offering));
            }
        });
        String name = "reserved " + offering.label();
        return price(list.isEmpty() ? PurchaseStrategy.onDemand().named(name) : PurchaseStrategy.reserved(name, list));
    }

    /** The reservations of least expected cost, type by type (see the class comment). */
    public Candidate bestReservations(ReservedOffering offering) {
        Map<InstanceType, Integer> counts = new TreeMap<>(BY_NAME);
        for (Map.Entry<InstanceType, Integer> e : peakOnDemandCounts().entrySet()) {
            InstanceType type = e.getKey();
            Map<Integer, Candidate> seen = new HashMap<>();
            IntFunction<Candidate> at = n -> seen.computeIfAbsent(n, i -> {
                Map<InstanceType, Integer> trial = new TreeMap<>(BY_NAME);
                trial.putAll(counts);
                trial.put(type, i);
                return reservations(offering, trial);
            });
            counts.put(type, argmin(0, e.getValue(), n -> at.apply(n).meanUsd()));
        }
        return reservations(offering, counts);
    }

    /** Per type run on demand, the most instances billed in one clock hour of any replication (rounded up). */
    Map<InstanceType, Integer> peakOnDemandCounts() {
        Map<InstanceType, Integer> peaks = new TreeMap<>(BY_NAME);
        for (UsagePricer run : runs) {
            Map<InstanceType, Map<Long, Long>> perHour = new HashMap<>();
            for (Map.Entry<UsageKey, Long> e : run.usage().micros().entrySet()) {
                if (e.getKey().option() == PurchaseOption.ON_DEMAND) {
                    perHour.computeIfAbsent(e.getKey().type(), t -> new HashMap<>())
                            .merge(e.getKey().hour(), e.getValue(), Long::sum);
                }
            }
            perHour.forEach((type, hours) -> {
                long most = hours.values().stream().mapToLong(Long::longValue).max().orElse(0);
                peaks.merge(type, (int) ((most + Time.HOUR - 1) / Time.HOUR), Math::max);
            });
        }
        return peaks;
    }

    /**
     * The integer in {@code lo..hi} of least cost, for a cost convex over them: a ternary search
     * keeping the interval that holds the minimum (two equal values bracket it), then a scan of
     * the last few; the lowest of equal minima.
     */
    static int argmin(int lo, int hi, IntToDoubleFunction cost) {
        while (hi - lo > 2) {
            int m1 = lo + (hi - lo) / 3;
            int m2 = hi - (hi - lo) / 3;
            double a = cost.applyAsDouble(m1);
            double b = cost.applyAsDouble(m2);
            if (a < b) {
                hi = m2 - 1;
            } else if (a > b) {
                lo = m1 + 1;
            } else {
                lo = m1;
                hi = m2;
            }
        }
        int best = lo;
        for (int k = lo + 1; k <= hi; k++) {
            if (cost.applyAsDouble(k) < cost.applyAsDouble(best)) {
                best = k;
            }
        }
        return best;
    }
}
