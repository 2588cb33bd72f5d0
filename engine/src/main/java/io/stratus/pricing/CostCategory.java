package io.stratus.pricing;

/** What a line of a bill pays for. */
public enum CostCategory {
    ON_DEMAND("on-demand"),
    SPOT("spot"),
    DEDICATED_INSTANCE("dedicated-instance"),
    DEDICATED_REGION_FEE("dedicated-region-fee"),
    DEDICATED_HOST("dedicated-host"),
    RESERVED("reserved"),
    SAVINGS_PLAN("savings-plan"),
    EBS("ebs"),
    /** The unused part of On-Demand Capacity Reservations, at the on-demand rate less what commitments paid. */
    UNUSED_CAPACITY_RESERVATION("unused-capacity-reservation"),
    /** Burstable instances' surplus CPU credits, per vCPU-hour ({@link SurplusCredits}). */
    CPU_CREDITS("cpu-credits");

    private final String label;

    CostCategory(String label) {
        this.label = label;
    }

    /** The name used in reports. */
    public String label() {
        return label;
    }
}
