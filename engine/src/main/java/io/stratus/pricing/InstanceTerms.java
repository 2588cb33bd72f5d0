package io.stratus.pricing;

import io.stratus.compute.PurchaseOption;
import java.util.Objects;

/**
 * Who pays for an instance and how: its tenant (account; 0 in a single-account scenario) and its
 * purchase option.
 */
public record InstanceTerms(PurchaseOption option, int tenant) {

    /** On demand, tenant 0. */
    public static final InstanceTerms ON_DEMAND = new InstanceTerms(PurchaseOption.ON_DEMAND, 0);
    /** Spot, tenant 0. */
    public static final InstanceTerms SPOT = new InstanceTerms(PurchaseOption.SPOT, 0);

    public InstanceTerms {
        Objects.requireNonNull(option, "option");
        if (tenant < 0) {
            throw new IllegalArgumentException("tenant must not be negative, got " + tenant);
        }
    }
}
