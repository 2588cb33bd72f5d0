package io.stratus.compute;

/**
 * How the running hours of an instance are bought: the one purchase option type of the engine.
 *
 * <p>An instance's owner decides it at launch ({@link LaunchSpec#purchase()}: {@link #ON_DEMAND} or
 * {@link #SPOT}, by its {@link InstancesDistribution}); the spot market interrupts the spot ones
 * and pricing only reads it. Tenancy decides before the owner's choice: pricing bills a Dedicated
 * Instance as {@link #DEDICATED_INSTANCE} and an instance on a Dedicated Host as
 * {@link #DEDICATED_HOST} whatever its spec says (the one place that rule lives is
 * {@code io.stratus.pricing.PurchaseAssignment#respectingTenancy}). Reserved Instances and Savings
 * Plans are not purchase options of an instance: they are commitments that pay for
 * {@link #ON_DEMAND} usage hour by hour.
 */
public enum PurchaseOption {
    /** Shared tenancy at the on-demand price; eligible for reservations and savings plans. */
    ON_DEMAND("on-demand"),
    /** Shared tenancy at the spot price of its pool; may be interrupted with a two-minute notice. */
    SPOT("spot"),
    /** Dedicated tenancy at the dedicated price, plus the per-region fee. */
    DEDICATED_INSTANCE("dedicated-instance"),
    /** On a Dedicated Host the account pays for per host-hour: the instance adds nothing. */
    DEDICATED_HOST("dedicated-host");

    private final String label;

    PurchaseOption(String label) {
        this.label = label;
    }

    /** The name used in scenario files and reports. */
    public String label() {
        return label;
    }

    /** Whether an owner may launch an instance with this option (the others follow from tenancy). */
    public boolean isLaunchChoice() {
        return this == ON_DEMAND || this == SPOT;
    }
}
