package io.stratus.pricing;

import io.stratus.compute.Instance;
import io.stratus.compute.PurchaseOption;
import io.stratus.infra.Tenancy;
import java.util.Objects;

/**
 * Decides the {@link InstanceTerms} of each instance for billing. It must be a pure function of the
 * instance (its launch spec: purchase option, type, zone, tenancy). The on-demand / spot split is
 * never decided here: owners decide it at launch ({@link #asLaunched()}).
 *
 * <p><b>Tenancy decides first.</b> A strategy (on-demand, spot, mixed, reserved, savings plan)
 * only chooses how default-tenancy instances are bought; an instance's tenancy fixes the option
 * of the others, whatever the strategy: every assignment that billing or the spot market uses is
 * wrapped by {@link #respectingTenancy()} ({@link UsageMeter} and {@link PurchaseStrategy} do it
 * themselves), so this is the one place the rule lives:
 * <ul>
 *   <li>tenancy {@link Tenancy#DEDICATED dedicated}: {@link PurchaseOption#DEDICATED_INSTANCE},
 *       billed to the instance's own tenant (account): the dedicated price per second, plus the
 *       per-region fee of that account for each clock hour in which any of its Dedicated Instances
 *       runs ({@link DedicatedRegionFee}). Never spot (Dedicated Instances cannot be spot), never
 *       covered by (default-tenancy) reservations; covered by savings plans at the plan's rate of
 *       the dedicated price, as on EC2 ({@link CostCalculator});</li>
 *   <li>tenancy {@link Tenancy#HOST host}: {@link PurchaseOption#DEDICATED_HOST}, tenant's own:
 *       the instance adds nothing, its host is billed per host-hour;</li>
 *   <li>tenancy default: as the wrapped strategy says.</li>
 * </ul>
 */
@FunctionalInterface
public interface PurchaseAssignment {

    /** The terms of {@code instance}. */
    InstanceTerms termsOf(Instance instance);

    /** Every instance on one option, tenant 0. */
    static PurchaseAssignment all(PurchaseOption option) {
        return new Uniform(new InstanceTerms(option, 0));
    }

    /**
     * Every instance as its owner launched it ({@link io.stratus.compute.LaunchSpec#purchase()}:
     * on-demand or spot, decided by the owner's {@link io.stratus.compute.InstancesDistribution}),
     * tenant 0. Pricing only reads the option; it never decides the split.
     */
    static PurchaseAssignment asLaunched() {
        return AS_LAUNCHED;
    }

    /** {@link #asLaunched()}. */
    PurchaseAssignment AS_LAUNCHED = instance -> instance.spec().purchase() == PurchaseOption.SPOT
            ? InstanceTerms.SPOT : InstanceTerms.ON_DEMAND;

    /** This assignment with every instance billed to {@code tenant}. */
    default PurchaseAssignment forTenant(int tenant) {
        return instance -> new InstanceTerms(termsOf(instance).option(), tenant);
    }

    /**
     * This assignment behind the tenancy rule (see the class comment): dedicated and host tenancy
     * decide the terms, this assignment only those of default-tenancy instances. Idempotent.
     */
    default PurchaseAssignment respectingTenancy() {
        return this instanceof TenancyFirst ? this : new TenancyFirst(this);
    }

    /** The terms tenancy imposes on {@code instance}, or null for default tenancy (the strategy decides). */
    static InstanceTerms termsByTenancy(Instance instance) {
        Tenancy tenancy = instance.spec().tenancy();
        switch (tenancy) {
            case DEDICATED:
                return new InstanceTerms(PurchaseOption.DEDICATED_INSTANCE, instance.tenant());
            case HOST:
                return new InstanceTerms(PurchaseOption.DEDICATED_HOST, instance.tenant());
            case DEFAULT:
                return null;
            default:
                throw new AssertionError(tenancy);
        }
    }

    /** A strategy's assignment behind the tenancy rule ({@link #respectingTenancy()}). */
    record TenancyFirst(PurchaseAssignment strategy) implements PurchaseAssignment {

        public TenancyFirst {
            Objects.requireNonNull(strategy, "strategy");
        }

        @Override
        public InstanceTerms termsOf(Instance instance) {
            InstanceTerms imposed = PurchaseAssignment.termsByTenancy(instance);
            return imposed != null ? imposed : strategy.termsOf(instance);
        }
    }

    /**
     * The same terms for every instance ({@link #all}): a record, so that pricing can tell that
     * usage metered as launched can be relabelled to these terms without re-running
     * ({@link PricingSession#canReportAs}).
     */
    record Uniform(InstanceTerms terms) implements PurchaseAssignment {

        public Uniform {
            Objects.requireNonNull(terms, "terms");
        }

        @Override
        public InstanceTerms termsOf(Instance instance) {
            return terms;
        }
    }
}
