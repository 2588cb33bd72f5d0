package io.stratus.placement;

import io.stratus.infra.Tenancy;

/**
 * A read-only view of which account may use which host, for placement (EC2 tenancy): the face
 * of {@link HostOccupancy} that the placement search sees, asking it about each host it
 * considers. Policies only read it; {@link Placer} changes the occupancy behind it.
 */
@FunctionalInterface
public interface TenancyView {

    /** Whether an instance of {@code tenant} with {@code tenancy} may run on {@code host} now. */
    boolean admits(int host, int tenant, Tenancy tenancy);
}
