package io.stratus.placement;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratus.infra.HostSpec;
import io.stratus.infra.HostTable;
import io.stratus.infra.Tenancy;
import io.stratus.infra.Zone;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The runs a refusal covers: rack ends and zone runs of the host table, and what
 * {@link PlacementGroups#nextCandidate} answers for each strategy.
 */
class GroupRefusalRunsTest {

    private static final HostSpec SPEC = new HostSpec("h", "x", 16, 64 * 1024);

    /** Zone a: hosts 0-7 (racks [0,2) [2,4) [4,5) [5,8)); zone b: 8-11 (one rack); zone a: 12-13. */
    private static HostTable table() {
        HostTable t = new HostTable(List.of(new Zone(0, "a"), new Zone(1, "b")));
        t.addHosts(SPEC, 0, 5, 2);
        t.addHosts(SPEC, 0, 3, 3);
        t.addHosts(SPEC, 1, 4, 4);
        t.addHosts(SPEC, 0, 2, 1);
        return t;
    }

    @Test
    void rackEndsAndZoneRuns() {
        HostTable t = table();
        int[] rackEnd = {2, 2, 4, 4, 5, 8, 8, 8, 12, 12, 12, 12, 13, 14};
        int[] runEnd = {8, 8, 8, 8, 8, 8, 8, 8, 12, 12, 12, 12, 14, 14};
        for (int h = 0; h < t.hostCount(); h++) {
            assertThat(t.rackEnd(h)).as("rack end of %d", h).isEqualTo(rackEnd[h]);
            assertThat(t.zoneRunEnd(h)).as("zone run end of %d", h).isEqualTo(runEnd[h]);
        }
        t.addHosts(SPEC, 0, 2, 5);
        assertThat(t.zoneRunEnd(12)).isEqualTo(16);
        assertThat(t.rackEnd(14)).isEqualTo(16);
    }

    @Test
    void spreadRefusesTheRackThenTheZone() {
        HostTable t = table();
        t.addHosts(SPEC, 0, 2, 1); // hosts 14 and 15, zone a, racks of one: the run is 12-15
        PlacementGroups groups = new PlacementGroups(t);
        int g = groups.create(PlacementGroups.Strategy.SPREAD);
        PlacementRequest r = new PlacementRequest(1, 1024, PlacementRequest.ANY_ZONE, 0, Tenancy.DEFAULT, g);
        groups.placed(0, r);
        assertThat(groups.nextCandidate(0, r)).isEqualTo(2);
        assertThat(groups.nextCandidate(1, r)).isEqualTo(2);
        assertThat(groups.nextCandidate(2, r)).isEqualTo(2);
        for (int h : new int[] {3, 4, 6, 9, 12, 13}) {
            groups.placed(h, r);
        }
        assertThat(groups.nextCandidate(2, r)).isEqualTo(4);
        assertThat(groups.nextCandidate(5, r)).isEqualTo(8);
        assertThat(groups.nextCandidate(8, r)).as("zone b: its one rack is used").isEqualTo(12);
        assertThat(groups.nextCandidate(14, r)).as("six in zone a: one more allowed").isEqualTo(14);
        groups.placed(14, r);
        // zone a now holds seven: each of its runs is refused whole, racks used or not
        assertThat(groups.nextCandidate(0, r)).isEqualTo(8);
        assertThat(groups.nextCandidate(12, r)).isEqualTo(16);
        assertThat(groups.nextCandidate(15, r)).isEqualTo(16);
        groups.released(3, r);
        assertThat(groups.nextCandidate(3, r)).isEqualTo(3);
    }

    @Test
    void partitionRefusesRacksOfOtherPartitions() {
        HostTable t = table();
        PlacementGroups groups = new PlacementGroups(t);
        int g = groups.createPartitioned(2);
        PlacementRequest p0 = new PlacementRequest(1, 1024, 0, 0, Tenancy.DEFAULT, g, 0);
        PlacementRequest p1 = new PlacementRequest(1, 1024, 0, 0, Tenancy.DEFAULT, g, 1);
        groups.placed(5, p0);
        assertThat(groups.nextCandidate(6, p1)).isEqualTo(8);
        assertThat(groups.nextCandidate(6, p0)).isEqualTo(6);
        assertThat(groups.nextCandidate(4, p1)).isEqualTo(4);
    }

    @Test
    void clusterRefusesOtherZonesRunByRun() {
        HostTable t = table();
        PlacementGroups groups = new PlacementGroups(t);
        int g = groups.create(PlacementGroups.Strategy.CLUSTER);
        PlacementRequest r = new PlacementRequest(1, 1024, PlacementRequest.ANY_ZONE, 0, Tenancy.DEFAULT, g);
        groups.placed(9, r);
        assertThat(groups.nextCandidate(1, r)).isEqualTo(8);
        assertThat(groups.nextCandidate(10, r)).isEqualTo(10);
        assertThat(groups.nextCandidate(12, r)).isEqualTo(14);
    }
}
