package io.stratus.pricing;

import io.stratus.compute.InstanceType;
import io.stratus.compute.PurchaseOption;
import io.stratus.pricing.commitment.CapacityReservation;
import io.stratus.pricing.commitment.Reservation;
import io.stratus.pricing.commitment.SavingsPlan;
import io.stratus.sim.Time;
import io.stratus.spot.SpotPriceProcess;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Prices metered usage hour by hour, as the EC2 bill does.
 *
 * <p>For each clock hour of the run:
 * <ol>
 *   <li>On-Demand Capacity Reservations ({@link CapacityReservation}) hold {@code count}
 *       instance-hours of their type and zone: matching on-demand usage runs in them (in list order,
 *       each instance-hour in one reservation at most; the unused part of another is not usage), and what is
 *       left unused becomes a line of usage of that type and zone, priced by the steps below like
 *       any on-demand usage but billed as {@link CostCategory#UNUSED_CAPACITY_RESERVATION}.</li>
 *   <li>Zonal reservations cover on-demand usage (unused capacity reservations included) of
 *       exactly their type in their zone; then regional reservations cover on-demand usage of
 *       their family in any zone (size flexible): each has {@code count x normalization factor}
 *       instance-hours of capacity for the hour; it covers its own type first, then the smallest
 *       sizes. Reservations are shared by all tenants (one paying account) and never cover
 *       Dedicated Instances.</li>
 *   <li>Savings plans then cover what is left of the eligible usage at their rates, the most
 *       discounted usage first, until the hour's commitment is spent. Eligible: on-demand usage and
 *       Dedicated Instance usage (a plan's rate for a Dedicated Instance is the dedicated price
 *       times the plan's ratio), as EC2 Instance and Compute Savings Plans apply to dedicated
 *       tenancy on EC2; the region fee is never covered.</li>
 *   <li>What is left is billed on demand; spot usage at its pool's price for the hour;
 *       Dedicated Instance usage at the dedicated price, plus the region fee once per tenant for
 *       each hour in which any of its Dedicated Instances ran (whole hours, {@link DedicatedRegionFee});
 *       Dedicated Host usage adds nothing. Which instances are Dedicated Instances is their
 *       tenancy's decision, not the strategy's ({@link PurchaseAssignment#respectingTenancy()}).</li>
 *   <li>Burstable surplus credits are charged as the usage ledger books them
 *       ({@link SurplusCredits}); no commitment covers them, as on EC2.</li>
 *   <li>Every commitment is charged its amortised hourly cost, whatever the usage; the last hour
 *       of a run that ends mid-hour is charged pro rata.</li>
 * </ol>
 * Usage is in exact integer microseconds; money is computed from it per line.
 */
public final class CostCalculator {

    private final PriceBook prices;
    private final SpotPriceProcess spotPrices;

    public CostCalculator(PriceBook prices, SpotPriceProcess spotPrices) {
        this.prices = Objects.requireNonNull(prices, "prices");
        this.spotPrices = Objects.requireNonNull(spotPrices, "spotPrices");
    }

    /**
     * Prices a run that ended at {@code endMicros}.
     *
     * @param volumes EBS usage, or null for none
     */
    public Bill price(UsageLedger usage, EbsMeter volumes, Commitments commitments, long endMicros) {
        Objects.requireNonNull(usage, "usage");
        Run run = new Run(commitments, endMicros);
        for (EbsMeter.HourTenant fee : DedicatedRegionFee.chargedHours(List.of(usage))) {
            run.add(fee.hour(), fee.tenant(), CostCategory.DEDICATED_REGION_FEE, prices.dedicatedRegionFeeUsdPerHour());
        }
        List<List<Row>> byHour = rowsByHour(usage, endMicros);
        for (int h = 0; h < byHour.size(); h++) {
            run.priceHour(h, byHour.get(h));
        }
        for (Map.Entry<EbsMeter.HourTenant, Double> e : usage.surplusCredits().entrySet()) {
            double usd = SurplusCredits.usd(prices, e.getValue());
            run.add(e.getKey().hour(), e.getKey().tenant(), CostCategory.CPU_CREDITS, usd);
            run.onDemandEquivalent += usd;
        }
        if (volumes != null) {
            for (Map.Entry<EbsMeter.HourTenant, Double> e : volumes.costs(prices.ebs()).entrySet()) {
                run.add(e.getKey().hour(), e.getKey().tenant(), CostCategory.EBS, e.getValue());
                run.onDemandEquivalent += e.getValue();
            }
        }
        return run.bill();
    }

    /**
     * The usage {@code held} leaves uncovered: {@code usage} with each on-demand and Dedicated
     * Instance row reduced to what no capacity reservation, reservation or savings plan of
     * {@code held} paid for, by the rules of {@link #price} (other rows, the end of the run and
     * the Dedicated Host peaks as they are). What a strategy sizes its own commitments from when
     * an account already holds some ({@link PurchaseStrategy#withCommitments}).
     */
    static UsageLedger uncovered(PriceBook prices, UsageLedger usage, Commitments held) {
        // covering never reads a spot price: only billing does
        CostCalculator calculator = new CostCalculator(prices, (type, zone, hour) -> {
            throw new AssertionError("no spot price is needed to cover usage");
        });
        long end = usage.endMicros();
        Run run = calculator.new Run(held, end);
        SortedMap<UsageKey, Long> left = new TreeMap<>();
        List<List<Row>> byHour = rowsByHour(usage, end);
        for (int h = 0; h < byHour.size(); h++) {
            for (Row r : run.applyCommitments(h, byHour.get(h), run.fraction(h))) {
                long micros = r.key.option() == PurchaseOption.ON_DEMAND
                        || r.key.option() == PurchaseOption.DEDICATED_INSTANCE ? r.remaining : r.micros;
                if (!r.unusedReservation && micros > 0) {
                    left.merge(r.key, micros, Long::sum);
                }
            }
        }
        return usage.withMicros(left);
    }

    /** The usage rows of each clock hour of a run that ended at {@code endMicros}, hour 0 first. */
    private static List<List<Row>> rowsByHour(UsageLedger usage, long endMicros) {
        long hours = (endMicros + Time.HOUR - 1) / Time.HOUR;
        if (!usage.micros().isEmpty()) {
            // a minimum charge of an interval that began in the run's last instant lands in the next hour
            hours = Math.max(hours, usage.micros().lastKey().hour() + 1);
        }
        List<List<Row>> out = new ArrayList<>();
        Iterator<Map.Entry<UsageKey, Long>> rows = usage.micros().entrySet().iterator();
        Map.Entry<UsageKey, Long> next = rows.hasNext() ? rows.next() : null;
        for (long h = 0; h < hours; h++) {
            List<Row> hourRows = new ArrayList<>();
            while (next != null && next.getKey().hour() == h) {
                hourRows.add(new Row(next.getKey(), next.getValue()));
                next = rows.hasNext() ? rows.next() : null;
            }
            out.add(hourRows);
        }
        return out;
    }

    /** The accumulators of one pricing pass. */
    private final class Run {
        final Commitments commitments;
        final long endMicros;
        final SortedMap<Bill.Line, Double> costs = new TreeMap<>();
        final List<Bill.HourCoverage> coverage = new ArrayList<>();
        final long[] reservedUsed;
        final double[] reservedCapacity;
        final double[] planUsed;
        final double[] planOnDemandValue;
        final long[] capacityUsed;
        final double[] capacityHeld;
        double onDemandEquivalent;

        Run(Commitments commitments, long endMicros) {
            this.commitments = Objects.requireNonNull(commitments, "commitments");
            this.endMicros = endMicros;
            reservedUsed = new long[commitments.reservations().size()];
            reservedCapacity = new double[commitments.reservations().size()];
            planUsed = new double[commitments.plans().size()];
            planOnDemandValue = new double[commitments.plans().size()];
            capacityUsed = new long[commitments.capacity().size()];
            capacityHeld = new double[commitments.capacity().size()];
        }

        /** The share of clock hour {@code h} inside the run: commitments are charged pro rata. */
        double fraction(long h) {
            return Math.max(0, Math.min(endMicros, (h + 1) * Time.HOUR) - h * Time.HOUR) / (double) Time.HOUR;
        }

        void priceHour(long h, List<Row> hourRows) {
            double fraction = fraction(h);
            long eligible = 0;
            for (Row r : hourRows) {
                onDemandEquivalent += usd(r.micros, prices.onDemandUsdPerHour(r.key.type()));
                if (r.remaining > 0) {
                    eligible += r.micros;
                }
            }
            List<Row> rows = applyCommitments(h, hourRows, fraction);
            long reserved = 0;
            long planned = 0;
            long onDemand = 0;
            for (Row r : rows) {
                if (!r.unusedReservation) { // coverage is of usage; an unused reservation is not usage
                    reserved += r.reserved;
                    planned += r.planned;
                    onDemand += r.remaining;
                }
                billUncommitted(h, r);
            }
            for (HostAllocation a : commitments.hosts()) {
                add(h, 0, CostCategory.DEDICATED_HOST, a.hosts() * prices.dedicatedHostUsdPerHour(a.family()) * fraction);
            }
            coverage.add(new Bill.HourCoverage(h, eligible, reserved, planned, onDemand));
        }

        /**
         * Applies the commitments to one hour's usage rows: capacity reservations, then zonal and
         * regional reservations, then savings plans; returns the rows, with a row for the unused part
         * of each capacity reservation.
         */
        List<Row> applyCommitments(long h, List<Row> hourRows, double fraction) {
            List<Row> rows = new ArrayList<>(hourRows);
            for (int i = 0; i < capacityUsed.length; i++) {
                CapacityReservation c = commitments.capacity().get(i);
                long held = (long) Math.floor(c.count() * Time.HOUR * fraction);
                long used = take(c, held, rows);
                capacityHeld[i] += held;
                capacityUsed[i] += used;
                if (held > used) {
                    rows.add(new Row(new UsageKey(h, c.type(), c.zone(), 0, PurchaseOption.ON_DEMAND), held - used, true));
                }
            }
            for (boolean zonal : new boolean[] {true, false}) {
                for (int i = 0; i < reservedUsed.length; i++) {
                    Reservation res = commitments.reservations().get(i);
                    if (res.isZonal() != zonal) {
                        continue;
                    }
                    long capacity = res.count() * prices.sizes().quarterUnits(res.type()) * Time.HOUR;
                    reservedCapacity[i] += capacity * fraction;
                    reservedUsed[i] += cover(res, capacity, rows);
                    add(h, 0, CostCategory.RESERVED, res.amortisedUsdPerHour() * fraction);
                }
            }
            for (int i = 0; i < planUsed.length; i++) {
                SavingsPlan plan = commitments.plans().get(i);
                double budget = plan.commitmentUsdPerHour() * fraction;
                double[] spent = applyPlan(plan, budget, rows);
                planUsed[i] += spent[0];
                planOnDemandValue[i] += spent[1];
                add(h, 0, CostCategory.SAVINGS_PLAN, budget);
            }
            return rows;
        }

        /** Bills what no commitment paid for: the rest of on-demand usage, spot, dedicated instances. */
        void billUncommitted(long h, Row r) {
            InstanceType type = r.key.type();
            int tenant = r.key.tenant();
            switch (r.key.option()) {
                case ON_DEMAND:
                    add(h, tenant, r.unusedReservation ? CostCategory.UNUSED_CAPACITY_RESERVATION : CostCategory.ON_DEMAND,
                            usd(r.remaining, prices.onDemandUsdPerHour(type)));
                    break;
                case SPOT:
                    add(h, tenant, CostCategory.SPOT, usd(r.micros, spotPrices.usdPerHour(type, r.key.zone(), h)));
                    break;
                case DEDICATED_INSTANCE:
                    add(h, tenant, CostCategory.DEDICATED_INSTANCE, usd(r.remaining, prices.dedicatedInstanceUsdPerHour(type)));
                    break;
                case DEDICATED_HOST:
                    break;
                default:
                    throw new AssertionError(r.key.option());
            }
        }

        void add(long hour, int tenant, CostCategory c, double usd) {
            if (usd != 0) {
                costs.merge(new Bill.Line(hour, tenant, c), usd, Double::sum);
            }
        }

        Bill bill() {
            List<Bill.CommitmentUse> uses = new ArrayList<>();
            double runHours = endMicros / (double) Time.HOUR;
            for (int i = 0; i < reservedUsed.length; i++) {
                Reservation r = commitments.reservations().get(i);
                uses.add(new Bill.CommitmentUse(r.label(), r.amortisedUsdPerHour() * runHours,
                        reservedCapacity[i] == 0 ? 0 : Math.min(1, reservedUsed[i] / reservedCapacity[i]),
                        r.breakEvenUtilisation()));
            }
            for (int i = 0; i < planUsed.length; i++) {
                SavingsPlan p = commitments.plans().get(i);
                double cost = p.commitmentUsdPerHour() * runHours;
                // break-even: the plan's rates over the on-demand rates of the usage it paid for
                double breakEven = planOnDemandValue[i] > 0 ? planUsed[i] / planOnDemandValue[i] : Double.NaN;
                uses.add(new Bill.CommitmentUse(p.label(), cost, cost == 0 ? 0 : planUsed[i] / cost, breakEven));
            }
            for (int i = 0; i < capacityUsed.length; i++) {
                CapacityReservation c = commitments.capacity().get(i);
                double od = prices.onDemandUsdPerHour(c.type());
                // its cost at the on-demand rate, before any reservation or plan applied to it
                uses.add(new Bill.CommitmentUse(c.label(), c.count() * od * runHours,
                        capacityHeld[i] == 0 ? 0 : capacityUsed[i] / capacityHeld[i], Double.NaN));
            }
            for (HostAllocation a : commitments.hosts()) {
                double cost = a.hosts() * prices.dedicatedHostUsdPerHour(a.family()) * runHours;
                uses.add(new Bill.CommitmentUse(a.hosts() + " x " + a.family() + " dedicated host", cost, Double.NaN,
                        Double.NaN));
            }
            return new Bill(costs, coverage, uses, onDemandEquivalent);
        }
    }

    /** Usage of one key in one hour and what has covered it so far. */
    private static final class Row {
        final UsageKey key;
        final long micros;
        long remaining;
        long reserved;
        long planned;
        /** How much of it capacity reservations have already taken (each microsecond runs in at most one). */
        long inCapacityReservation;

        final boolean unusedReservation;

        Row(UsageKey key, long micros) {
            this(key, micros, false);
        }

        /** Usage, or with {@code unusedReservation} the unused part of a capacity reservation. */
        Row(UsageKey key, long micros, boolean unusedReservation) {
            this.key = key;
            this.micros = micros;
            this.unusedReservation = unusedReservation;
            // what a commitment may still pay for: on-demand and Dedicated Instance usage
            this.remaining = key.option() == PurchaseOption.ON_DEMAND
                    || key.option() == PurchaseOption.DEDICATED_INSTANCE ? micros : 0;
        }
    }

    /**
     * Lets a capacity reservation take up to {@code held} microseconds of the hour's matching usage
     * (on-demand usage of its type in its zone) that no earlier reservation took; returns what it took.
     * The unused part of an earlier reservation is not usage and is never taken.
     */
    private static long take(CapacityReservation c, long held, List<Row> rows) {
        long taken = 0;
        for (Row r : rows) {
            if (taken == held) {
                break;
            }
            if (!r.unusedReservation && r.key.option() == PurchaseOption.ON_DEMAND && r.key.zone() == c.zone()
                    && r.key.type().equals(c.type())) {
                long share = Math.min(held - taken, r.micros - r.inCapacityReservation);
                r.inCapacityReservation += share;
                taken += share;
            }
        }
        return taken;
    }

    /**
     * Covers rows with a reservation's capacity (quarter-unit microseconds); returns what it used.
     * On-demand rows only (never Dedicated Instances); a zonal reservation only its type in its zone.
     */
    private long cover(Reservation res, long capacity, List<Row> rows) {
        List<Row> candidates = new ArrayList<>();
        for (Row r : rows) {
            boolean fits = res.isZonal() ? r.key.type().equals(res.type()) && r.key.zone() == res.zone()
                    : r.key.type().family().equals(res.type().family());
            if (r.remaining > 0 && r.key.option() == PurchaseOption.ON_DEMAND && fits) {
                candidates.add(r);
            }
        }
        candidates.sort(Comparator.<Row>comparingInt(r -> r.key.type().equals(res.type()) ? 0 : 1)
                .thenComparingLong(r -> prices.sizes().quarterUnits(r.key.type()))
                .thenComparing(r -> r.key));
        long left = capacity;
        for (Row r : candidates) {
            long units = prices.sizes().quarterUnits(r.key.type());
            long covered = Math.min(r.remaining, left / units);
            r.remaining -= covered;
            r.reserved += covered;
            left -= covered * units;
        }
        return capacity - left;
    }

    /** Applies a plan's budget for one hour; returns {spent at plan rates, on-demand value covered}. */
    private double[] applyPlan(SavingsPlan plan, double budget, List<Row> rows) {
        List<Row> candidates = new ArrayList<>();
        for (Row r : rows) {
            if (r.remaining > 0 && plan.covers(r.key.type())) {
                candidates.add(r);
            }
        }
        candidates.sort(Comparator.<Row>comparingDouble(r -> plan.ratio(r.key.type(), prices.reserved()))
                .thenComparing(r -> r.key));
        double left = budget;
        double onDemandValue = 0;
        for (Row r : candidates) {
            if (left <= 0) {
                break;
            }
            double od = r.key.option() == PurchaseOption.DEDICATED_INSTANCE
                    ? prices.dedicatedInstanceUsdPerHour(r.key.type()) : prices.onDemandUsdPerHour(r.key.type());
            double rate = od * plan.ratio(r.key.type(), prices.reserved());
            long covered = Math.min(r.remaining, (long) Math.floor(left * Time.HOUR / rate));
            r.remaining -= covered;
            r.planned += covered;
            left -= usd(covered, rate);
            onDemandValue += usd(covered, od);
        }
        return new double[] {budget - Math.max(0, left), onDemandValue};
    }

    private static double usd(long micros, double usdPerHour) {
        return micros * usdPerHour / Time.HOUR;
    }
}
