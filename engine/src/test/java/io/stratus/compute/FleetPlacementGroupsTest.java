package io.stratus.compute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stratus.hypervisor.CpuSharing;
import io.stratus.infra.HostSpec;
import io.stratus.infra.HostTable;
import io.stratus.infra.Zone;
import io.stratus.placement.PlacementGroups;
import io.stratus.placement.PlacementRequest;
import io.stratus.sim.Simulation;
import io.stratus.sim.Time;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Hand-worked cases of EC2 placement groups through {@link Fleet#launch}. */
class FleetPlacementGroupsTest {

    private final Simulation sim = new Simulation(3);
    private final HostTable hosts = new HostTable(List.of(new Zone(0, "a"), new Zone(1, "b")));
    private Fleet fleet;
    private final LaunchSpec large = new LaunchSpec(InstanceCatalog.bundled().get("m5.large"), 0, Time.seconds(10),
            Time.seconds(5));

    /** Zone 0: {@code racks0} racks of 2 hosts (hosts 0..); zone 1: 4 racks of 2 hosts; 16 threads, 64 GiB each. */
    private void build(int racks0) {
        hosts.addHosts(new HostSpec("h", "m5", 16, 64 * 1024), 0, 2 * racks0, 2);
        hosts.addHosts(new HostSpec("h", "m5", 16, 64 * 1024), 1, 8, 2);
        fleet = new Fleet(sim, hosts, "first-fit", new CpuSharing(sim, (i, a, n) -> { }));
    }

    @Test
    void spreadTakesOneRackEachAndSevenPerZoneThenRefusesAsInsufficientCapacity() {
        build(10);
        int g = fleet.placementGroups().create(PlacementGroups.Strategy.SPREAD);
        Set<Integer> racks = new HashSet<>();
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            int id = fleet.launch(large.inPlacementGroup(g, PlacementRequest.ANY_PARTITION));
            assertThat(id).isNotNegative();
            ids.add(id);
            racks.add(hosts.rackOf(fleet.instance(id).host()));
        }
        // first fit over racks of two hosts: hosts 0, 2, 4, ... 12, one per rack
        assertThat(ids.stream().map(i -> fleet.instance(i).host())).containsExactly(0, 2, 4, 6, 8, 10, 12);
        assertThat(racks).hasSize(7);
        assertThat(fleet.launch(large.inPlacementGroup(g, PlacementRequest.ANY_PARTITION))).isEqualTo(-1);
        assertThat(fleet.insufficientCapacity()).isEqualTo(1);
        assertThat(fleet.refusedByGroupRules()).isEqualTo(1); // zone 0 had room: the rule refused it
        // the other zone has its own seven
        assertThat(fleet.launch(large.withZone(1).inPlacementGroup(g, PlacementRequest.ANY_PARTITION)))
                .isNotNegative();
        // a terminated instance frees its slot (and its rack) once it is terminated
        sim.runUntil(Time.seconds(20));
        fleet.terminate(ids.get(3));
        assertThat(fleet.launch(large.inPlacementGroup(g, PlacementRequest.ANY_PARTITION))).isEqualTo(-1);
        sim.runUntil(Time.seconds(30));
        int again = fleet.launch(large.inPlacementGroup(g, PlacementRequest.ANY_PARTITION));
        assertThat(fleet.instance(again).host()).isEqualTo(6);
        assertThat(fleet.placementGroups().members(g)).isEqualTo(8);
    }

    @Test
    void clusterPacksInOneZoneAndNeverSpills() {
        build(1); // zone 0: hosts 0 and 1, 16 threads each: 16 m5.large
        int g = fleet.placementGroups().create(PlacementGroups.Strategy.CLUSTER);
        LaunchSpec anyZone = large.withZone(-1).inPlacementGroup(g, PlacementRequest.ANY_PARTITION);
        for (int i = 0; i < 16; i++) {
            int id = fleet.launch(anyZone);
            assertThat(fleet.instance(id).zone()).isZero();
            assertThat(fleet.instance(id).host()).isEqualTo(i < 8 ? 0 : 1);
        }
        assertThat(fleet.launch(anyZone)).isEqualTo(-1);
        assertThat(fleet.launch(large.withZone(1).inPlacementGroup(g, PlacementRequest.ANY_PARTITION))).isEqualTo(-1);
        assertThat(fleet.insufficientCapacity()).isEqualTo(2);
        // both had room in zone 1 (the first allowed any zone): the one-zone rule refused them
        assertThat(fleet.refusedByGroupRules()).isEqualTo(2);
        // a launch outside the group into full zone 0: refused for capacity, not by a group
        assertThat(fleet.launch(large)).isEqualTo(-1);
        assertThat(fleet.insufficientCapacity()).isEqualTo(3);
        assertThat(fleet.refusedByGroupRules()).isEqualTo(2);
        // a grouped launch into full zone 0: no host of zone 0 has room, so capacity refused it
        assertThat(fleet.launch(large.inPlacementGroup(g, PlacementRequest.ANY_PARTITION))).isEqualTo(-1);
        assertThat(fleet.insufficientCapacity()).isEqualTo(4);
        assertThat(fleet.refusedByGroupRules()).isEqualTo(2);
        assertThat(fleet.launch(large.withZone(1))).isNotNegative(); // outside the group, zone 1 has room
    }

    @Test
    void partitionsKeepTheirRacksAndHonourTheAskedPartition() {
        build(4); // zone 0: racks 0..3 of hosts {0,1}, {2,3}, {4,5}, {6,7}
        int g = fleet.placementGroups().createPartitioned(2);
        int a = fleet.launch(large.inPlacementGroup(g, 1));
        int b = fleet.launch(large.inPlacementGroup(g, PlacementRequest.ANY_PARTITION)); // least loaded: 0
        int c = fleet.launch(large.inPlacementGroup(g, 1));
        assertThat(fleet.instance(a).host()).isZero();
        assertThat(fleet.instance(b).host()).isEqualTo(2); // rack 0 belongs to partition 1
        assertThat(fleet.instance(c).host()).isZero();
        PlacementGroups groups = fleet.placementGroups();
        assertThat(groups.partitionOf(g, 0)).isEqualTo(1);
        assertThat(groups.partitionOf(g, 2)).isZero();
        assertThatThrownBy(() -> fleet.launch(large.inPlacementGroup(g, 2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has no partition 2");
    }

    @Test
    void hostFailureFreesTheSlot() {
        build(10);
        int g = fleet.placementGroups().create(PlacementGroups.Strategy.SPREAD);
        int id = fleet.launch(large.inPlacementGroup(g, PlacementRequest.ANY_PARTITION));
        assertThat(fleet.placementGroups().members(g)).isEqualTo(1);
        fleet.failHost(fleet.instance(id).host());
        assertThat(fleet.placementGroups().members(g)).isZero();
        int next = fleet.launch(large.inPlacementGroup(g, PlacementRequest.ANY_PARTITION));
        assertThat(fleet.instance(next).host()).isEqualTo(1); // same rack, other host: host 0 failed
    }
}
