package io.stratus.pricing;

/**
 * How the running hours of an instance are bought, decided when it is launched. Reserved
 * Instances and Savings Plans are not purchase options of an instance: they are commitments that
 * pay for {@link #ON_DEMAND} usage hour by hour (see {@link CostCalculator}).
 */
public enum PurchaseOption {
    /** Shared tenancy at the on-demand price; eligible for reservations and savings plans. */
    ON_DEMAND("on-demand"),
    /** Shared tenancy at the spot price of its pool; may be interrupted. */
    SPOT("spot"),
    /** Dedicated tenancy at the dedicated price, plus the per-region fee. */
    DEDICATED_INSTANCE("dedicated-instance"),
    /** On a Dedicated Host the account pays for per host-hour: the instance adds nothing. */
    DEDICATED_HOST("dedicated-host");

    private final String label;

    PurchaseOption(String label) {
        this.label = label;
    }

    /** The name used in reports. */
    public String label() {
        return label;
    }
}
