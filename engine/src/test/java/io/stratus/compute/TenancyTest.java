package io.stratus.compute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stratus.hypervisor.CpuSharing;
import io.stratus.infra.HostSpec;
import io.stratus.infra.HostTable;
import io.stratus.infra.Tenancy;
import io.stratus.infra.Zone;
import io.stratus.sim.Simulation;
import java.util.List;
import org.junit.jupiter.api.Test;

class TenancyTest {

    private final Simulation sim = new Simulation(5);
    private final HostTable hosts = new HostTable(List.of(new Zone(0, "a")));
    private final Fleet fleet = new Fleet(sim, hosts, "first-fit", new CpuSharing(sim, (i, a, n) -> { }));
    private final LaunchSpec base = new LaunchSpec(InstanceCatalog.bundled().get("m5.large"), 0, 0, 0);

    TenancyTest() {
        hosts.addHosts(new HostSpec("h", "m5", 8, 32 * 1024), 0, 3);
    }

    private int host(int id) {
        return fleet.instance(id).host();
    }

    @Test
    void dedicatedInstancesShareOnlyWithTheirOwnTenant() {
        int shared = fleet.launch(base.withTenancy(1, Tenancy.DEFAULT));
        int dedicated = fleet.launch(base.withTenancy(2, Tenancy.DEDICATED));
        int sameTenant = fleet.launch(base.withTenancy(2, Tenancy.DEFAULT));
        int other = fleet.launch(base.withTenancy(3, Tenancy.DEFAULT));
        assertThat(host(shared)).isZero();
        assertThat(host(dedicated)).isEqualTo(1);   // host 0 has tenant 1
        assertThat(host(sameTenant)).isZero();      // first fit: host 0 allows default tenancy
        assertThat(host(other)).isZero();
        int sameTenantDedicated = fleet.launch(base.withTenancy(2, Tenancy.DEDICATED));
        assertThat(host(sameTenantDedicated)).isEqualTo(1);
        int fourthTenant = fleet.launch(base.withTenancy(4, Tenancy.DEFAULT));
        assertThat(host(fourthTenant)).isZero();
        assertThat(fleet.occupancy().tenantCount(1)).isEqualTo(1);
    }

    @Test
    void dedicatedHostsTakeOnlyTheirOwnersExplicitLaunches() {
        fleet.allocateDedicatedHost(0, 7);
        int shared = fleet.launch(base.withTenancy(7, Tenancy.DEFAULT));
        assertThat(host(shared)).isEqualTo(1); // a dedicated host is not in the shared pool
        int mine = fleet.launch(base.onDedicatedHost(7, 0));
        assertThat(host(mine)).isZero();
        assertThat(fleet.launch(base.onDedicatedHost(8, 0))).isEqualTo(-1);
        assertThatThrownBy(() -> fleet.allocateDedicatedHost(1, 9)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("runs 1 instances");
        assertThatThrownBy(() -> base.withTenancy(7, Tenancy.HOST)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void autoPlacementTakesTheFirstOwnHostWithRoomAndNeverTheSharedPool() {
        fleet.allocateDedicatedHost(2, 7);
        fleet.allocateDedicatedHost(1, 7);
        LaunchSpec big = new LaunchSpec(InstanceCatalog.bundled().get("m5.xlarge"), 0, 0, 0).onDedicatedHosts(7);
        assertThat(big.dedicatedHost()).isEqualTo(LaunchSpec.AUTO_PLACEMENT);
        assertThat(fleet.occupancy().hostsOf(7)).containsExactly(1, 2);
        // an 8-thread host takes two m5.xlarge (4 vCPUs each): host 1 first, then host 2
        int[] ids = new int[4];
        for (int i = 0; i < 4; i++) {
            ids[i] = fleet.launch(big);
        }
        assertThat(new int[] {host(ids[0]), host(ids[1]), host(ids[2]), host(ids[3])}).containsExactly(1, 1, 2, 2);
        // both hosts full: refused and counted, though host 0 of the shared pool is empty
        assertThat(fleet.launch(big)).isEqualTo(-1);
        assertThat(fleet.insufficientCapacity()).isEqualTo(1);
        // another tenant's host launch finds no host of its own
        assertThat(fleet.launch(big.onDedicatedHosts(8))).isEqualTo(-1);
        // a shared launch of the owner does not go to its dedicated hosts
        assertThat(host(fleet.launch(base.withTenancy(7, Tenancy.DEFAULT)))).isZero();
        sim.runUntil(1_000_000L);
        fleet.terminate(ids[0]);
        sim.runUntil(60_000_000L);
        assertThat(host(fleet.launch(big))).isEqualTo(1);
    }

    @Test
    void autoPlacementStaysInTheRequestedZone() {
        Simulation s = new Simulation(1);
        HostTable two = new HostTable(List.of(new Zone(0, "a"), new Zone(1, "b")));
        two.addHosts(new HostSpec("h", "m5", 8, 32 * 1024), 0, 2);
        two.addHosts(new HostSpec("h", "m5", 8, 32 * 1024), 1, 2);
        Fleet f = new Fleet(s, two, "first-fit", new CpuSharing(s, (i, a, n) -> { }));
        f.allocateDedicatedHost(1, 3);
        LaunchSpec inB = base.withZone(1).onDedicatedHosts(3);
        assertThat(f.launch(inB)).isEqualTo(-1);
        int inA = f.launch(base.withZone(0).onDedicatedHosts(3));
        assertThat(f.instance(inA).host()).isEqualTo(1);
        int any = f.launch(base.withZone(-1).onDedicatedHosts(3));
        assertThat(f.instance(any).host()).isEqualTo(1);
    }
}
