package io.stratus.placement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stratus.infra.HostSpec;
import io.stratus.infra.HostTable;
import io.stratus.infra.Tenancy;
import io.stratus.infra.Zone;
import io.stratus.sim.RandomStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hand-worked cases of each policy and placement-group rule. */
class PlacementPoliciesTest {

    private final HostTable table = new HostTable(List.of(new Zone(0, "a"), new Zone(1, "b")));
    private final HostOccupancy tenancy = new HostOccupancy();
    private final PlacementGroups groups = new PlacementGroups(table);
    private final PlacementContext ctx = new PlacementContext(table, tenancy, groups, new RandomStream(7));

    private Placer placer(String policy) {
        return new Placer(ctx, PlacementRegistry.create(policy, ctx));
    }

    private static PlacementRequest req(int threads, int zone, int group) {
        return new PlacementRequest(threads, 1024, zone, 0, Tenancy.DEFAULT, group);
    }

    @Test
    void bestAndWorstFitScoreByFreeThreadsThenHostNumber() {
        table.addHosts(new HostSpec("h", "x", 8, 8192), 0, 4);
        table.reserve(1, 4, 1024);
        table.reserve(2, 4, 4096);
        table.reserve(3, 2, 1024);
        PlacementPolicy best = PlacementRegistry.create("best-fit", ctx);
        PlacementPolicy worst = PlacementRegistry.create("worst-fit", ctx);
        // free: h0 8/8192, h1 4/7168, h2 4/4096, h3 6/7168
        assertThat(best.choose(req(2, -1, -1), table)).isEqualTo(1);
        assertThat(best.choose(new PlacementRequest(2, 5000, -1), table)).isEqualTo(1);
        assertThat(worst.choose(req(2, -1, -1), table)).isEqualTo(0);
        table.reserve(0, 2, 1024);
        // free: h0 6/7168 ties h3 6/7168: lowest number
        assertThat(worst.choose(req(2, -1, -1), table)).isEqualTo(0);
    }

    @Test
    void nextFitResumesAtTheLastHostChosenAndWraps() {
        table.addHosts(new HostSpec("h", "x", 4, 8192), 0, 3);
        Placer p = placer("next-fit");
        assertThat(p.place(req(3, -1, -1))).isEqualTo(0);
        assertThat(p.place(req(3, -1, -1))).isEqualTo(1);
        table.release(0, 3, 1024);
        assertThat(p.place(req(1, -1, -1))).isEqualTo(1);
        assertThat(p.place(req(3, -1, -1))).isEqualTo(2);
        assertThat(p.place(req(3, -1, -1))).isEqualTo(0);
    }

    @Test
    void zoneBalancedGoesToTheZoneWithMostFreeThreads() {
        table.addHosts(new HostSpec("h", "x", 4, 8192), 0, 2);
        table.addHosts(new HostSpec("h", "x", 4, 8192), 1, 2);
        Placer p = placer("zone-balanced");
        assertThat(table.zoneOf(p.place(req(2, -1, -1)))).isEqualTo(0);
        assertThat(table.zoneOf(p.place(req(2, -1, -1)))).isEqualTo(1);
        assertThat(table.zoneOf(p.place(req(2, -1, -1)))).isEqualTo(0);
    }

    @Test
    void spreadUsesDistinctRacksAndAtMostSevenPerZone() {
        table.addHosts(new HostSpec("h", "x", 64, 65536), 0, 40, 2);
        int g = groups.create(PlacementGroups.Strategy.SPREAD);
        Placer p = placer("first-fit");
        for (int i = 0; i < 7; i++) {
            assertThat(p.place(req(1, -1, g))).isEqualTo(2 * i);
        }
        assertThat(p.place(req(1, -1, g))).isEqualTo(PlacementPolicy.NO_HOST);
        assertThat(p.insufficientCapacity()).isEqualTo(1);
    }

    @Test
    void clusterStaysInItsZoneAndFailsRatherThanSpill() {
        table.addHosts(new HostSpec("h", "x", 4, 8192), 0, 2);
        table.addHosts(new HostSpec("h", "x", 4, 8192), 1, 4);
        int g = groups.create(PlacementGroups.Strategy.CLUSTER);
        Placer p = placer("worst-fit");
        int first = p.place(req(4, 1, g));
        assertThat(table.zoneOf(first)).isEqualTo(1);
        assertThat(p.place(req(4, -1, g))).isEqualTo(first + 1);
        assertThat(p.place(req(4, -1, g))).isEqualTo(first + 2);
        assertThat(p.place(req(4, -1, g))).isEqualTo(first + 3);
        assertThat(p.place(req(4, -1, g))).isEqualTo(PlacementPolicy.NO_HOST);
        assertThat(p.place(req(4, 0, g))).isEqualTo(PlacementPolicy.NO_HOST);
        assertThat(p.place(req(4, 0, -1))).isEqualTo(0);
    }

    @Test
    void partitionsNeverShareARack() {
        table.addHosts(new HostSpec("h", "x", 8, 65536), 0, 8, 2);
        int g = groups.createPartitioned(3);
        Placer p = placer("first-fit");
        int a = p.place(req(1, -1, g));
        int b = p.place(req(1, -1, g));
        int c = p.place(req(1, -1, g));
        int d = p.place(req(1, -1, g));
        assertThat(List.of(a, b, c, d)).containsExactly(0, 2, 4, 0);
        assertThat(List.of(groups.partitionOf(g, a), groups.partitionOf(g, b), groups.partitionOf(g, c)))
                .containsExactly(0, 1, 2);
        assertThatThrownBy(() -> groups.createPartitioned(8)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void dedicatedInstancesKeepOtherAccountsAway() {
        table.addHosts(new HostSpec("h", "x", 8, 65536), 0, 3);
        tenancy.allocateHost(2, 9);
        Placer p = placer("first-fit");
        assertThat(p.place(new PlacementRequest(1, 1024, -1, 1, Tenancy.DEDICATED))).isEqualTo(0);
        assertThat(p.place(new PlacementRequest(1, 1024, -1, 2, Tenancy.DEFAULT))).isEqualTo(1);
        assertThat(p.place(new PlacementRequest(1, 1024, -1, 1, Tenancy.DEFAULT))).isEqualTo(0);
        assertThat(p.place(new PlacementRequest(1, 1024, -1, 3, Tenancy.DEDICATED))).isEqualTo(PlacementPolicy.NO_HOST);
        assertThat(p.place(new PlacementRequest(1, 1024, -1, 9, Tenancy.HOST))).isEqualTo(2);
    }

    @Test
    void randomIsSeededAndSpreads() {
        table.addHosts(new HostSpec("h", "x", 64, 65536), 0, 50);
        int[] first = new int[20];
        PlacementPolicy a = PlacementRegistry.create("random", PlacementContext.of(table, new RandomStream(3)));
        PlacementPolicy b = PlacementRegistry.create("random", PlacementContext.of(table, new RandomStream(3)));
        java.util.Set<Integer> distinct = new java.util.HashSet<>();
        for (int i = 0; i < first.length; i++) {
            first[i] = a.choose(req(1, -1, -1), table);
            assertThat(b.choose(req(1, -1, -1), table)).isEqualTo(first[i]);
            distinct.add(first[i]);
        }
        assertThat(distinct.size()).isGreaterThan(10);
    }

    @Test
    void unknownPolicyNamesTheKnownOnes() {
        assertThatThrownBy(() -> PlacementRegistry.create("tetris", ctx))
                .hasMessageContaining("first-fit, next-fit, best-fit, worst-fit, random, zone-balanced");
    }
}
