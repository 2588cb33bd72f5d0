package io.stratus.compute;

import java.util.Objects;

/**
 * An EC2 instance type: the resources it fixes and its on-demand price.
 *
 * @param name              the API name, such as {@code m5.large}
 * @param family            the family, such as {@code m5}
 * @param category          the AWS grouping of the family
 * @param size              the size, such as {@code large} or {@code metal}
 * @param vcpus             virtual CPUs (hardware threads)
 * @param memoryGib         memory in GiB
 * @param instanceStoreGib  local NVMe instance store in GB, 0 if EBS-only
 * @param networkMbps       baseline network bandwidth (not the "up to" burst)
 * @param ebsMbps           EBS bandwidth
 * @param gpus              GPUs, 0 if none
 * @param onDemandUsdPerHour Linux shared-tenancy on-demand price in us-east-1, USD per hour;
 *                          {@link Double#NaN} when the catalogue has no price
 */
public record InstanceType(
        String name,
        String family,
        InstanceCategory category,
        String size,
        int vcpus,
        double memoryGib,
        double instanceStoreGib,
        int networkMbps,
        int ebsMbps,
        int gpus,
        double onDemandUsdPerHour) {

    public InstanceType {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(size, "size");
        if (vcpus <= 0) {
            throw new IllegalArgumentException(name + ": vcpus must be positive, got " + vcpus);
        }
        if (!(memoryGib > 0)) {
            throw new IllegalArgumentException(name + ": memory must be positive, got " + memoryGib);
        }
    }

    /** Whether the catalogue gives an on-demand price. */
    public boolean isPriced() {
        return !Double.isNaN(onDemandUsdPerHour);
    }

    /** Whether this is a burstable (T family: t2, t3, t3a, t4g) type; trn1 is not one. */
    public boolean isBurstable() {
        return family.length() >= 2 && family.charAt(0) == 't' && Character.isDigit(family.charAt(1));
    }

    /** Memory in MiB, rounded down (host accounting is in whole MiB). */
    public long memoryMib() {
        return (long) Math.floor(memoryGib * 1024);
    }
}
