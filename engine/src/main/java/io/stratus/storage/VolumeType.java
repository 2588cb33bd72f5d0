package io.stratus.storage;

/**
 * EBS volume types and their performance rules (AWS, 2026):
 * <ul>
 *   <li>{@link #GP2}: 3 IOPS per GiB, at least 100 and at most 16,000; volumes under 1,000 GiB
 *       burst to 3,000 IOPS from a bucket of 5.4 million I/O credits; throughput up to
 *       250 MB/s.</li>
 *   <li>{@link #GP3}: 3,000 IOPS and 125 MB/s included; up to 16,000 IOPS and 1,000 MB/s
 *       provisioned.</li>
 *   <li>{@link #IO2}: provisioned IOPS, 100 to 64,000 per volume (Block Express goes beyond;
 *       not modelled), at most 500 IOPS per GiB; throughput up to 1,000 MB/s.</li>
 * </ul>
 */
public enum VolumeType {
    GP2("gp2", 1, 16_384),
    GP3("gp3", 1, 16_384),
    IO2("io2", 4, 16_384);

    /** gp2: IOPS per GiB. */
    public static final int GP2_IOPS_PER_GIB = 3;
    /** gp2: least baseline IOPS. */
    public static final int GP2_MIN_IOPS = 100;
    /** gp2 and gp3: most IOPS. */
    public static final int GP_MAX_IOPS = 16_000;
    /** gp2: burst IOPS of volumes under {@link #GP2_BURST_BELOW_GIB}. */
    public static final int GP2_BURST_IOPS = 3_000;
    /** gp2: volumes smaller than this burst. */
    public static final int GP2_BURST_BELOW_GIB = 1_000;
    /** gp2: I/O credits in a full burst bucket. */
    public static final long GP2_BUCKET_CREDITS = 5_400_000;
    /** gp2: most throughput, MB/s. */
    public static final int GP2_MAX_MBPS = 250;
    /** gp3: included IOPS. */
    public static final int GP3_BASE_IOPS = 3_000;
    /** gp3: included throughput, MB/s. */
    public static final int GP3_BASE_MBPS = 125;
    /** gp3: most provisioned throughput, MB/s. */
    public static final int GP3_MAX_MBPS = 1_000;
    /** io2: least and most provisioned IOPS. */
    public static final int IO2_MIN_IOPS = 100;
    public static final int IO2_MAX_IOPS = 64_000;
    /** io2: most IOPS per GiB. */
    public static final int IO2_MAX_IOPS_PER_GIB = 500;
    /** io2: most throughput, MB/s. */
    public static final int IO2_MAX_MBPS = 1_000;

    private final String apiName;
    private final int minGib;
    private final int maxGib;

    VolumeType(String apiName, int minGib, int maxGib) {
        this.apiName = apiName;
        this.minGib = minGib;
        this.maxGib = maxGib;
    }

    /** The name the EC2 API and scenario files use. */
    public String apiName() {
        return apiName;
    }

    /** Smallest volume, GiB. */
    public int minGib() {
        return minGib;
    }

    /** Largest volume, GiB. */
    public int maxGib() {
        return maxGib;
    }
}
