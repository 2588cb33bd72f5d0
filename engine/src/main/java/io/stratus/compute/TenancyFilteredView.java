package io.stratus.compute;

import io.stratus.infra.HostSpec;
import io.stratus.infra.HostView;
import io.stratus.infra.Tenancy;
import io.stratus.infra.Zone;

/**
 * A host view in which the hosts that {@link HostOccupancy} forbids to the current request
 * (another tenant's dedicated instance, a dedicated host, a failed host) have no room. It lets
 * any {@link io.stratus.placement.PlacementPolicy} that asks {@link #fits} respect tenancy
 * without knowing about it. Reused from one placement to the next: set the request first.
 *
 * <p>Assumption: the policy decides through {@link #fits}. A policy that searches its own index
 * of free capacity must have its choice checked; {@link Fleet} does, and refuses it.
 */
final class TenancyFilteredView implements HostView {

    private final HostView hosts;
    private final HostOccupancy occupancy;
    private int tenant;
    private Tenancy tenancy = Tenancy.DEFAULT;

    TenancyFilteredView(HostView hosts, HostOccupancy occupancy) {
        this.hosts = hosts;
        this.occupancy = occupancy;
    }

    void setRequest(int newTenant, Tenancy newTenancy) {
        this.tenant = newTenant;
        this.tenancy = newTenancy;
    }

    @Override
    public int hostCount() {
        return hosts.hostCount();
    }

    @Override
    public int rackOf(int host) {
        return hosts.rackOf(host);
    }

    @Override
    public int rackCount() {
        return hosts.rackCount();
    }

    @Override
    public int zoneCount() {
        return hosts.zoneCount();
    }

    @Override
    public Zone zone(int index) {
        return hosts.zone(index);
    }

    @Override
    public int zoneOf(int host) {
        return hosts.zoneOf(host);
    }

    @Override
    public HostSpec spec(int host) {
        return hosts.spec(host);
    }

    @Override
    public int freeThreads(int host) {
        return hosts.freeThreads(host);
    }

    @Override
    public long freeMemoryMib(int host) {
        return hosts.freeMemoryMib(host);
    }

    @Override
    public int instanceCount(int host) {
        return hosts.instanceCount(host);
    }

    @Override
    public boolean fits(int host, int threads, long memoryMib) {
        return occupancy.allows(host, tenant, tenancy) && hosts.fits(host, threads, memoryMib);
    }
}
