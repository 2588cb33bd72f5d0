/**
 * The spot market: per-pool price processes (fitted or replayed), the fitted per-type discounts
 * and interruption rates, and interruptions with a two-minute notice.
 *
 * <p>Invariants: prices are constant within a clock hour and never above on-demand; every pool
 * and the interruption draws use their own named random streams, so results depend only on the
 * seed.
 */
package io.stratus.pricing.spot;
