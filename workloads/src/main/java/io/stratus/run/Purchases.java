package io.stratus.run;

import io.stratus.compute.Fleet;
import io.stratus.compute.InstancesDistribution;
import io.stratus.pricing.PriceBook;
import io.stratus.pricing.PricingSession;
import io.stratus.pricing.PurchaseStrategy;
import io.stratus.scenario.Scenario;
import io.stratus.sim.Simulation;
import io.stratus.spot.SpotInterruptionListener;
import io.stratus.spot.SpotMarket;

/**
 * How a run's owners buy their instances: the on-demand / spot split each owner applies to its own
 * live instances (a {@code compare} strategy's split for every owner when one is given, else a
 * service's own {@code purchase:}, else on-demand), and the spot market, made only when some owner
 * can launch spot (so a run without spot schedules no spot event and claims no spot stream).
 *
 * @param strategySplit the compare strategy's split, which overrides every owner's own; null without a strategy
 * @param market        the run's spot market (bundled Spot Advisor hazards, reclaim terminates), or null
 */
record Purchases(InstancesDistribution strategySplit, SpotMarket market) {

    /**
     * The purchases of {@code scenario} under {@code strategy} (null: each owner's own split); a spot
     * market, when made, is attached to the fleet and, with a pricing session, heard by its bill.
     */
    static Purchases attach(Scenario scenario, PurchaseStrategy strategy, Simulation sim, Fleet fleet,
                            PricingSession pricing) {
        InstancesDistribution override = strategy == null ? null : strategy.distribution();
        // a strategy's split reaches every service and group; a spot Batch compute environment buys spot whatever it is
        boolean buysSpot = (override != null ? override.usesSpot()
                : scenario.services().stream().anyMatch(c -> c.purchase().usesSpot()))
                || scenario.batches().stream().anyMatch(io.stratus.scenario.BatchConfig::usesSpot);
        SpotMarket market = buysSpot ? SpotMarket.attach(sim, fleet, PriceBook.bundled().spot()) : null;
        if (pricing != null && market != null) {
            pricing.listenTo(market);
        }
        return new Purchases(override, market);
    }

    /** The split an owner applies: the strategy's if there is one, else the owner's {@code own}. */
    InstancesDistribution split(InstancesDistribution own) {
        return strategySplit != null ? strategySplit : own;
    }

    /** The split of an owner with no purchase mix of its own that replaces a reclaimed instance (queue workers). */
    InstancesDistribution split() {
        return split(InstancesDistribution.ON_DEMAND);
    }

    /**
     * The split of an owner that cannot survive a spot reclaim: on-demand under every strategy.
     * Batch jobs (a reclaimed job would need requeueing and its end event cancelled) and
     * consolidation VMs (a reclaimed VM would need relaunching with its trace position) do not model
     * an interruption, so a {@code compare} strategy's spot share does not reach them; their cost is
     * on-demand in every strategy's report. GPU nodes are launched on-demand likewise.
     */
    InstancesDistribution uninterruptible() {
        return InstancesDistribution.ON_DEMAND;
    }

    /** Lets {@code listener} hear the spot market's signals, when the run has one. */
    void listen(SpotInterruptionListener listener) {
        if (market != null) {
            market.addListener(listener);
        }
    }
}
