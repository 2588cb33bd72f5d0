package io.stratus.scaling;

/**
 * How an instance of a group is bought. Recorded per instance for billing
 * ({@link AutoScalingGroup#purchaseOption(int)}); the spot market and the bill are pricing's.
 */
public enum PurchaseOption {
    ON_DEMAND("on-demand"),
    SPOT("spot");

    private final String apiName;

    PurchaseOption(String apiName) {
        this.apiName = apiName;
    }

    /** The name scenario files use. */
    public String apiName() {
        return apiName;
    }
}
