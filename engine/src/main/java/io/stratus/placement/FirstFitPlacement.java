package io.stratus.placement;

import io.stratus.infra.HostView;

/**
 * First fit: the lowest-numbered host in an allowed zone with room for the instance.
 *
 * <p>This is a linear scan, O(H) per placement: the walking-skeleton policy. It packs instances
 * onto the first hosts, leaving later hosts empty.
 */
public final class FirstFitPlacement implements PlacementPolicy {

    @Override
    public String name() {
        return "first-fit";
    }

    @Override
    public int choose(PlacementRequest request, HostView hosts) {
        int n = hosts.hostCount();
        for (int h = 0; h < n; h++) {
            if (request.allowsZone(hosts.zoneOf(h)) && hosts.fits(h, request.threads(), request.memoryMib())) {
                return h;
            }
        }
        return NO_HOST;
    }
}
