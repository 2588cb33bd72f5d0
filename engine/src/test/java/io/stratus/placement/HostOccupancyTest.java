package io.stratus.placement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stratus.infra.Tenancy;
import org.junit.jupiter.api.Test;

/** Hand-worked cases of the one tenancy rule, {@link HostOccupancy}. */
class HostOccupancyTest {

    private final HostOccupancy occupancy = new HostOccupancy();

    @Test
    void aSharedHostAdmitsADedicatedInstanceAgainOnceTheOtherTenantsLeave() {
        occupancy.add(0, 1, Tenancy.DEFAULT);
        occupancy.add(0, 2, Tenancy.DEFAULT);
        occupancy.add(0, 2, Tenancy.DEFAULT);
        assertThat(occupancy.tenantCount(0)).isEqualTo(2);
        assertThat(occupancy.instancesOf(0, 2)).isEqualTo(2);
        assertThat(occupancy.admits(0, 1, Tenancy.DEDICATED)).isFalse();
        occupancy.remove(0, 2, Tenancy.DEFAULT);
        assertThat(occupancy.admits(0, 1, Tenancy.DEDICATED)).isFalse(); // tenant 2 still has one
        occupancy.remove(0, 2, Tenancy.DEFAULT);
        assertThat(occupancy.tenantCount(0)).isEqualTo(1);
        assertThat(occupancy.instancesOf(0, 1)).isEqualTo(1);
        assertThat(occupancy.admits(0, 1, Tenancy.DEDICATED)).isTrue(); // exact: only tenant 1 is left
        assertThat(occupancy.admits(0, 2, Tenancy.DEDICATED)).isFalse();
        occupancy.add(0, 1, Tenancy.DEDICATED);
        assertThat(occupancy.admits(0, 3, Tenancy.DEFAULT)).isFalse();
        assertThat(occupancy.admits(0, 1, Tenancy.DEFAULT)).isTrue();
        // a host shared again after being single-tenant keeps exact counts
        occupancy.remove(0, 1, Tenancy.DEDICATED);
        occupancy.add(0, 4, Tenancy.DEFAULT);
        assertThat(occupancy.instancesOf(0, 1)).isEqualTo(1);
        assertThat(occupancy.instancesOf(0, 4)).isEqualTo(1);
        assertThat(occupancy.instancesOf(0, 2)).isZero();
    }

    @Test
    void dedicatedHostsFailedHostsAndBadReleases() {
        occupancy.allocateHost(3, 7);
        assertThat(occupancy.admits(3, 7, Tenancy.HOST)).isTrue();
        assertThat(occupancy.admits(3, 7, Tenancy.DEFAULT)).isFalse();
        assertThat(occupancy.admits(3, 8, Tenancy.HOST)).isFalse();
        assertThat(occupancy.admits(9, 7, Tenancy.HOST)).isFalse();   // never allocated
        assertThat(occupancy.admits(9, 7, Tenancy.DEFAULT)).isTrue(); // unseen hosts are empty
        occupancy.markFailed(9);
        assertThat(occupancy.admits(9, 7, Tenancy.DEFAULT)).isFalse();
        assertThatThrownBy(() -> occupancy.add(3, 8, Tenancy.DEFAULT)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> occupancy.remove(1, 0, Tenancy.DEFAULT)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no instance on host 1");
    }
}
