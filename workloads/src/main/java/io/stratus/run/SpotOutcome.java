package io.stratus.run;

import java.util.List;

/**
 * What the spot market did to one service in a run.
 *
 * @param spotLaunches          instances launched as spot
 * @param recommendations       rebalance recommendations its spot instances received
 * @param notices               two-minute interruption notices its spot instances received
 * @param reclaimed             spot instances EC2 reclaimed (terminated) after their notice
 * @param rebalanceReplacements spot instances its group replaced ahead of the reclaim (capacity
 *                              rebalancing: a replacement launched at the recommendation or notice);
 *                              0 without capacity rebalancing
 * @param spotUsd               what its spot instances cost, each hour at their pool's simulated spot
 *                              price (part of the service's cost)
 * @param pools                 the same per capacity pool, in pool name order
 */
public record SpotOutcome(long spotLaunches, long recommendations, long notices, long reclaimed,
                          long rebalanceReplacements, double spotUsd, List<SpotPoolOutcome> pools) {

    public SpotOutcome {
        pools = List.copyOf(pools);
    }
}
