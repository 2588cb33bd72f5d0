package io.stratus.placement;

import io.stratus.infra.HostTable;
import java.util.Objects;

/**
 * Applies placement decisions: asks the policy for a host, reserves the request's threads and
 * memory there, and records the instance with the tenancy tracker and the placement groups; and
 * undoes all three on release. A request no host admits is an outcome, counted in
 * {@link #insufficientCapacity()}, never an exception.
 */
public final class Placer {

    private final HostTable hosts;
    private final PlacementPolicy policy;
    private final HostTenancyTracker tenancy;
    private final PlacementGroups groups;
    private long placed;
    private long insufficientCapacity;

    /**
     * @param hosts   the host table to reserve on
     * @param policy  the policy that decides
     * @param tenancy the tenancy tracker its context uses
     * @param groups  the placement groups its context uses
     */
    public Placer(HostTable hosts, PlacementPolicy policy, HostTenancyTracker tenancy, PlacementGroups groups) {
        this.hosts = Objects.requireNonNull(hosts, "hosts");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.tenancy = Objects.requireNonNull(tenancy, "tenancy");
        this.groups = Objects.requireNonNull(groups, "groups");
    }

    /**
     * Places a request.
     *
     * @return the host it now holds resources on, or {@link PlacementPolicy#NO_HOST}
     * @throws IllegalStateException if the policy chose a host that breaks the request's zone
     */
    public int place(PlacementRequest request) {
        int host = policy.choose(request, hosts);
        if (host == PlacementPolicy.NO_HOST) {
            insufficientCapacity++;
            return host;
        }
        if (!request.allowsZone(hosts.zoneOf(host))) {
            throw new IllegalStateException("placement policy " + policy.name() + " chose host " + host
                    + " outside zone " + request.zone());
        }
        hosts.reserve(host, request.threads(), request.memoryMib());
        tenancy.placed(host, request.tenant(), request.tenancy());
        groups.placed(host, request);
        placed++;
        return host;
    }

    /** Releases what {@link #place} took on {@code host} for {@code request}. */
    public void release(int host, PlacementRequest request) {
        hosts.release(host, request.threads(), request.memoryMib());
        tenancy.released(host, request.tenant(), request.tenancy());
        groups.released(host, request);
    }

    /** Requests placed. */
    public long placed() {
        return placed;
    }

    /** Requests refused for want of an admissible host with room. */
    public long insufficientCapacity() {
        return insufficientCapacity;
    }
}
