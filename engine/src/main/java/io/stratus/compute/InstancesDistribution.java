package io.stratus.compute;

/**
 * The on-demand / spot split of an owner's instances (the AWS InstancesDistribution of a mixed
 * instances group): the first {@code onDemandBaseCapacity} instances are on-demand, and of the
 * capacity above that base, {@code onDemandPercentageAboveBase} percent is on-demand and the rest
 * spot. The one rule of the engine for the split: Auto Scaling groups apply it at every launch and
 * scale-in, and owners that are not groups (fixed fleets, batch environments) apply it through
 * {@link PurchaseMix}.
 *
 * <p>The split is kept through scale-in as EC2 Auto Scaling keeps it: "when an Auto Scaling group
 * with a mixed instances policy scales in, [it] first identifies which of the two types (Spot or
 * On-Demand) should be terminated", then applies the termination policy within that option (Amazon
 * EC2 Auto Scaling User Guide, "Default termination policy and mixed instances groups",
 * https://docs.aws.amazon.com/autoscaling/ec2/userguide/ec2-auto-scaling-termination-policies.html):
 * {@link #toTerminate} says which option, so the remaining instances match the distribution again.
 *
 * <p>Rounding: the on-demand share above the base is rounded up, so an owner never has less
 * on-demand capacity than asked (OnDemandPercentageAboveBaseCapacity "rounds up" in the user
 * guide's examples). Capacity is counted in instances (no instance weights).
 */
public record InstancesDistribution(int onDemandBaseCapacity, int onDemandPercentageAboveBase) {

    /** Everything on-demand. */
    public static final InstancesDistribution ON_DEMAND = new InstancesDistribution(0, 100);

    public InstancesDistribution {
        if (onDemandBaseCapacity < 0) {
            throw new IllegalArgumentException("on-demand base capacity must not be negative");
        }
        if (onDemandPercentageAboveBase < 0 || onDemandPercentageAboveBase > 100) {
            throw new IllegalArgumentException("on-demand percentage must be 0 to 100, got " + onDemandPercentageAboveBase);
        }
    }

    /** A base of on-demand instances and a spot percentage above it. */
    public static InstancesDistribution spot(int onDemandBase, int spotPercentage) {
        return new InstancesDistribution(onDemandBase, 100 - spotPercentage);
    }

    /** Whether any instance can be spot. */
    public boolean usesSpot() {
        return onDemandPercentageAboveBase < 100;
    }

    /** The spot percentage above the base. */
    public int spotPercentage() {
        return 100 - onDemandPercentageAboveBase;
    }

    /** On-demand instances wanted in a group of {@code total} instances. */
    public int onDemandTarget(int total) {
        int base = Math.min(total, onDemandBaseCapacity);
        int above = total - base;
        return base + (above * onDemandPercentageAboveBase + 99) / 100;
    }

    /**
     * The option of the next launch for an owner with {@code live} instances of which
     * {@code liveOnDemand} are on-demand: on-demand while the owner is below its on-demand target
     * for {@code live + 1} instances, spot otherwise.
     */
    public PurchaseOption toLaunch(int live, int liveOnDemand) {
        return liveOnDemand < onDemandTarget(live + 1) ? PurchaseOption.ON_DEMAND : PurchaseOption.SPOT;
    }

    /**
     * The option of the next instance to terminate at scale-in, for an owner with {@code live}
     * instances of which {@code liveOnDemand} are on-demand: on-demand when more are on-demand
     * than the target for {@code live - 1} instances, spot otherwise (on-demand if no spot is left).
     */
    public PurchaseOption toTerminate(int live, int liveOnDemand) {
        if (liveOnDemand > onDemandTarget(live - 1) || liveOnDemand == live) {
            return PurchaseOption.ON_DEMAND;
        }
        return PurchaseOption.SPOT;
    }
}
