package io.stratus.placement;

/**
 * Best fit ({@code best-fit}): the admissible host with room that is fullest, meaning fewest free
 * threads, then the lowest host number; memory decides only whether a host has room. This is the
 * rule of CloudSim Plus 8.5.7's {@code VmAllocationPolicyBestFit}, which orders suitable hosts by
 * active first (all hosts are active here), then fewest free PEs, and keeps the first minimum in
 * host-list order. Threads are the scalar for "fullest" because vCPUs are the scarce, unshared
 * resource of an EC2 host. Backed by its own {@link FreeThreadBuckets}.
 */
public final class BestFit extends IndexedPlacement {

    private final FreeThreadBuckets order;

    public BestFit(PlacementContext context) {
        super(context);
        this.order = new FreeThreadBuckets(context.hosts(), FreeThreadBuckets.Direction.FULLEST_FIRST);
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
    protected int next(PlacementRequest r, int zone, int previous, int resume) {
        return order.after(zone, previous, resume, r.threads(), r.memoryMib());
    }
}
