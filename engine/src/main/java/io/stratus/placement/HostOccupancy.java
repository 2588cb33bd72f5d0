package io.stratus.placement;

import io.stratus.infra.Tenancy;
import it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap;
import it.unimi.dsi.fastutil.ints.Int2ObjectOpenHashMap;
import it.unimi.dsi.fastutil.ints.IntAVLTreeSet;
import it.unimi.dsi.fastutil.ints.IntSortedSet;
import it.unimi.dsi.fastutil.ints.IntSortedSets;
import java.util.Arrays;

/**
 * Who occupies each host, for tenancy (EC2 Dedicated Instances and Dedicated Hosts): the tenants
 * with instances there, whether any of them is a dedicated instance, which hosts are dedicated
 * hosts allocated to an account, and which hosts have failed. Kept apart from
 * {@link io.stratus.infra.HostTable} (capacity) so that the indexes over free capacity need not
 * know about tenants; the placement search asks it as a {@link TenancyView} filter, and
 * {@link Placer} records every placement and release in it.
 *
 * <p>Rules ({@link #admits}):
 * <ul>
 *   <li>a failed host takes nothing;</li>
 *   <li>a dedicated host takes only instances launched onto it by the account it is allocated
 *       to, with tenancy host;</li>
 *   <li>a dedicated instance goes only on a shared host where every instance is its tenant's;</li>
 *   <li>a default instance goes on any shared host except one holding another tenant's
 *       dedicated instance.</li>
 * </ul>
 * Invariant: a host holding a dedicated instance holds instances of one tenant only. The rule is
 * exact: a host shared by several tenants admits a dedicated instance again as soon as the other
 * tenants' instances have left.
 *
 * <p>Kept in primitive arrays: per host the number of instances and, while they all belong to
 * one tenant (the common case), that tenant; a host shared by several tenants keeps its counts
 * per tenant in a small map, made once per host and reused. So placing and releasing on hosts of
 * a single tenant touches no map and allocates nothing.
 *
 * <p>Assumptions: accounts are non-negative integers; a failed host comes back only when
 * {@link #markRepaired} says so (empty: its instances were lost with it). A failed
 * host still shows its free capacity to the indexes, which offer it and see it refused here (a
 * few failed hosts cost a few extra index steps per placement).
 */
public final class HostOccupancy implements TenancyView {

    /** No tenant. */
    public static final int NONE = -1;

    /** {@link #soleTenant} of a host with instances of several tenants. */
    private static final int SEVERAL = -2;

    private int[] soleTenant = new int[0];
    private Int2IntOpenHashMap[] tenants = new Int2IntOpenHashMap[0];
    private int[] instances = new int[0];
    private int[] dedicated = new int[0];
    private int[] hostOwner = new int[0];
    private boolean[] failed = new boolean[0];
    private final Int2ObjectOpenHashMap<IntAVLTreeSet> hostsByOwner = new Int2ObjectOpenHashMap<>();

    /** Whether an instance of {@code tenant} with {@code tenancy} may be placed on {@code host} now. */
    @Override
    public boolean admits(int host, int tenant, Tenancy tenancy) {
        if (host < instances.length && failed[host]) {
            return false;
        }
        int owner = owner(host);
        switch (tenancy) {
            case HOST:
                return owner == tenant;
            case DEDICATED:
                return owner == NONE && onlyTenant(host, tenant);
            case DEFAULT:
                return owner == NONE && (dedicatedCount(host) == 0 || onlyTenant(host, tenant));
            default:
                throw new AssertionError(tenancy);
        }
    }

    /** Whether every instance on the host (if any) is {@code tenant}'s. */
    private boolean onlyTenant(int host, int tenant) {
        return host >= instances.length || instances[host] == 0 || soleTenant[host] == tenant;
    }

    /** Records an instance placed on a host. */
    public void add(int host, int tenant, Tenancy tenancy) {
        if (tenant < 0) {
            throw new IllegalArgumentException("tenant must not be negative, got " + tenant);
        }
        if (!admits(host, tenant, tenancy)) {
            throw new IllegalStateException("host " + host + " does not admit a " + tenancy.apiName()
                    + "-tenancy instance of tenant " + tenant);
        }
        ensure(host);
        int sole = soleTenant[host];
        if (instances[host] == 0) {
            soleTenant[host] = tenant;
        } else if (sole != tenant) {
            Int2IntOpenHashMap map = tenants[host];
            if (sole != SEVERAL) {
                if (map == null) {
                    map = new Int2IntOpenHashMap();
                    tenants[host] = map;
                }
                map.put(sole, instances[host]);
                soleTenant[host] = SEVERAL;
            }
            map.addTo(tenant, 1);
        }
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
        if (soleTenant[host] == SEVERAL) {
            Int2IntOpenHashMap map = tenants[host];
            if (map.addTo(tenant, -1) == 1) {
                map.remove(tenant);
            }
            if (map.size() == 1) {
                soleTenant[host] = map.keySet().iterator().nextInt();
                map.clear();
            }
        }
        instances[host]--;
        if (instances[host] == 0) {
            soleTenant[host] = NONE;
        }
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
        if (tenant < 0) {
            throw new IllegalArgumentException("tenant must not be negative, got " + tenant);
        }
        hostOwner[host] = tenant;
        hostsByOwner.computeIfAbsent(tenant, t -> new IntAVLTreeSet()).add(host);
    }

    /** Releases a dedicated host; it must be empty. */
    public void releaseHost(int host) {
        if (owner(host) == NONE || instances(host) > 0) {
            throw new IllegalStateException("host " + host + " is not an empty dedicated host");
        }
        IntAVLTreeSet owned = hostsByOwner.get(hostOwner[host]);
        owned.remove(host);
        if (owned.isEmpty()) {
            hostsByOwner.remove(hostOwner[host]);
        }
        hostOwner[host] = NONE;
    }

    /**
     * The dedicated hosts allocated to {@code tenant}, in host order (read-only; empty for a
     * tenant without any). Dedicated Host auto-placement searches them.
     */
    public IntSortedSet hostsOf(int tenant) {
        IntAVLTreeSet owned = hostsByOwner.get(tenant);
        return owned == null ? IntSortedSets.EMPTY_SET : IntSortedSets.unmodifiable(owned);
    }

    /** Marks a host failed: it takes no new instance. */
    public void markFailed(int host) {
        ensure(host);
        failed[host] = true;
    }

    /** Marks a failed host repaired: it takes instances again (it holds none: they were lost with it). */
    public void markRepaired(int host) {
        ensure(host);
        failed[host] = false;
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
        if (host >= instances.length || instances[host] == 0) {
            return 0;
        }
        int sole = soleTenant[host];
        if (sole == SEVERAL) {
            return tenants[host].get(tenant);
        }
        return sole == tenant ? instances[host] : 0;
    }

    /** Tenants with an instance on the host. */
    public int tenantCount(int host) {
        if (host >= instances.length || instances[host] == 0) {
            return 0;
        }
        return soleTenant[host] == SEVERAL ? tenants[host].size() : 1;
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
        int capacity = Math.max(Math.max(host + 1, 16), instances.length * 2);
        int old = instances.length;
        soleTenant = Arrays.copyOf(soleTenant, capacity);
        tenants = Arrays.copyOf(tenants, capacity);
        instances = Arrays.copyOf(instances, capacity);
        dedicated = Arrays.copyOf(dedicated, capacity);
        failed = Arrays.copyOf(failed, capacity);
        hostOwner = Arrays.copyOf(hostOwner, capacity);
        Arrays.fill(hostOwner, old, capacity, NONE);
        Arrays.fill(soleTenant, old, capacity, NONE);
    }
}
