package io.stratus.placement;

import io.stratus.infra.HostView;

/**
 * First fit by linear scan: the lowest-numbered host in an allowed zone with room for the
 * instance, O(H) per placement, no index and no filters (default tenancy, no placement groups).
 *
 * <p>The walking-skeleton policy; the fleet no longer uses it (it places through a
 * {@link Placer} with a registry policy, which filters by tenancy and placement groups). The
 * registry's {@code first-fit} ({@link FirstFit}) chooses the same host through an index in
 * O(log H); this class stays as the baseline the placement benchmark compares it with.
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
