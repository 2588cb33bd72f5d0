package io.stratus.placement;

/**
 * Host order from a start host with wrap-around: hosts numbered {@code >= start} in increasing
 * order, then hosts from 0 up to {@code start - 1}. Shared by next fit, random and cluster
 * groups; each step is one {@link FreeCapacityTree} query, and may leave out a run of hosts the
 * filters refuse ({@code resume}).
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

    /**
     * The host after {@code previous} in this order, leaving out hosts numbered from
     * {@code previous} to {@code resume - 1} ({@code resume > previous}).
     */
    static int next(FreeCapacityTree tree, int zone, int start, int previous, int resume, PlacementRequest r) {
        if (previous >= start) {
            int h = tree.lowestFitting(zone, resume, r.threads(), r.memoryMib());
            return h != PlacementPolicy.NO_HOST ? h : below(tree, zone, 0, start, r);
        }
        return below(tree, zone, resume, start, r);
    }

    private static int below(FreeCapacityTree tree, int zone, int from, int end, PlacementRequest r) {
        int h = tree.lowestFitting(zone, from, r.threads(), r.memoryMib());
        return h < end ? h : PlacementPolicy.NO_HOST;
    }
}
