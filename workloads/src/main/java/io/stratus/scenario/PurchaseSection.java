package io.stratus.scenario;

import io.stratus.compute.InstancesDistribution;

/**
 * Reads a purchase mix, {@code { on-demand-base: N, spot-share: P% }}: a service's
 * {@code purchase:} and a {@code compare:} strategy's {@code mixed:}. Both become an
 * {@link InstancesDistribution} (OnDemandBaseCapacity N, OnDemandPercentageAboveBaseCapacity
 * 100 - P), which the owner of the instances applies to its own live instances.
 */
final class PurchaseSection {

    private PurchaseSection() {
    }

    /**
     * The mix of {@code node}; {@code defaultSpotShare} when {@code spot-share} is absent.
     * Problems (unknown keys, a base out of range, a share that is not a whole percent from 0% to
     * 100%) are reported on {@code node}; the result is then on-demand only.
     */
    static InstancesDistribution read(ConfigNode node, double defaultSpotShare) {
        node.allowOnly("on-demand-base", "spot-share");
        long base = node.integer("on-demand-base", 0, 0, ScenarioLimits.MAX_INSTANCES, false);
        Double share = node.unit("spot-share", defaultSpotShare, false, Units::percent, 0.0, 1.0,
                "allowed from 0% to 100%");
        if (share == null) {
            return InstancesDistribution.ON_DEMAND;
        }
        long percent = Math.round(share * 100);
        if (Math.abs(share * 100 - percent) > 1e-9) {
            node.problem("spot-share", "a whole percent is needed (EC2 takes OnDemandPercentageAboveBaseCapacity in "
                    + "whole percent), such as 70%; got " + share * 100 + "%");
            return InstancesDistribution.ON_DEMAND;
        }
        return InstancesDistribution.spot((int) base, (int) percent);
    }
}
