package io.stratus.pricing;

import io.stratus.compute.Instance;
/**
 * Decides the {@link InstanceTerms} of each instance. It must be a pure function of the instance
 * (its id, type, zone): billing and the spot market ask independently and must agree.
 */
@FunctionalInterface
public interface PurchaseAssignment {

    /** The terms of {@code instance}. */
    InstanceTerms termsOf(Instance instance);

    /** Every instance on one option, tenant 0. */
    static PurchaseAssignment all(PurchaseOption option) {
        InstanceTerms terms = new InstanceTerms(option, 0);
        return instance -> terms;
    }

    /**
     * The first {@code onDemandBase} instances (by id, which is launch order) on demand; of the
     * rest, a share {@code spotShare} on spot, spread evenly: instance {@code base + k} is spot
     * when {@code floor((k + 1) s) > floor(k s)}, so any prefix of launches holds the share as
     * closely as whole instances allow, rounding in favour of on-demand as EC2 Auto Scaling does
     * with its on-demand percentage above base capacity.
     */
    static PurchaseAssignment mixed(int onDemandBase, double spotShare) {
        if (onDemandBase < 0 || !(spotShare >= 0 && spotShare <= 1)) {
            throw new IllegalArgumentException("need a base >= 0 and a spot share in [0, 1]");
        }
        return instance -> {
            long k = instance.id() - (long) onDemandBase;
            boolean spot = k >= 0 && Math.floor((k + 1) * spotShare) > Math.floor(k * spotShare);
            return spot ? new InstanceTerms(PurchaseOption.SPOT, 0) : InstanceTerms.ON_DEMAND;
        };
    }

    /** This assignment with every instance billed to {@code tenant}. */
    default PurchaseAssignment forTenant(int tenant) {
        return instance -> new InstanceTerms(termsOf(instance).option(), tenant);
    }
}
