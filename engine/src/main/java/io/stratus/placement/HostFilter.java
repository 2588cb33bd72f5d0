package io.stratus.placement;

/**
 * A feasibility test on one host for one request (after OpenDC's {@code HostFilter}): the
 * placement search offers hosts in its policy's order and takes the first every filter admits.
 * Capacity and zone are not filters: the indexes only ever offer hosts that pass them.
 *
 * <p>A filter whose refusals come in runs of consecutive host numbers (a whole rack, a whole
 * zone) says so through {@link #nextCandidate}, and the search skips the run in one index query
 * instead of one query per refused host.
 */
@FunctionalInterface
public interface HostFilter {

    /** Whether {@code host} may take {@code request}. */
    boolean admits(int host, PlacementRequest request);

    /**
     * {@code host} if this filter admits it; otherwise a larger host number {@code n} such that
     * the filter refuses {@code request} on every host numbered from {@code host} to {@code n - 1},
     * whatever their zone ({@code n} itself may be refused too, or may not exist). The default
     * knows no runs: {@code host + 1}.
     */
    default int nextCandidate(int host, PlacementRequest request) {
        return admits(host, request) ? host : host + 1;
    }
}
