package io.stratus.placement;

import io.stratus.infra.Tenancy;
import java.util.Arrays;

/**
 * A simple {@link TenancyView}: per host, who may share it, kept in primitive arrays.
 *
 * <p>Rules (EC2): a Dedicated Host ({@link Tenancy#HOST}) is allocated to one account with
 * {@link #allocateDedicatedHost} while empty, and then takes only that account's
 * {@code host}-tenancy instances; no other instance lands on it. A Dedicated Instance runs only on
 * a host where every instance belongs to its account; while a host holds a Dedicated Instance,
 * only its account's instances (of any tenancy but {@code host}) may join. Default instances go
 * anywhere else.
 *
 * <p>Assumptions: accounts are small non-negative integers; the caller reports every placement
 * and release ({@link Placer} does).
 */
public final class HostTenancyTracker implements TenancyView {

    private static final int NOBODY = -1;
    private static final int SEVERAL = -2;

    private int[] soleTenant = new int[0];
    private int[] instances = new int[0];
    private int[] dedicated = new int[0];
    private int[] hostOwner = new int[0];

    private void ensure(int host) {
        if (host >= instances.length) {
            int c = Math.max(host + 1, instances.length * 2);
            int old = instances.length;
            soleTenant = Arrays.copyOf(soleTenant, c);
            instances = Arrays.copyOf(instances, c);
            dedicated = Arrays.copyOf(dedicated, c);
            hostOwner = Arrays.copyOf(hostOwner, c);
            Arrays.fill(soleTenant, old, c, NOBODY);
            Arrays.fill(hostOwner, old, c, NOBODY);
        }
    }

    /** Allocates an empty host to {@code tenant} as a Dedicated Host. */
    public void allocateDedicatedHost(int host, int tenant) {
        ensure(host);
        if (instances[host] > 0 || hostOwner[host] != NOBODY) {
            throw new IllegalStateException("host " + host + " is in use and cannot become a Dedicated Host");
        }
        hostOwner[host] = tenant;
    }

    /** Returns a Dedicated Host (which must be empty) to the shared pool. */
    public void releaseDedicatedHost(int host) {
        ensure(host);
        if (instances[host] > 0) {
            throw new IllegalStateException("Dedicated Host " + host + " still runs instances");
        }
        hostOwner[host] = NOBODY;
    }

    @Override
    public boolean admits(int host, int tenant, Tenancy tenancy) {
        if (host >= instances.length) {
            return tenancy != Tenancy.HOST;
        }
        if (tenancy == Tenancy.HOST) {
            return hostOwner[host] == tenant;
        }
        if (hostOwner[host] != NOBODY) {
            return false;
        }
        int sole = soleTenant[host];
        if (tenancy == Tenancy.DEDICATED) {
            return sole == NOBODY || sole == tenant;
        }
        return dedicated[host] == 0 || sole == tenant;
    }

    /** Records an instance placed on {@code host}. */
    public void placed(int host, int tenant, Tenancy tenancy) {
        ensure(host);
        int sole = soleTenant[host];
        soleTenant[host] = instances[host] == 0 ? tenant : (sole == tenant ? tenant : SEVERAL);
        instances[host]++;
        if (tenancy == Tenancy.DEDICATED) {
            dedicated[host]++;
        }
    }

    /**
     * Records an instance leaving {@code host}. A host that had several tenants stays marked as
     * shared until it empties (a conservative rule: it never admits a Dedicated Instance too early).
     */
    public void released(int host, int tenant, Tenancy tenancy) {
        ensure(host);
        if (instances[host] == 0) {
            throw new IllegalStateException("host " + host + " has no instance to release");
        }
        instances[host]--;
        if (tenancy == Tenancy.DEDICATED) {
            dedicated[host]--;
        }
        if (instances[host] == 0) {
            soleTenant[host] = NOBODY;
        }
    }
}
