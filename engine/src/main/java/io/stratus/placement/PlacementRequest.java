package io.stratus.placement;

import io.stratus.infra.Tenancy;
import java.util.Objects;

/**
 * What an instance needs from a host.
 *
 * @param threads   hardware threads (the instance's vCPUs)
 * @param memoryMib memory in MiB
 * @param zone      the zone index the instance must run in, or {@link #ANY_ZONE}
 * @param tenant    the account launching it (0 for a single-account scenario)
 * @param tenancy   how it may share hardware with other accounts
 * @param group     the placement group (a number from {@link PlacementGroups#create}), or
 *                  {@link #NO_GROUP}
 * @param partition for a partition group, the partition asked for (0-based, below the group's
 *                  partition count), or {@link #ANY_PARTITION} to let the group choose
 */
public record PlacementRequest(int threads, long memoryMib, int zone, int tenant, Tenancy tenancy, int group,
                               int partition) {

    /** No zone constraint. */
    public static final int ANY_ZONE = -1;

    /** Not in a placement group. */
    public static final int NO_GROUP = -1;

    /** No partition asked for: a partition group chooses one. */
    public static final int ANY_PARTITION = -1;

    public PlacementRequest {
        if (threads <= 0 || memoryMib <= 0) {
            throw new IllegalArgumentException("an instance needs positive threads and memory");
        }
        if (zone < ANY_ZONE) {
            throw new IllegalArgumentException("bad zone index " + zone);
        }
        if (tenant < 0) {
            throw new IllegalArgumentException("tenant must not be negative, got " + tenant);
        }
        Objects.requireNonNull(tenancy, "tenancy");
        if (group < NO_GROUP) {
            throw new IllegalArgumentException("bad placement group " + group);
        }
        if (partition < ANY_PARTITION || partition >= 0 && group == NO_GROUP) {
            throw new IllegalArgumentException("a partition (" + partition + ") is asked for only in a placement group");
        }
    }

    /** A request in a placement group (or {@link #NO_GROUP}), any partition. */
    public PlacementRequest(int threads, long memoryMib, int zone, int tenant, Tenancy tenancy, int group) {
        this(threads, memoryMib, zone, tenant, tenancy, group, ANY_PARTITION);
    }

    /** A request outside any placement group. */
    public PlacementRequest(int threads, long memoryMib, int zone, int tenant, Tenancy tenancy) {
        this(threads, memoryMib, zone, tenant, tenancy, NO_GROUP, ANY_PARTITION);
    }

    /** A default-tenancy request of tenant 0. */
    public PlacementRequest(int threads, long memoryMib, int zone) {
        this(threads, memoryMib, zone, 0, Tenancy.DEFAULT, NO_GROUP, ANY_PARTITION);
    }

    /** Whether a host in zone {@code hostZone} satisfies the zone constraint. */
    public boolean allowsZone(int hostZone) {
        return zone == ANY_ZONE || zone == hostZone;
    }
}
