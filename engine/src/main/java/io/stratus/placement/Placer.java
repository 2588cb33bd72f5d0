package io.stratus.placement;

import io.stratus.infra.HostTable;
import io.stratus.infra.Tenancy;
import it.unimi.dsi.fastutil.ints.IntIterator;
import java.util.Objects;

/**
 * Applies placement decisions: asks the policy for a host (or takes the host a launch names, as a
 * Dedicated Host launch does), reserves the request's threads and memory there, and records the
 * instance in the host occupancy (tenancy) and the placement groups; and undoes all three on
 * release. A request no host admits is an outcome, counted in {@link #insufficientCapacity()},
 * never an exception.
 *
 * <p>Refusals are broken down by cause: a request of a placement group that was refused although
 * some host of its zone with room would have taken it outside the group is counted in
 * {@link #refusedByGroupRules()} too (the group's rules, not the region's capacity, refused it).
 * That check runs only on the refusal of a grouped request, through the shared host-ordered
 * index, so placements that succeed pay nothing for it.
 */
public final class Placer {

    private final PlacementContext context;
    private final HostTable hosts;
    private final PlacementPolicy policy;
    private final HostOccupancy occupancy;
    private final PlacementGroups groups;
    private long placed;
    private long insufficientCapacity;
    private long refusedByGroupRules;

    /**
     * @param context what the policy was built from: its host table, occupancy and groups are the
     *                ones this placer changes
     * @param policy  the policy that decides
     */
    public Placer(PlacementContext context, PlacementPolicy policy) {
        this.context = Objects.requireNonNull(context, "context");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.hosts = context.hosts();
        this.occupancy = context.occupancy();
        this.groups = context.groups();
    }

    /**
     * Places a request where the policy chooses; a request with tenancy host (a Dedicated Host
     * launch that names no host) goes to the first of its tenant's Dedicated Hosts with room
     * (auto-placement), never to the shared pool.
     *
     * @return the host it now holds resources on, or {@link PlacementPolicy#NO_HOST}
     * @throws IllegalArgumentException if the request names a group or partition that does not exist
     * @throws IllegalStateException    if the policy chose a host outside the request's zone, without
     *                                  room, or one the occupancy or the groups refuse (a policy bug;
     *                                  the host table, occupancy and groups each check)
     */
    public int place(PlacementRequest request) {
        groups.validate(request);
        if (request.tenancy() == Tenancy.HOST) {
            return placeOnOwnHosts(request);
        }
        int host = policy.choose(request, hosts);
        if (host == PlacementPolicy.NO_HOST) {
            refuse(request);
            return host;
        }
        if (!request.allowsZone(hosts.zoneOf(host))) {
            throw new IllegalStateException("placement policy " + policy.name() + " chose host " + host
                    + " outside zone " + request.zone());
        }
        apply(host, request);
        return host;
    }

    /**
     * Places a request on the host it names (a launch onto a Dedicated Host), if that host has room
     * and the occupancy and the groups admit it.
     *
     * @return {@code host}, or {@link PlacementPolicy#NO_HOST} if it cannot take the request
     * @throws IllegalArgumentException if there is no such host, group or partition
     */
    public int placeOn(int host, PlacementRequest request) {
        groups.validate(request);
        if (host < 0 || host >= hosts.hostCount()) {
            throw new IllegalArgumentException("no host " + host + " to launch on");
        }
        int zone = groups.zoneFor(request);
        boolean ok = zone != PlacementGroups.NO_ZONE
                && (zone == PlacementRequest.ANY_ZONE || zone == hosts.zoneOf(host))
                && hosts.fits(host, request.threads(), request.memoryMib())
                && occupancy.admits(host, request.tenant(), request.tenancy())
                && groups.admits(host, request);
        if (!ok) {
            refuse(request);
            return PlacementPolicy.NO_HOST;
        }
        apply(host, request);
        return host;
    }

    /**
     * Dedicated Host auto-placement: the first of the tenant's allocated hosts, in host order, in
     * the request's zone (any zone for {@link PlacementRequest#ANY_ZONE}) that has room and that
     * the occupancy and the groups admit. The placement policy is not asked: a Dedicated Host
     * launch never goes to the shared pool, and EC2 leaves the choice among the account's hosts
     * unspecified, so first fit stands for it.
     */
    private int placeOnOwnHosts(PlacementRequest request) {
        int zone = groups.zoneFor(request);
        if (zone != PlacementGroups.NO_ZONE) {
            IntIterator it = occupancy.hostsOf(request.tenant()).iterator();
            while (it.hasNext()) {
                int host = it.nextInt();
                if ((zone == PlacementRequest.ANY_ZONE || zone == hosts.zoneOf(host))
                        && hosts.fits(host, request.threads(), request.memoryMib())
                        && occupancy.admits(host, request.tenant(), request.tenancy())
                        && groups.admits(host, request)) {
                    apply(host, request);
                    return host;
                }
            }
        }
        refuse(request);
        return PlacementPolicy.NO_HOST;
    }

    /** Releases what {@link #place} or {@link #placeOn} took on {@code host} for {@code request}. */
    public void release(int host, PlacementRequest request) {
        hosts.release(host, request.threads(), request.memoryMib());
        occupancy.remove(host, request.tenant(), request.tenancy());
        groups.released(host, request);
    }

    /**
     * Moves a placed request from host {@code from} to host {@code to} of the same zone (a live
     * migration) if {@code to} has room and the occupancy and the groups admit it there once it has
     * left {@code from}; otherwise it stays on {@code from} and nothing changes. It keeps its
     * partition, and its group its zone and anchor ({@link PlacementGroups#move}). Neither a
     * placement nor a refusal is counted.
     *
     * @return whether it moved
     */
    public boolean move(int from, int to, PlacementRequest request) {
        if (to == from || to < 0 || to >= hosts.hostCount() || hosts.zoneOf(to) != hosts.zoneOf(from)) {
            return false;
        }
        hosts.release(from, request.threads(), request.memoryMib());
        occupancy.remove(from, request.tenant(), request.tenancy());
        boolean ok = hosts.fits(to, request.threads(), request.memoryMib())
                && occupancy.admits(to, request.tenant(), request.tenancy())
                && groups.move(from, to, request); // last: it moves the group slot when it admits
        int host = ok ? to : from;
        hosts.reserve(host, request.threads(), request.memoryMib());
        occupancy.add(host, request.tenant(), request.tenancy());
        return ok;
    }

    /** Requests placed. */
    public long placed() {
        return placed;
    }

    /** Requests refused for want of an admissible host with room (whatever the cause). */
    public long insufficientCapacity() {
        return insufficientCapacity;
    }

    /**
     * Of the refused requests, those of a placement group that a host with room in their zone
     * would have taken outside the group: refused by the group's rules (spread's seven per zone
     * and one per rack, partition's racks, cluster's zone and packing).
     */
    public long refusedByGroupRules() {
        return refusedByGroupRules;
    }

    private void apply(int host, PlacementRequest request) {
        hosts.reserve(host, request.threads(), request.memoryMib());
        occupancy.add(host, request.tenant(), request.tenancy());
        groups.placed(host, request);
        placed++;
    }

    private void refuse(PlacementRequest request) {
        insufficientCapacity++;
        if (request.group() != PlacementRequest.NO_GROUP && roomOutsideGroup(request)) {
            refusedByGroupRules++;
        }
    }

    /** Whether some host in the request's own zone has room and admits its tenancy. */
    private boolean roomOutsideGroup(PlacementRequest request) {
        FreeCapacityTree tree = context.tree();
        int zone = request.zone();
        for (int h = tree.lowestFitting(zone, 0, request.threads(), request.memoryMib()); h != PlacementPolicy.NO_HOST;
                h = tree.lowestFitting(zone, h + 1, request.threads(), request.memoryMib())) {
            if (occupancy.admits(h, request.tenant(), request.tenancy())) {
                return true;
            }
        }
        return false;
    }
}
