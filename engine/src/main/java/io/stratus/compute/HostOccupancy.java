package io.stratus.compute;

import io.stratus.infra.Tenancy;
import it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap;
import java.util.Arrays;

/**
 * Who occupies each host, for tenancy: the tenants with instances there, whether any of them is a
 * dedicated instance, which hosts are dedicated hosts allocated to an account, and which hosts
 * have failed. Kept apart from {@link io.stratus.infra.HostTable} (capacity) so that placement
 * indexes over free capacity need not know about tenants.
 *
 * <p>Rules ({@link #allows}):
 * <ul>
 *   <li>a failed host takes nothing;</li>
 *   <li>a dedicated host takes only instances launched onto it by the account it is allocated
 *       to, with tenancy host;</li>
 *   <li>a dedicated instance goes only on a shared host where every instance is its tenant's;</li>
 *   <li>a default instance goes on any shared host except one holding another tenant's
 *       dedicated instance.</li>
 * </ul>
 * Invariant: a host holding a dedicated instance holds instances of one tenant only.
 */
public final class HostOccupancy {

    /** No tenant. */
    public static final int NONE = -1;

    private Int2IntOpenHashMap[] tenants = new Int2IntOpenHashMap[16];
    private int[] instances = new int[16];
    private int[] dedicated = new int[16];
    private int[] hostOwner = new int[16];
    private boolean[] failed = new boolean[16];

    public HostOccupancy() {
        Arrays.fill(hostOwner, NONE);
    }

    /** Whether an instance of {@code tenant} with {@code tenancy} may be placed on {@code host} now. */
    public boolean allows(int host, int tenant, Tenancy tenancy) {
        if (host < instances.length && failed[host]) {
            return false;
        }
        int owner = owner(host);
        switch (tenancy) {
            case HOST:
                return owner == tenant;
            case DEDICATED:
                return owner == NONE && instances(host) == instancesOf(host, tenant);
            case DEFAULT:
                return owner == NONE && (dedicatedCount(host) == 0 || instancesOf(host, tenant) == instances(host));
            default:
                throw new AssertionError(tenancy);
        }
    }

    /** Records an instance placed on a host. */
    public void add(int host, int tenant, Tenancy tenancy) {
        if (!allows(host, tenant, tenancy)) {
            throw new IllegalStateException("host " + host + " does not admit a " + tenancy.apiName()
                    + "-tenancy instance of tenant " + tenant);
        }
        ensure(host);
        if (tenants[host] == null) {
            tenants[host] = new Int2IntOpenHashMap();
        }
        tenants[host].addTo(tenant, 1);
        instances[host]++;
        if (tenancy == Tenancy.DEDICATED) {
            dedicated[host]++;
        }
    }

    /** Records an instance leaving a host. */
    public void remove(int host, int tenant, Tenancy tenancy) {
        if (instancesOf(host, tenant) == 0) {
            throw new IllegalStateException("tenant " + tenant + " has no instance on host " + host);
        }
        if (tenants[host].addTo(tenant, -1) == 1) {
            tenants[host].remove(tenant);
        }
        instances[host]--;
        if (tenancy == Tenancy.DEDICATED) {
            dedicated[host]--;
        }
    }

    /**
     * Allocates {@code host} as a dedicated host of {@code tenant}.
     *
     * @throws IllegalStateException if it is allocated, failed, or runs any instance
     */
    public void allocateHost(int host, int tenant) {
        ensure(host);
        if (hostOwner[host] != NONE || instances[host] > 0 || failed[host]) {
            throw new IllegalStateException("host " + host + " cannot become a dedicated host: "
                    + (failed[host] ? "it failed" : hostOwner[host] != NONE
                    ? "it is allocated to tenant " + hostOwner[host] : "it runs " + instances[host] + " instances"));
        }
        hostOwner[host] = tenant;
    }

    /** Releases a dedicated host; it must be empty. */
    public void releaseHost(int host) {
        if (owner(host) == NONE || instances(host) > 0) {
            throw new IllegalStateException("host " + host + " is not an empty dedicated host");
        }
        hostOwner[host] = NONE;
    }

    /** Marks a host failed: it takes no new instance. */
    public void markFailed(int host) {
        ensure(host);
        failed[host] = true;
    }

    /** Whether the host failed. */
    public boolean isFailed(int host) {
        return host < failed.length && failed[host];
    }

    /** The account a dedicated host is allocated to, or {@link #NONE}. */
    public int owner(int host) {
        return host < hostOwner.length ? hostOwner[host] : NONE;
    }

    /** Instances on the host. */
    public int instances(int host) {
        return host < instances.length ? instances[host] : 0;
    }

    /** Instances of {@code tenant} on the host. */
    public int instancesOf(int host, int tenant) {
        return host < tenants.length && tenants[host] != null ? tenants[host].get(tenant) : 0;
    }

    /** Tenants with an instance on the host. */
    public int tenantCount(int host) {
        return host < tenants.length && tenants[host] != null ? tenants[host].size() : 0;
    }

    /** Dedicated instances on the host. */
    public int dedicatedCount(int host) {
        return host < dedicated.length ? dedicated[host] : 0;
    }

    private void ensure(int host) {
        if (host < 0) {
            throw new IllegalArgumentException("no host " + host);
        }
        if (host < instances.length) {
            return;
        }
        int capacity = Math.max(host + 1, instances.length * 2);
        int old = hostOwner.length;
        tenants = Arrays.copyOf(tenants, capacity);
        instances = Arrays.copyOf(instances, capacity);
        dedicated = Arrays.copyOf(dedicated, capacity);
        failed = Arrays.copyOf(failed, capacity);
        hostOwner = Arrays.copyOf(hostOwner, capacity);
        Arrays.fill(hostOwner, old, capacity, NONE);
    }
}
