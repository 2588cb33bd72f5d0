package io.stratus.placement;

import io.stratus.infra.HostView;
import java.util.Objects;

/**
 * The placement search every indexed policy shares: filters, then a score (after OpenDC's
 * HostFilter and HostWeigher).
 *
 * <p>A policy's score is realised as an order: the policy's index offers hosts that have room, in
 * the zone the request allows, best score first ({@link #first}, then {@link #next}); the search
 * returns the first host that the tenancy view and the placement groups admit. So the chosen host
 * is the best-scoring feasible host, and a placement costs one index query plus one more per host
 * a filter rejects (filters that reject many well-scored hosts make it slower, never wrong).
 *
 * <p>Cluster placement groups override the order: hosts in host order from the group's anchor,
 * wrapping within its zone (see {@link PlacementGroups}).
 */
public abstract class IndexedPlacement implements PlacementPolicy {

    private final TenancyView tenancy;
    private final PlacementGroups groups;
    private final PlacementContext context;

    protected IndexedPlacement(PlacementContext context) {
        this.context = Objects.requireNonNull(context, "context");
        this.tenancy = context.tenancy();
        this.groups = context.groups();
    }

    /** The best-scoring host with room in {@code zone} (or any zone), or {@link #NO_HOST}. */
    protected abstract int first(PlacementRequest request, int zone);

    /** The next host with room after {@code previous} in score order, or {@link #NO_HOST}. */
    protected abstract int next(PlacementRequest request, int zone, int previous);

    /** Told which host the search chose (for policies with a cursor). */
    protected void chosen(int host) {
    }

    @Override
    public final int choose(PlacementRequest request, HostView hosts) {
        int zone = groups.zoneFor(request);
        if (zone == PlacementGroups.NO_ZONE) {
            return NO_HOST;
        }
        int anchor = groups.clusterAnchor(request);
        if (anchor != NO_HOST) {
            return nearAnchor(request, zone, anchor);
        }
        for (int h = first(request, zone); h != NO_HOST; h = next(request, zone, h)) {
            if (admitted(h, request)) {
                chosen(h);
                return h;
            }
        }
        return NO_HOST;
    }

    private int nearAnchor(PlacementRequest request, int zone, int anchor) {
        FreeCapacityTree tree = context.tree();
        for (int h = WrappedScan.first(tree, zone, anchor, request); h != NO_HOST;
                h = WrappedScan.next(tree, zone, anchor, h, request)) {
            if (admitted(h, request)) {
                return h;
            }
        }
        return NO_HOST;
    }

    private boolean admitted(int h, PlacementRequest request) {
        return tenancy.admits(h, request.tenant(), request.tenancy()) && groups.admits(h, request);
    }
}
