package io.stratus.storage;

import java.util.Objects;

/**
 * The size and performance of an EBS volume, validated against its type's rules.
 *
 * @param type           gp2, gp3 or io2
 * @param sizeGib        size in GiB
 * @param provisionedIops for gp3 and io2 the IOPS asked for (gp3: 3,000 to 16,000); ignored (0)
 *                       for gp2, whose IOPS follow from its size
 * @param throughputMBps for gp3 the throughput asked for (125 to 1,000); 0 for the others,
 *                       whose throughput follows from the type
 */
public record VolumeSpec(VolumeType type, int sizeGib, int provisionedIops, int throughputMBps) {

    public VolumeSpec {
        Objects.requireNonNull(type, "type");
        if (sizeGib < type.minGib() || sizeGib > type.maxGib()) {
            throw new IllegalArgumentException(type.apiName() + " volumes are " + type.minGib() + " to "
                    + type.maxGib() + " GiB, got " + sizeGib);
        }
        switch (type) {
            case GP2:
                if (provisionedIops != 0 || throughputMBps != 0) {
                    throw new IllegalArgumentException("gp2 IOPS and throughput follow from the size; give 0");
                }
                break;
            case GP3:
                check(provisionedIops, VolumeType.GP3_BASE_IOPS, VolumeType.GP_MAX_IOPS, "gp3 IOPS");
                check(throughputMBps, VolumeType.GP3_BASE_MBPS, VolumeType.GP3_MAX_MBPS, "gp3 MB/s");
                break;
            case IO2:
                check(provisionedIops, VolumeType.IO2_MIN_IOPS,
                        Math.min(VolumeType.IO2_MAX_IOPS, VolumeType.IO2_MAX_IOPS_PER_GIB * sizeGib), "io2 IOPS");
                if (throughputMBps != 0) {
                    throw new IllegalArgumentException("io2 throughput follows from the type; give 0");
                }
                break;
            default:
                throw new AssertionError(type);
        }
    }

    private static void check(int value, int min, int max, String what) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(what + " must be " + min + " to " + max + ", got " + value);
        }
    }

    /** A gp2 volume. */
    public static VolumeSpec gp2(int sizeGib) {
        return new VolumeSpec(VolumeType.GP2, sizeGib, 0, 0);
    }

    /** A gp3 volume with the included 3,000 IOPS and 125 MB/s. */
    public static VolumeSpec gp3(int sizeGib) {
        return new VolumeSpec(VolumeType.GP3, sizeGib, VolumeType.GP3_BASE_IOPS, VolumeType.GP3_BASE_MBPS);
    }

    /** An io2 volume with {@code iops} provisioned. */
    public static VolumeSpec io2(int sizeGib, int iops) {
        return new VolumeSpec(VolumeType.IO2, sizeGib, iops, 0);
    }

    /** The IOPS the volume sustains indefinitely. */
    public int baselineIops() {
        if (type == VolumeType.GP2) {
            return Math.min(VolumeType.GP_MAX_IOPS,
                    Math.max(VolumeType.GP2_MIN_IOPS, VolumeType.GP2_IOPS_PER_GIB * sizeGib));
        }
        return provisionedIops;
    }

    /** The IOPS the volume reaches while it has burst credits (the baseline if it cannot burst). */
    public int burstIops() {
        if (type == VolumeType.GP2 && sizeGib < VolumeType.GP2_BURST_BELOW_GIB) {
            return VolumeType.GP2_BURST_IOPS;
        }
        return baselineIops();
    }

    /** Whether the volume bursts above its baseline on I/O credits. */
    public boolean bursts() {
        return burstIops() > baselineIops();
    }

    /** Most throughput, MB/s. */
    public int maxThroughputMBps() {
        switch (type) {
            case GP2:
                return VolumeType.GP2_MAX_MBPS;
            case GP3:
                return throughputMBps;
            case IO2:
                return VolumeType.IO2_MAX_MBPS;
            default:
                throw new AssertionError(type);
        }
    }
}
