package io.stratus.placement;

/**
 * First fit ({@code first-fit}): the lowest-numbered admissible host with room, found through the
 * shared {@link FreeCapacityTree} in O(log H). It chooses exactly the host that
 * {@link FirstFitPlacement}'s linear scan chooses.
 */
public final class FirstFit extends IndexedPlacement {

    private final FreeCapacityTree tree;

    public FirstFit(PlacementContext context) {
        super(context);
        this.tree = context.tree();
    }

    @Override
    public String name() {
        return "first-fit";
    }

    @Override
    protected int first(PlacementRequest r, int zone) {
        return tree.lowestFitting(zone, 0, r.threads(), r.memoryMib());
    }

    @Override
    protected int next(PlacementRequest r, int zone, int previous, int resume) {
        return tree.lowestFitting(zone, resume, r.threads(), r.memoryMib());
    }
}
