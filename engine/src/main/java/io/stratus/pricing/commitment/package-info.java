/**
 * Commitments bought ahead of use: Reserved Instances and Savings Plans, their rates derived from
 * real reserved / on-demand ratios, and the size flexibility of regional reservations.
 *
 * <p>Invariants: a commitment is an immutable record; it is paid every hour of the run whatever
 * the usage; coverage is computed in exact integers (microseconds times quarter normalization
 * units).
 */
package io.stratus.pricing.commitment;
