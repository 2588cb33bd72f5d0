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
 * @param gpuModel          the GPU model as the catalogue names it (its {@code gpu_name}, such as
 *                          {@code t4} or {@code a100}), empty if the catalogue names none
 * @param gpuMemoryMib      memory of one GPU in MiB, 0 if none
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
        double onDemandUsdPerHour,
        String gpuModel,
        int gpuMemoryMib) {

    public InstanceType {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(size, "size");
        Objects.requireNonNull(gpuModel, "gpuModel");
        if (gpus < 0 || gpuMemoryMib < 0) {
            throw new IllegalArgumentException(name + ": GPU count and memory must not be negative");
        }
        if (vcpus <= 0) {
            throw new IllegalArgumentException(name + ": vcpus must be positive, got " + vcpus);
        }
        if (!(memoryGib > 0)) {
            throw new IllegalArgumentException(name + ": memory must be positive, got " + memoryGib);
        }
    }

    /** A type without GPU model or GPU memory figures (a CPU type, or a test's type). */
    public InstanceType(String name, String family, InstanceCategory category, String size, int vcpus,
                        double memoryGib, double instanceStoreGib, int networkMbps, int ebsMbps, int gpus,
                        double onDemandUsdPerHour) {
        this(name, family, category, size, vcpus, memoryGib, instanceStoreGib, networkMbps, ebsMbps, gpus,
                onDemandUsdPerHour, "", 0);
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
