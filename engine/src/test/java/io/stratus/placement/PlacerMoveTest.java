package io.stratus.placement;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratus.infra.HostSpec;
import io.stratus.infra.HostTable;
import io.stratus.infra.Tenancy;
import io.stratus.infra.Zone;
import io.stratus.sim.RandomStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link Placer#move} (live migration) under placement groups: a moved instance keeps its
 * partition, and a refused move leaves the host table, the occupancy and the groups as they were.
 */
class PlacerMoveTest {

    private static final HostSpec SPEC = new HostSpec("h", "x", 16, 64 * 1024);

    private final HostTable hosts = new HostTable(List.of(new Zone(0, "a"), new Zone(1, "b")));
    private final PlacementContext ctx;
    private final Placer placer;
    private final PlacementGroups groups;

    /** Zone a: hosts 0-7, racks of two ([0,2) [2,4) [4,6) [6,8)); zone b: hosts 8-9, one rack. */
    PlacerMoveTest() {
        hosts.addHosts(SPEC, 0, 8, 2);
        hosts.addHosts(SPEC, 1, 2, 2);
        ctx = PlacementContext.of(hosts, new RandomStream(1));
        placer = new Placer(ctx, PlacementRegistry.create("first-fit", ctx));
        groups = ctx.groups();
    }

    private static PlacementRequest in(int group, int threads, int partition) {
        return new PlacementRequest(threads, 1024, 0, 0, Tenancy.DEFAULT, group, partition);
    }

    /** A in partition 0 on host 0 (rack 0), C asked into partition 0 there too; partition 1 empty. */
    private PlacementRequest partitionGroupWithAnEmptyPartition(int g) {
        PlacementRequest a = in(g, 2, PlacementRequest.ANY_PARTITION);
        assertThat(placer.place(a)).isZero();
        PlacementRequest b = in(g, 2, PlacementRequest.ANY_PARTITION);
        assertThat(placer.place(b)).isEqualTo(2); // partition 1, rack 1
        placer.release(2, b);
        assertThat(placer.place(in(g, 2, 0))).isZero();
        assertThat(groups.partitionOf(g, 0)).isZero();
        return a;
    }

    @Test
    void aMoveWithinItsRackKeepsThePartition() {
        int g = groups.createPartitioned(2);
        PlacementRequest a = partitionGroupWithAnEmptyPartition(g);
        // rack 0 is partition 0's: A moves to host 1, on the same rack, and stays in partition 0
        assertThat(placer.move(0, 1, a)).isTrue();
        assertThat(groups.partitionOf(g, 1)).isZero();
        assertThat(groups.members(g)).isEqualTo(2);
    }

    @Test
    void aMoveToAnEmptyRackKeepsThePartition() {
        int g = groups.createPartitioned(2);
        PlacementRequest a = partitionGroupWithAnEmptyPartition(g);
        assertThat(placer.move(0, 4, a)).isTrue();
        assertThat(groups.partitionOf(g, 4)).as("rack 2 now partition 0's, A's partition").isZero();
        // the next instance with no partition asked goes to the emptier partition, 1 (0 holds two)
        assertThat(placer.place(in(g, 2, PlacementRequest.ANY_PARTITION))).isEqualTo(2);
        assertThat(groups.partitionOf(g, 2)).isEqualTo(1);
    }

    @Test
    void aRefusedMoveOfAPartitionMemberLeavesEverythingAsItWas() {
        int g = groups.createPartitioned(2);
        PlacementRequest a = partitionGroupWithAnEmptyPartition(g);
        assertThat(placer.move(0, 8, a)).as("another zone").isFalse();
        assertThat(placer.move(0, 0, a)).as("its own host").isFalse();
        assertThat(groups.members(g)).isEqualTo(2);
        assertThat(groups.partitionOf(g, 0)).isZero();
        assertThat(hosts.freeThreads(0)).isEqualTo(12);
        assertThat(ctx.occupancy().instances(0)).isEqualTo(2);
        // A can still leave: its group slot is where it was
        placer.release(0, a);
        assertThat(groups.members(g)).isEqualTo(1);
    }

    @Test
    void aRefusedMoveOfALonePartitionMemberKeepsItsPartition() {
        int g = groups.createPartitioned(2);
        PlacementRequest a = in(g, 2, PlacementRequest.ANY_PARTITION);
        assertThat(placer.place(a)).isZero(); // partition 0, rack 0
        PlacementRequest whole = in(g, 16, 0);
        assertThat(placer.place(whole)).isEqualTo(1); // rack 0
        assertThat(placer.place(whole)).isEqualTo(2); // rack 1, made partition 0's
        placer.release(1, whole); // A alone on rack 0; partition loads 2 and 0
        assertThat(placer.move(0, 8, a)).isFalse();
        assertThat(groups.partitionOf(g, 0)).as("A's rack, still partition 0's").isZero();
    }

    @Test
    void aRefusedMoveKeepsTheClusterAnchor() {
        int g = groups.create(PlacementGroups.Strategy.CLUSTER);
        PlacementRequest a = in(g, 16, PlacementRequest.ANY_PARTITION);
        PlacementRequest b = in(g, 16, PlacementRequest.ANY_PARTITION);
        assertThat(placer.place(a)).isZero(); // the anchor
        assertThat(placer.place(b)).isEqualTo(1);
        placer.release(0, a);
        assertThat(groups.clusterAnchor(b)).isZero();
        assertThat(placer.move(1, 8, b)).as("another zone").isFalse();
        assertThat(groups.clusterAnchor(b)).isZero();
        assertThat(placer.place(in(g, 16, PlacementRequest.ANY_PARTITION))).as("packed from the anchor").isZero();
    }
}
