package io.stratus.pricing;

import io.stratus.compute.InstanceType;
import io.stratus.compute.InstancesDistribution;
import io.stratus.compute.PurchaseOption;
import io.stratus.pricing.commitment.Reservation;
import io.stratus.pricing.commitment.ReservedOffering;
import io.stratus.pricing.commitment.SavingsPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.BiFunction;

/**
 * How a fleet is bought: the on-demand / spot split every owner of instances is given
 * ({@link #distribution()}: each Auto Scaling group, fixed fleet or batch environment applies it to
 * its own live instances, never to global instance ids), how the bill reads each instance's option
 * ({@link #assignment()}: as launched, or dedicated), and what is committed to ahead of use
 * ({@link #commitments}). Commitments are sized from the usage
 * of the run they are priced against, as a planner would size them from history: reservations
 * at a coverage level of the average number of instances of each type running, Dedicated Hosts
 * to hold the peak of instances running at once.
 *
 * <p>A strategy decides only for default-tenancy instances: its {@link #assignment()} is always
 * behind the tenancy rule ({@link PurchaseAssignment#respectingTenancy()}), so Dedicated
 * Instances stay {@link PurchaseOption#DEDICATED_INSTANCE} (never spot, never covered or counted
 * by reservations, which are sized from on-demand usage only; covered by savings plans, which
 * are sized from on-demand and Dedicated Instance usage, as on EC2) and instances with tenancy
 * host stay on their hosts, under every strategy.
 */
public final class PurchaseStrategy {

    private final String name;
    private final PurchaseAssignment assignment;
    private final InstancesDistribution distribution;
    private final BiFunction<UsageLedger, PriceBook, Commitments> sizing;

    private PurchaseStrategy(String name, PurchaseAssignment assignment, InstancesDistribution distribution,
                             BiFunction<UsageLedger, PriceBook, Commitments> sizing) {
        this.name = Objects.requireNonNull(name, "name");
        this.assignment = Objects.requireNonNull(assignment, "assignment").respectingTenancy();
        this.distribution = Objects.requireNonNull(distribution, "distribution");
        this.sizing = Objects.requireNonNull(sizing, "sizing");
    }

    /** Everything on demand. */
    public static PurchaseStrategy onDemand() {
        return new PurchaseStrategy("on-demand", PurchaseAssignment.asLaunched(), InstancesDistribution.ON_DEMAND,
                (u, p) -> Commitments.NONE);
    }

    /** Everything on spot. */
    public static PurchaseStrategy spot() {
        return new PurchaseStrategy("spot", PurchaseAssignment.asLaunched(), InstancesDistribution.spot(0, 100),
                (u, p) -> Commitments.NONE);
    }

    /**
     * Every owner with an on-demand base of {@code onDemandBase} instances and {@code spotPercent}
     * percent of its instances above the base on spot (EC2 Auto Scaling's OnDemandBaseCapacity and
     * 100 - OnDemandPercentageAboveBaseCapacity), each owner counting its own live instances.
     */
    public static PurchaseStrategy mixed(int onDemandBase, int spotPercent) {
        return new PurchaseStrategy("on-demand-base-" + onDemandBase + "+spot-" + spotPercent + "%",
                PurchaseAssignment.asLaunched(), InstancesDistribution.spot(onDemandBase, spotPercent),
                (u, p) -> Commitments.NONE);
    }

    /**
     * Instances on demand, with reservations for {@code coverage} of the average number of
     * instances of each type running over the run (rounded to the nearest whole reservation).
     */
    public static PurchaseStrategy reserved(ReservedOffering offering, double coverage) {
        if (!(coverage >= 0)) {
            throw new IllegalArgumentException("coverage must not be negative, got " + coverage);
        }
        Objects.requireNonNull(offering, "offering");
        return new PurchaseStrategy("reserved-" + offering.label() + "-" + Math.round(coverage * 100) + "%",
                PurchaseAssignment.asLaunched(), InstancesDistribution.ON_DEMAND,
                (usage, prices) -> new Commitments(reservationsFor(usage, offering, coverage, prices), List.of(),
                        List.of()));
    }

    /** Instances on demand, with the given reservations. */
    public static PurchaseStrategy reserved(String name, List<Reservation> reservations) {
        Commitments c = new Commitments(reservations, List.of(), List.of());
        return new PurchaseStrategy(name, PurchaseAssignment.asLaunched(), InstancesDistribution.ON_DEMAND, (u, p) -> c);
    }

    /** Instances on demand, with one savings plan. */
    public static PurchaseStrategy savingsPlan(SavingsPlan plan) {
        Commitments c = new Commitments(List.of(), List.of(plan), List.of());
        return new PurchaseStrategy("savings-plan-" + plan.label().replace(" ", ""),
                PurchaseAssignment.asLaunched(), InstancesDistribution.ON_DEMAND, (u, p) -> c);
    }

    /**
     * Instances on demand, with a savings plan whose hourly commitment is {@code coverage} of the
     * run's average hourly eligible usage valued at the plan's rates (1.0: the average is fully
     * committed, so peaks spill over to on-demand and troughs leave commitment unused).
     *
     * @param family the family of an EC2 Instance plan; ignored for a Compute plan
     */
    public static PurchaseStrategy savingsPlan(SavingsPlan.Kind kind, String family, int termYears, double coverage) {
        if (!(coverage > 0)) {
            throw new IllegalArgumentException("coverage must be positive, got " + coverage);
        }
        String label = (kind == SavingsPlan.Kind.COMPUTE ? "compute" : "ec2-instance-" + family) + "-" + termYears + "y";
        return new PurchaseStrategy("savings-plan-" + label + "-" + Math.round(coverage * 100) + "%",
                PurchaseAssignment.asLaunched(), InstancesDistribution.ON_DEMAND,
                (usage, prices) -> planFor(usage, kind, family, termYears, coverage, prices));
    }

    /** The strategies that need no parameter, by the names {@link #standardNames()} lists. */
    public static PurchaseStrategy standard(String name) {
        ReservedOffering.Payment none = ReservedOffering.Payment.NO_UPFRONT;
        switch (name) {
            case "on-demand":
                return onDemand();
            case "spot":
                return spot();
            case "reserved-1y":
                return reserved(new ReservedOffering(1, ReservedOffering.OfferingClass.STANDARD, none), 1.0).named(name);
            case "reserved-3y":
                return reserved(new ReservedOffering(3, ReservedOffering.OfferingClass.STANDARD, none), 1.0).named(name);
            case "savings-plan-1y":
                return savingsPlan(SavingsPlan.Kind.COMPUTE, null, 1, 1.0).named(name);
            case "savings-plan-3y":
                return savingsPlan(SavingsPlan.Kind.COMPUTE, null, 3, 1.0).named(name);
            case "dedicated-instances":
                return dedicatedInstances();
            case "dedicated-hosts":
                return dedicatedHosts();
            default:
                throw new IllegalArgumentException("unknown purchase strategy '" + name + "'; known: "
                        + String.join(", ", standardNames()));
        }
    }

    /**
     * Names of {@link #standard} strategies: reserved-1y/3y are standard no-upfront reservations
     * at 100% of the average usage; savings-plan-1y/3y are Compute plans committing 100% of the
     * average hourly usage at plan rates.
     */
    public static List<String> standardNames() {
        return List.of("on-demand", "spot", "reserved-1y", "reserved-3y", "savings-plan-1y", "savings-plan-3y",
                "dedicated-instances", "dedicated-hosts");
    }

    /** Every instance a Dedicated Instance. */
    public static PurchaseStrategy dedicatedInstances() {
        return new PurchaseStrategy("dedicated-instances", PurchaseAssignment.all(PurchaseOption.DEDICATED_INSTANCE),
                InstancesDistribution.ON_DEMAND, (u, p) -> Commitments.NONE);
    }

    /** Every instance on Dedicated Hosts, as many hosts of each family as its peak needs (by vCPUs). */
    public static PurchaseStrategy dedicatedHosts() {
        return new PurchaseStrategy("dedicated-hosts", PurchaseAssignment.all(PurchaseOption.DEDICATED_HOST),
                InstancesDistribution.ON_DEMAND,
                PurchaseStrategy::hostsFor);
    }

    /**
     * This strategy for an account that also holds {@code hosts} for the whole run: instances
     * with tenancy host are on those Dedicated Hosts (usage that adds nothing to the bill), and the
     * hosts are a commitment, billed per host-hour whatever runs on them. The other instances are
     * bought as this strategy says.
     */
    public PurchaseStrategy withDedicatedHosts(List<HostAllocation> hosts) {
        List<HostAllocation> allocated = List.copyOf(hosts);
        if (allocated.isEmpty()) {
            return this;
        }
        // instances with tenancy host are already DEDICATED_HOST: the tenancy rule of the assignment
        return new PurchaseStrategy(name, assignment, distribution, (usage, prices) -> {
            Commitments c = sizing.apply(usage, prices);
            List<HostAllocation> all = new ArrayList<>(c.hosts());
            all.addAll(allocated);
            return new Commitments(c.reservations(), c.plans(), all);
        });
    }

    /**
     * This strategy for an account that also holds {@code held} (reservations, savings plans,
     * capacity reservations bought ahead, as a scenario's {@code commitments:} declares them), on
     * top of what the strategy itself buys. The strategy sizes its own commitments from the usage
     * {@code held} leaves uncovered ({@link CostCalculator#uncovered}), as a planner who already
     * holds them would: it does not buy again what they pay for.
     */
    public PurchaseStrategy withCommitments(Commitments held) {
        Objects.requireNonNull(held, "held");
        if (held.reservations().isEmpty() && held.plans().isEmpty() && held.hosts().isEmpty()
                && held.capacity().isEmpty()) {
            return this;
        }
        return new PurchaseStrategy(name, assignment, distribution, (usage, prices) -> held.plus(sizing.apply(
                CostCalculator.uncovered(prices, usage, held), prices)));
    }

    /** This strategy under another name. */
    public PurchaseStrategy named(String newName) {
        return new PurchaseStrategy(newName, assignment, distribution, sizing);
    }

    /** The name used in reports. */
    public String name() {
        return name;
    }

    /** How the bill reads the purchase option of each instance. */
    public PurchaseAssignment assignment() {
        return assignment;
    }

    /** The on-demand / spot split each owner of instances applies to its own launches. */
    public InstancesDistribution distribution() {
        return distribution;
    }

    /** Whether some instances may be spot (so a spot market must run alongside). */
    public boolean usesSpot() {
        return distribution.usesSpot();
    }

    /**
     * Whether this strategy's bill can be priced from the usage of a run under {@code simulated}
     * ({@link PricingSession#reportAs}), byte for byte as its own run would price it. Both must
     * give owners the same split (so the same instances are launched, the same spot market runs
     * or none does: the simulations are identical), and either this strategy reads instances as
     * {@code simulated} does (it differs only in commitments), or neither buys spot,
     * {@code simulated} reads instances as launched and this strategy gives every default-tenancy
     * instance the same terms other than a Dedicated Host (a relabelling of the same usage;
     * Dedicated Hosts are sized from the peak of vCPUs running at once, which only a run under
     * them meters).
     */
    public boolean priceableFromRunOf(PurchaseStrategy simulated) {
        if (!distribution.equals(simulated.distribution)) {
            return false;
        }
        if (assignment.equals(simulated.assignment)) {
            return true;
        }
        return !usesSpot() && simulated.assignment.equals(PurchaseAssignment.asLaunched().respectingTenancy())
                && ((PurchaseAssignment.TenancyFirst) assignment).strategy() instanceof PurchaseAssignment.Uniform u
                && u.terms().option() != PurchaseOption.DEDICATED_HOST;
    }

    /** The commitments this strategy buys for the given usage. */
    public Commitments commitments(UsageLedger usage, PriceBook prices) {
        return sizing.apply(usage, prices);
    }

    private static List<Reservation> reservationsFor(UsageLedger usage, ReservedOffering offering, double coverage,
                                                     PriceBook prices) {
        long end = usage.endMicros();
        if (end <= 0) {
            return List.of();
        }
        Map<String, Long> microsByType = new TreeMap<>();
        Map<String, InstanceType> types = new TreeMap<>();
        usage.micros().forEach((key, micros) -> {
            if (key.option() == PurchaseOption.ON_DEMAND) {
                microsByType.merge(key.type().name(), micros, Long::sum);
                types.put(key.type().name(), key.type());
            }
        });
        List<Reservation> out = new ArrayList<>();
        microsByType.forEach((name, micros) -> {
            long count = Math.round(coverage * micros / (double) end);
            if (count > 0) {
                InstanceType type = types.get(name);
                out.add(new Reservation(type, Math.toIntExact(count), offering,
                        prices.reserved().effectiveUsdPerHour(type, offering)));
            }
        });
        return out;
    }

    private static Commitments planFor(UsageLedger usage, SavingsPlan.Kind kind, String family, int termYears,
                                       double coverage, PriceBook prices) {
        long end = usage.endMicros();
        if (end <= 0) {
            return Commitments.NONE;
        }
        // a probe plan gives the rates; its own commitment does not matter
        SavingsPlan probe = new SavingsPlan(kind, family, termYears, 1.0);
        double atPlanRates = 0;
        for (Map.Entry<UsageKey, Long> e : usage.micros().entrySet()) {
            InstanceType type = e.getKey().type();
            PurchaseOption option = e.getKey().option();
            if (probe.covers(type) && (option == PurchaseOption.ON_DEMAND || option == PurchaseOption.DEDICATED_INSTANCE)) {
                double price = option == PurchaseOption.DEDICATED_INSTANCE ? prices.dedicatedInstanceUsdPerHour(type)
                        : prices.onDemandUsdPerHour(type);
                atPlanRates += e.getValue() * price * probe.ratio(type, prices.reserved());
            }
        }
        double commitment = coverage * atPlanRates / end;
        if (commitment <= 0) {
            return Commitments.NONE;
        }
        return new Commitments(List.of(), List.of(new SavingsPlan(kind, family, termYears, commitment)), List.of());
    }

    private static Commitments hostsFor(UsageLedger usage, PriceBook prices) {
        List<HostAllocation> hosts = new ArrayList<>();
        for (String family : usage.hostFamilies()) {
            int perHost = prices.catalog().hostShapeOf(family).vcpus();
            int peak = usage.peakHostVcpus(family);
            hosts.add(new HostAllocation(family, Math.max(1, (peak + perHost - 1) / perHost)));
        }
        return new Commitments(List.of(), List.of(), hosts);
    }

    @Override
    public String toString() {
        return name;
    }
}
