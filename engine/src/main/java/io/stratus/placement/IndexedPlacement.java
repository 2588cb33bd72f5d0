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
 * is the best-scoring feasible host, and a placement costs one index query plus one more per
 * refusal (filters that reject many well-scored hosts make it slower, never wrong).
 *
 * <p>A refusal carries how far it reaches ({@link HostFilter#nextCandidate}): the placement
 * groups refuse a whole rack or a whole zone's run of hosts at once, and {@link #next} is told to
 * leave out every host numbered below the end of that run. So a grouped placement costs one index
 * query per refused rack (per refused rack and free-thread count in the bucket indexes of best
 * and worst fit), not one per refused host; the tenancy view refuses host by host.
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

    /**
     * The next host with room after {@code previous} in score order, leaving out the hosts
     * numbered from {@code previous} to {@code resume - 1} (the filters refuse them all;
     * {@code resume > previous}), or {@link #NO_HOST}.
     */
    protected abstract int next(PlacementRequest request, int zone, int previous, int resume);

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
        int h = first(request, zone);
        while (h != NO_HOST) {
            int resume = nextCandidate(h, request);
            if (resume == h) {
                chosen(h);
                return h;
            }
            h = next(request, zone, h, resume);
        }
        return NO_HOST;
    }

    private int nearAnchor(PlacementRequest request, int zone, int anchor) {
        FreeCapacityTree tree = context.tree();
        int h = WrappedScan.first(tree, zone, anchor, request);
        while (h != NO_HOST) {
            int resume = nextCandidate(h, request);
            if (resume == h) {
                return h;
            }
            h = WrappedScan.next(tree, zone, anchor, h, resume, request);
        }
        return NO_HOST;
    }

    /** {@code h} if every filter admits it, else where to resume: all hosts in between are refused. */
    private int nextCandidate(int h, PlacementRequest request) {
        int resume = groups.nextCandidate(h, request);
        if (resume != h) {
            return resume;
        }
        return tenancy.admits(h, request.tenant(), request.tenancy()) ? h : h + 1;
    }
}
