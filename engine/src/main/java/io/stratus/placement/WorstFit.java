package io.stratus.placement;

/**
 * Worst fit ({@code worst-fit}): spreads load by taking the admissible host with room that is
 * emptiest, meaning most free threads, then the lowest host number; memory decides only whether a
 * host has room (CloudSim Plus's {@code VmAllocationPolicySimple} also scores by free PEs alone).
 * Backed by its own {@link FreeThreadBuckets}.
 */
public final class WorstFit extends IndexedPlacement {

    private final FreeThreadBuckets order;

    public WorstFit(PlacementContext context) {
        super(context);
        this.order = new FreeThreadBuckets(context.hosts(), FreeThreadBuckets.Direction.EMPTIEST_FIRST);
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
    protected int next(PlacementRequest r, int zone, int previous, int resume) {
        return order.after(zone, previous, resume, r.threads(), r.memoryMib());
    }
}
