/**
 * EC2 Auto Scaling: groups that keep a desired number of instances within [min, max], launched
 * from a template with a purchase mix and balanced over zones, replaced when unhealthy or
 * interrupted, and scaled by policies (target tracking, step, simple, scheduled, predictive).
 *
 * <p>Invariants: the desired capacity is always within [min, max]; live instances (pending or
 * in service) equal the desired capacity whenever launches find room, except briefly during
 * capacity rebalancing; policies decide and the group applies; warming instances are never in
 * the group's metrics.
 */
package io.stratus.scaling;
