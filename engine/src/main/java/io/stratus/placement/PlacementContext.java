package io.stratus.placement;

import io.stratus.infra.HostTable;
import io.stratus.sim.RandomStream;
import java.util.Objects;

/**
 * What a placement policy is built from: the host table its indexes follow, the host occupancy
 * (tenancy) and placement groups its filters consult, and its own random stream. The
 * {@link Placer} built over the same context records placements in the occupancy and the groups;
 * policies only read them.
 *
 * <p>The host-ordered index ({@link FreeCapacityTree}) is created on first use and shared by
 * every policy built from this context, so a policy and the cluster-group search pay for one
 * listener, not two.
 */
public final class PlacementContext {

    private final HostTable hosts;
    private final HostOccupancy occupancy;
    private final PlacementGroups groups;
    private final RandomStream random;
    private FreeCapacityTree tree;

    /**
     * @param hosts   the host table (its capacity listener keeps the indexes in step)
     * @param occupancy who occupies which host (tenancy, failed hosts)
     * @param groups  placement groups over the same hosts
     * @param random  the policy's random stream (only the random policy draws from it)
     */
    public PlacementContext(HostTable hosts, HostOccupancy occupancy, PlacementGroups groups, RandomStream random) {
        this.hosts = Objects.requireNonNull(hosts, "hosts");
        this.occupancy = Objects.requireNonNull(occupancy, "occupancy");
        this.groups = Objects.requireNonNull(groups, "groups");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** A context with an empty occupancy and no groups yet. */
    public static PlacementContext of(HostTable hosts, RandomStream random) {
        return new PlacementContext(hosts, new HostOccupancy(), new PlacementGroups(hosts), random);
    }

    /** The host table. */
    public HostTable hosts() {
        return hosts;
    }

    /** Who may use which host, read-only (what policies consult). */
    public TenancyView tenancy() {
        return occupancy;
    }

    /** Who occupies which host (what the {@link Placer} changes). */
    public HostOccupancy occupancy() {
        return occupancy;
    }

    /** The placement groups. */
    public PlacementGroups groups() {
        return groups;
    }

    /** The policy's random stream. */
    public RandomStream random() {
        return random;
    }

    /** The shared host-ordered free-capacity index, created on first use. */
    public FreeCapacityTree tree() {
        if (tree == null) {
            tree = new FreeCapacityTree(hosts);
        }
        return tree;
    }
}
