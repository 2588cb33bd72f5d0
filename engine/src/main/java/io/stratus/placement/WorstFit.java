package io.stratus.placement;

/**
 * Worst fit ({@code worst-fit}): spreads load by taking the admissible host with room that is
 * emptiest, meaning most free threads, then most free memory, then the lowest host number (the
 * rule CloudSim Plus calls {@code VmAllocationPolicySimple} scores by free PEs alone). Backed by
 * its own {@link FreeCapacityOrder}, O(log H) expected per placement.
 */
public final class WorstFit extends IndexedPlacement {

    private final FreeCapacityOrder order;

    public WorstFit(PlacementContext context) {
        super(context);
        this.order = new FreeCapacityOrder(context.hosts(), FreeCapacityOrder.Direction.EMPTIEST_FIRST);
    }

    @Override
    public String name() {
        return "worst-fit";
    }

    @Override
    protected int first(PlacementRequest r, int zone) {
        return order.first(zone, r.threads(), r.memoryMib());
    }

    @Override
    protected int next(PlacementRequest r, int zone, int previous) {
        return order.after(zone, previous, r.threads(), r.memoryMib());
    }
}
