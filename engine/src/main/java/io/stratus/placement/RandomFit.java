package io.stratus.placement;

import io.stratus.infra.HostView;
import io.stratus.sim.RandomStream;

/**
 * Random ({@code random}): draws a start host uniformly from all hosts with the policy's seeded
 * stream, then takes the first admissible host with room at or after it, wrapping around. Every
 * host with room can be chosen, but not with equal probability: a host right after a run of full
 * hosts is chosen more often (uniform over hosts with room would need a count per request size).
 * One draw and O(log H) per placement.
 */
public final class RandomFit extends IndexedPlacement {

    private final FreeCapacityTree tree;
    private final RandomStream random;
    private final HostView hosts;
    private int start;

    public RandomFit(PlacementContext context) {
        super(context);
        this.tree = context.tree();
        this.random = context.random();
        this.hosts = context.hosts();
    }

    @Override
    public String name() {
        return "random";
    }

    @Override
    protected int first(PlacementRequest r, int zone) {
        int n = hosts.hostCount();
        start = n == 0 ? 0 : random.nextInt(n);
        return WrappedScan.first(tree, zone, start, r);
    }

    @Override
    protected int next(PlacementRequest r, int zone, int previous, int resume) {
        return WrappedScan.next(tree, zone, start, previous, resume, r);
    }
}
