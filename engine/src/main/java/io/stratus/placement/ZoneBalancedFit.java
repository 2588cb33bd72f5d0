package io.stratus.placement;

/**
 * Zone balancing ({@code zone-balanced}): a request that names no zone goes to the zone with the
 * most free threads in total (ties: lowest zone), first fit within it; if nothing there admits it,
 * the zone with the next most free threads, and so on. A request that names a zone is placed
 * first fit in that zone. Zone totals come from the shared {@link FreeCapacityTree} in O(1);
 * ordering the zones costs O(Z^2) with Z zones (a handful), allocation-free.
 */
public final class ZoneBalancedFit extends IndexedPlacement {

    private final FreeCapacityTree tree;
    private final int[] zoneOrder;
    private int zoneAt;

    public ZoneBalancedFit(PlacementContext context) {
        super(context);
        this.tree = context.tree();
        this.zoneOrder = new int[context.hosts().zoneCount()];
    }

    @Override
    public String name() {
        return "zone-balanced";
    }

    @Override
    protected int first(PlacementRequest r, int zone) {
        if (zone != PlacementRequest.ANY_ZONE) {
            return tree.lowestFitting(zone, 0, r.threads(), r.memoryMib());
        }
        sortZones();
        zoneAt = 0;
        return fromZone(r, 0);
    }

    @Override
    protected int next(PlacementRequest r, int zone, int previous, int resume) {
        if (zone != PlacementRequest.ANY_ZONE) {
            return tree.lowestFitting(zone, resume, r.threads(), r.memoryMib());
        }
        int h = tree.lowestFitting(zoneOrder[zoneAt], resume, r.threads(), r.memoryMib());
        if (h != NO_HOST) {
            return h;
        }
        zoneAt++;
        return fromZone(r, 0);
    }

    private int fromZone(PlacementRequest r, int from) {
        for (; zoneAt < zoneOrder.length; zoneAt++) {
            int h = tree.lowestFitting(zoneOrder[zoneAt], from, r.threads(), r.memoryMib());
            if (h != NO_HOST) {
                return h;
            }
        }
        return NO_HOST;
    }

    /** Insertion sort of zones by free threads, descending, stable on zone number. */
    private void sortZones() {
        for (int i = 0; i < zoneOrder.length; i++) {
            int z = i;
            long free = tree.freeThreadsInZone(z);
            int j = i;
            while (j > 0 && tree.freeThreadsInZone(zoneOrder[j - 1]) < free) {
                zoneOrder[j] = zoneOrder[j - 1];
                j--;
            }
            zoneOrder[j] = z;
        }
    }
}
