package io.stratus.pricing;

import java.util.Objects;

/**
 * What an EBS volume is billed for.
 *
 * @param type           the volume type
 * @param sizeGib        size in GiB (billed as GB-months, as AWS does)
 * @param iops           provisioned IOPS (gp3, io2; ignored for gp2)
 * @param throughputMibs provisioned throughput in MiB/s (gp3; ignored otherwise)
 */
public record VolumeSpec(EbsVolumeType type, long sizeGib, long iops, long throughputMibs) {

    /** gp3's included IOPS. */
    public static final long GP3_FREE_IOPS = 3000;
    /** gp3's included throughput, MiB/s. */
    public static final long GP3_FREE_THROUGHPUT = 125;

    public VolumeSpec {
        Objects.requireNonNull(type, "type");
        if (sizeGib <= 0 || iops < 0 || throughputMibs < 0) {
            throw new IllegalArgumentException("a volume needs a positive size and non-negative IOPS and throughput");
        }
    }

    /** A gp2 volume. */
    public static VolumeSpec gp2(long sizeGib) {
        return new VolumeSpec(EbsVolumeType.GP2, sizeGib, 0, 0);
    }

    /** A gp3 volume with the included 3,000 IOPS and 125 MiB/s unless more is given. */
    public static VolumeSpec gp3(long sizeGib, long iops, long throughputMibs) {
        return new VolumeSpec(EbsVolumeType.GP3, sizeGib, Math.max(iops, GP3_FREE_IOPS),
                Math.max(throughputMibs, GP3_FREE_THROUGHPUT));
    }

    /** An io2 volume. */
    public static VolumeSpec io2(long sizeGib, long iops) {
        return new VolumeSpec(EbsVolumeType.IO2, sizeGib, iops, 0);
    }
}
