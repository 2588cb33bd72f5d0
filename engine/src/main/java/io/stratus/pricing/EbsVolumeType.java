package io.stratus.pricing;

/**
 * The EBS volume types Stratus bills. gp2: size only (IOPS follow from size). gp3: 3,000 IOPS and
 * 125 MiB/s included, more provisioned at a price. io2: size and every provisioned IOPS, in
 * three price tiers (up to 32,000; 32,001 to 64,000; above).
 */
public enum EbsVolumeType {
    GP2("gp2"), GP3("gp3"), IO2("io2");

    private final String apiName;

    EbsVolumeType(String apiName) {
        this.apiName = apiName;
    }

    /** The name the EC2 API uses. */
    public String apiName() {
        return apiName;
    }
}
