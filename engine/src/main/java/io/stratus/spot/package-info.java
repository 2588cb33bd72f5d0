/**
 * The spot market, below scaling and pricing: per-pool price processes (fitted or replayed), the
 * fitted per-type discounts and interruption rates, the capacity pools (type x zone) whose
 * capacity drops reclaim several instances at once, with rebalance recommendations and a
 * two-minute notice, and the allocation strategies that choose a spot launch's pool. Auto Scaling
 * groups read the pools to choose and listen to the market to rebalance their capacity; pricing
 * reads its prices and is told of reclaims.
 *
 * <p>Invariants: whether an instance is spot is read from its launch spec, never decided here;
 * prices are constant within a clock hour and never above on-demand; every pool and the
 * interruption draws use their own named random streams, so results depend only on the seed.
 */
package io.stratus.spot;
