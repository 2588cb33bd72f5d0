package io.stratus.scaling;

/**
 * The purchase mix of a mixed-instances group (AWS InstancesDistribution): the first
 * {@code onDemandBaseCapacity} instances are on-demand, and of the capacity above that base,
 * {@code onDemandPercentageAboveBase} percent is on-demand and the rest spot.
 *
 * <p>Rounding: the on-demand share above the base is rounded up, so a group never has less
 * on-demand capacity than asked. On-demand launches use the types in priority order; spot
 * launches rotate over the types (a diversified allocation; the spot market's price and
 * capacity pools are not modelled here).
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

    /** On-demand instances wanted in a group of {@code total} instances. */
    public int onDemandTarget(int total) {
        int base = Math.min(total, onDemandBaseCapacity);
        int above = total - base;
        return base + (above * onDemandPercentageAboveBase + 99) / 100;
    }
}
