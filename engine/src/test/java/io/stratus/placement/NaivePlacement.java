package io.stratus.placement;

import io.stratus.infra.HostTable;
import io.stratus.sim.RandomStream;
import java.util.function.IntPredicate;

/**
 * The choice of each registry policy, written from its definition as a linear scan over every
 * host with the same filters as the indexed search (zone, room, tenancy, placement groups,
 * cluster packing from the anchor): what the differential and property tests compare the
 * indexed policies with. O(H) per choice, no index, no skipping.
 */
public final class NaivePlacement {

    private NaivePlacement() {
    }

    /**
     * The host a {@link Placer} with {@code policy} should give {@code r} now: a tenancy-host
     * request (a Dedicated Host launch naming no host) goes to the lowest-numbered of its tenant's
     * hosts that admits it, without asking the policy (so next fit's cursor and the random stream
     * do not move); any other request gets the policy's choice, {@link #choose}.
     */
    public static int placerChoice(String policy, HostTable t, TenancyView tenancy, PlacementGroups groups,
            PlacementRequest r, int cursor, RandomStream random) {
        if (r.tenancy() != io.stratus.infra.Tenancy.HOST) {
            return choose(policy, t, tenancy, groups, r, cursor, random);
        }
        int zone = groups.zoneFor(r);
        if (zone == PlacementGroups.NO_ZONE) {
            return PlacementPolicy.NO_HOST;
        }
        for (int h = 0; h < t.hostCount(); h++) {
            if ((zone == PlacementRequest.ANY_ZONE || t.zoneOf(h) == zone) && t.fits(h, r.threads(), r.memoryMib())
                    && tenancy.admits(h, r.tenant(), r.tenancy()) && groups.admits(h, r)) {
                return h;
            }
        }
        return PlacementPolicy.NO_HOST;
    }

    /**
     * The host {@code policy} should choose for {@code r} now.
     *
     * @param cursor the host next fit chose last (0 before any)
     * @param random the random policy's stream, in step with the policy's (drawn exactly when the
     *               policy draws); may be null for the other policies
     */
    public static int choose(String policy, HostTable t, TenancyView tenancy, PlacementGroups groups,
            PlacementRequest r, int cursor, RandomStream random) {
        int zone = groups.zoneFor(r);
        if (zone == PlacementGroups.NO_ZONE) {
            return PlacementPolicy.NO_HOST;
        }
        IntPredicate ok = h -> (zone == PlacementRequest.ANY_ZONE || t.zoneOf(h) == zone)
                && t.fits(h, r.threads(), r.memoryMib())
                && tenancy.admits(h, r.tenant(), r.tenancy()) && groups.admits(h, r);
        int anchor = groups.clusterAnchor(r);
        if (anchor != PlacementPolicy.NO_HOST) {
            return wrapped(t, anchor, ok);
        }
        switch (policy) {
            case "first-fit":
                return wrapped(t, 0, ok);
            case "next-fit":
                return wrapped(t, cursor, ok);
            case "random":
                return wrapped(t, t.hostCount() == 0 ? 0 : random.nextInt(t.hostCount()), ok);
            case "best-fit":
            case "worst-fit": {
                boolean fullest = policy.equals("best-fit");
                int best = PlacementPolicy.NO_HOST;
                for (int h = 0; h < t.hostCount(); h++) {
                    if (ok.test(h) && (best < 0 || (fullest ? t.freeThreads(h) < t.freeThreads(best)
                            : t.freeThreads(h) > t.freeThreads(best)))) {
                        best = h;
                    }
                }
                return best;
            }
            case "zone-balanced": {
                if (zone != PlacementRequest.ANY_ZONE) {
                    return wrapped(t, 0, ok);
                }
                // zones by free threads (failed hosts included), most first, lowest zone on ties
                boolean[] done = new boolean[t.zoneCount()];
                for (int k = 0; k < t.zoneCount(); k++) {
                    int pick = -1;
                    long pickFree = -1;
                    for (int z = 0; z < t.zoneCount(); z++) {
                        long free = freeThreads(t, z);
                        if (!done[z] && free > pickFree) {
                            pick = z;
                            pickFree = free;
                        }
                    }
                    done[pick] = true;
                    int z = pick;
                    int h = wrapped(t, 0, x -> t.zoneOf(x) == z && ok.test(x));
                    if (h != PlacementPolicy.NO_HOST) {
                        return h;
                    }
                }
                return PlacementPolicy.NO_HOST;
            }
            default:
                throw new IllegalArgumentException(policy);
        }
    }

    private static long freeThreads(HostTable t, int zone) {
        long sum = 0;
        for (int h = 0; h < t.hostCount(); h++) {
            if (t.zoneOf(h) == zone) {
                sum += t.freeThreads(h);
            }
        }
        return sum;
    }

    /** The first host passing {@code ok} from {@code start} in host order, wrapping to host 0. */
    private static int wrapped(HostTable t, int start, IntPredicate ok) {
        int n = t.hostCount();
        for (int i = 0; i < n; i++) {
            int h = (start + i) % n;
            if (ok.test(h)) {
                return h;
            }
        }
        return PlacementPolicy.NO_HOST;
    }
}
