package io.stratus.compute;

import java.util.Objects;

/**
 * The purchase record of one owner that is not an Auto Scaling group (a fixed fleet, a batch
 * compute environment, a consolidation's VMs): it picks the option of each launch by the owner's
 * {@link InstancesDistribution} from the owner's live instances, never from global instance ids,
 * so the on-demand base is kept however the owner's instances come and go.
 *
 * <p>The owner calls {@link #launchSpec} for each launch and {@link #left} when an instance it
 * launched stops being live (it shuts down, stops, or its launch failed). Not thread-safe; one per owner.
 */
public final class PurchaseMix {

    private final InstancesDistribution distribution;
    private int live;
    private int liveOnDemand;

    public PurchaseMix(InstancesDistribution distribution) {
        this.distribution = Objects.requireNonNull(distribution, "distribution");
    }

    /** The distribution it follows. */
    public InstancesDistribution distribution() {
        return distribution;
    }

    /** {@code spec} with the option of the next launch; counted as live from now. */
    public LaunchSpec launchSpec(LaunchSpec spec) {
        PurchaseOption option = distribution.toLaunch(live, liveOnDemand);
        live++;
        if (option == PurchaseOption.ON_DEMAND) {
            liveOnDemand++;
        }
        return spec.withPurchase(option);
    }

    /** An instance launched with {@code option} is no longer live. */
    public void left(PurchaseOption option) {
        if (live == 0 || option == PurchaseOption.ON_DEMAND && liveOnDemand == 0) {
            throw new IllegalStateException("no live " + option.label() + " instance to remove");
        }
        live--;
        if (option == PurchaseOption.ON_DEMAND) {
            liveOnDemand--;
        }
    }

    /** Live instances counted. */
    public int live() {
        return live;
    }

    /** Live on-demand instances counted. */
    public int liveOnDemand() {
        return liveOnDemand;
    }
}
