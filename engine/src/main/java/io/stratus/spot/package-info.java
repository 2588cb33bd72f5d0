/**
 * The spot market, below scaling and pricing: per-pool price processes (fitted or replayed), the
 * fitted per-type discounts and interruption rates, and interruptions with rebalance
 * recommendations and a two-minute notice. Auto Scaling groups listen to it to rebalance their
 * capacity; pricing reads its prices and is told of reclaims.
 *
 * <p>Invariants: whether an instance is spot is read from its launch spec, never decided here;
 * prices are constant within a clock hour and never above on-demand; every pool and the
 * interruption draws use their own named random streams, so results depend only on the seed.
 */
package io.stratus.spot;
