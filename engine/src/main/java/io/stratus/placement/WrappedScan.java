package io.stratus.placement;

/**
 * Host order from a start host with wrap-around: hosts numbered {@code >= start} in increasing
 * order, then hosts from 0 up to {@code start - 1}. Shared by next fit, random and cluster
 * groups; each step is one {@link FreeCapacityTree} query.
 */
final class WrappedScan {

    private WrappedScan() {
    }

    static int first(FreeCapacityTree tree, int zone, int start, PlacementRequest r) {
        int h = tree.lowestFitting(zone, start, r.threads(), r.memoryMib());
        if (h != PlacementPolicy.NO_HOST) {
            return h;
        }
        return below(tree, zone, 0, start, r);
    }

    static int next(FreeCapacityTree tree, int zone, int start, int previous, PlacementRequest r) {
        if (previous >= start) {
            int h = tree.lowestFitting(zone, previous + 1, r.threads(), r.memoryMib());
            return h != PlacementPolicy.NO_HOST ? h : below(tree, zone, 0, start, r);
        }
        return below(tree, zone, previous + 1, start, r);
    }

    private static int below(FreeCapacityTree tree, int zone, int from, int end, PlacementRequest r) {
        int h = tree.lowestFitting(zone, from, r.threads(), r.memoryMib());
        return h < end ? h : PlacementPolicy.NO_HOST;
    }
}
