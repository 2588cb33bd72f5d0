package io.stratus.placement;

/**
 * Next fit ({@code next-fit}): the first admissible host with room at or after the host chosen
 * last, wrapping around to host 0 (the cursor starts at host 0 and moves only when a host is
 * chosen). This is what CloudSim Plus 8.5.7 calls {@code VmAllocationPolicyFirstFit}: its search
 * starts at the index of the last host it returned and wraps; offered here under its precise
 * name for like-for-like comparisons. O(log H) per placement through the shared
 * {@link FreeCapacityTree}.
 */
public final class NextFit extends IndexedPlacement {

    private final FreeCapacityTree tree;
    private int cursor;

    public NextFit(PlacementContext context) {
        super(context);
        this.tree = context.tree();
    }

    @Override
    public String name() {
        return "next-fit";
    }

    @Override
    protected int first(PlacementRequest r, int zone) {
        return WrappedScan.first(tree, zone, cursor, r);
    }

    @Override
    protected int next(PlacementRequest r, int zone, int previous, int resume) {
        return WrappedScan.next(tree, zone, cursor, previous, resume, r);
    }

    @Override
    protected void chosen(int host) {
        cursor = host;
    }
}
