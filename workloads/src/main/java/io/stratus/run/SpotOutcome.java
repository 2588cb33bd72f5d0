package io.stratus.run;

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
 */
public record SpotOutcome(long spotLaunches, long recommendations, long notices, long reclaimed,
                          long rebalanceReplacements) {
}
