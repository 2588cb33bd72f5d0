package io.stratus.placement;

/**
 * Best fit ({@code best-fit}): the admissible host with room that is fullest, meaning fewest free
 * threads, then least free memory, then the lowest host number. (CloudSim Plus 8.5.7's
 * {@code VmAllocationPolicyBestFit} orders suitable hosts by active first, then fewest free PEs,
 * and takes the first minimum in host-list order; it ignores memory in the score. With equal
 * threads free, this policy prefers the host with less memory left; otherwise they agree.)
 * Backed by its own {@link FreeCapacityOrder}, O(log H) expected per placement.
 */
public final class BestFit extends IndexedPlacement {

    private final FreeCapacityOrder order;

    public BestFit(PlacementContext context) {
        super(context);
        this.order = new FreeCapacityOrder(context.hosts(), FreeCapacityOrder.Direction.FULLEST_FIRST);
    }

    @Override
    public String name() {
        return "best-fit";
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
