package io.stratus.placement;

/**
 * A feasibility test on one host for one request (after OpenDC's {@code HostFilter}): the
 * placement search offers hosts in its policy's order and takes the first every filter admits.
 * Capacity and zone are not filters: the indexes only ever offer hosts that pass them.
 */
@FunctionalInterface
public interface HostFilter {

    /** Whether {@code host} may take {@code request}. */
    boolean admits(int host, PlacementRequest request);
}
