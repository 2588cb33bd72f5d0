package io.stratus.hypervisor;

/**
 * What a burstable instance does when its CPU credit balance is spent (EC2 credit specification).
 *
 * <ul>
 *   <li>{@link #STANDARD}: it is throttled to its baseline until it earns credits again (the T2
 *       default).</li>
 *   <li>{@link #UNLIMITED}: it keeps bursting on surplus credits, which are paid back by later
 *       earnings or billed (the T3 / T4g default).</li>
 * </ul>
 */
public enum CpuCreditMode {
    STANDARD("standard"),
    UNLIMITED("unlimited");

    private final String apiName;

    CpuCreditMode(String apiName) {
        this.apiName = apiName;
    }

    /** The name the EC2 API and scenario files use. */
    public String apiName() {
        return apiName;
    }
}
