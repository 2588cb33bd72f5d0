package io.stratus.placement;

import io.stratus.infra.Tenancy;

/**
 * A read-only view of which account may use which host, for placement (EC2 tenancy): whatever
 * class tracks tenancy per host implements it, and the placement search asks it about each host
 * it considers.
 */
@FunctionalInterface
public interface TenancyView {

    /** Whether an instance of {@code tenant} with {@code tenancy} may run on {@code host} now. */
    boolean admits(int host, int tenant, Tenancy tenancy);
}
