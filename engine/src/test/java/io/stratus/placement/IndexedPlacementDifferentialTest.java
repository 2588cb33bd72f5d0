package io.stratus.placement;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratus.infra.HostSpec;
import io.stratus.infra.HostTable;
import io.stratus.infra.Tenancy;
import io.stratus.infra.Zone;
import io.stratus.sim.RandomStream;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Differential test: each indexed policy against a naive linear scan written from its definition,
 * under a seeded random mix of placements and releases over hosts of three shapes in three zones
 * (shapes chosen so that some hosts run out of memory first and others out of threads).
 *
 * <p>With placement groups and tenancy ({@link #withGroupsAndTenancy}): every registry policy,
 * through a {@link Placer}, against {@link NaivePlacement}'s scan with the same filters, under
 * requests in cluster, spread and partition groups (asked partition or not) or none, of several
 * tenants with default or dedicated tenancy, over racks of 1 to 6 hosts in interleaved zones and
 * a few failed hosts: the indexed search, which skips refused racks and zones in one step, must
 * choose exactly the host the scan of every host chooses.
 */
class IndexedPlacementDifferentialTest {

    private static final int[][] SIZES = {{2, 4096}, {2, 8192}, {4, 16384}, {8, 32768}, {1, 30000}, {16, 2048}};

    /** The naive choice of a policy over the table. */
    private interface Oracle {
        int choose(HostTable t, PlacementRequest r, int cursor);
    }

    private static boolean ok(HostTable t, int h, PlacementRequest r) {
        return r.allowsZone(t.zoneOf(h)) && t.fits(h, r.threads(), r.memoryMib());
    }

    private static int firstFit(HostTable t, PlacementRequest r, int cursor) {
        for (int h = 0; h < t.hostCount(); h++) {
            if (ok(t, h, r)) {
                return h;
            }
        }
        return -1;
    }

    private static int nextFit(HostTable t, PlacementRequest r, int cursor) {
        int n = t.hostCount();
        for (int i = 0; i < n; i++) {
            int h = (cursor + i) % n;
            if (ok(t, h, r)) {
                return h;
            }
        }
        return -1;
    }

    private static int bestFit(HostTable t, PlacementRequest r, int cursor) {
        int best = -1;
        for (int h = 0; h < t.hostCount(); h++) {
            if (ok(t, h, r) && (best < 0 || t.freeThreads(h) < t.freeThreads(best))) {
                best = h;
            }
        }
        return best;
    }

    private static int worstFit(HostTable t, PlacementRequest r, int cursor) {
        int best = -1;
        for (int h = 0; h < t.hostCount(); h++) {
            if (ok(t, h, r) && (best < 0 || t.freeThreads(h) > t.freeThreads(best))) {
                best = h;
            }
        }
        return best;
    }

    private static Oracle oracle(String name) {
        switch (name) {
            case "first-fit":
                return IndexedPlacementDifferentialTest::firstFit;
            case "next-fit":
                return IndexedPlacementDifferentialTest::nextFit;
            case "best-fit":
                return IndexedPlacementDifferentialTest::bestFit;
            case "worst-fit":
                return IndexedPlacementDifferentialTest::worstFit;
            default:
                throw new IllegalArgumentException(name);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"first-fit", "next-fit", "best-fit", "worst-fit"})
    void choosesTheSameHostAsANaiveScan(String policy) {
        for (long seed = 1; seed <= 12; seed++) {
            run(policy, seed, 6_000);
        }
    }

    private static void run(String policyName, long seed, int operations) {
        SplittableRandom rnd = new SplittableRandom(seed);
        HostTable table = new HostTable(List.of(new Zone(0, "a"), new Zone(1, "b"), new Zone(2, "c")));
        PlacementContext ctx = PlacementContext.of(table, new RandomStream(seed));
        PlacementPolicy policy = PlacementRegistry.create(policyName, ctx);
        Oracle oracle = oracle(policyName);
        // hosts arrive in several batches, some after the policy exists, interleaving zones
        HostSpec[] shapes = {new HostSpec("a", "x", 32, 128 * 1024), new HostSpec("b", "x", 16, 200 * 1024),
            new HostSpec("c", "x", 48, 64 * 1024)};
        for (int i = 0; i < 4; i++) {
            table.addHosts(shapes[rnd.nextInt(3)], rnd.nextInt(3), 1 + rnd.nextInt(12), 1 + rnd.nextInt(4));
        }
        List<int[]> live = new ArrayList<>();
        int cursor = 0;
        for (int op = 0; op < operations; op++) {
            if (op == operations / 2) {
                table.addHosts(shapes[rnd.nextInt(3)], rnd.nextInt(3), 1 + rnd.nextInt(20), 3);
            }
            if (rnd.nextInt(100) < 55 || live.isEmpty()) {
                int[] size = SIZES[rnd.nextInt(SIZES.length)];
                int zone = rnd.nextInt(4) - 1;
                PlacementRequest r = new PlacementRequest(size[0], size[1], zone);
                int expected = oracle.choose(table, r, cursor);
                int actual = policy.choose(r, table);
                assertThat(actual).as("%s seed %d op %d request %s", policyName, seed, op, r).isEqualTo(expected);
                if (actual >= 0) {
                    table.reserve(actual, r.threads(), r.memoryMib());
                    live.add(new int[] {actual, r.threads(), r.memoryMib() > Integer.MAX_VALUE ? -1 : (int) r.memoryMib()});
                    cursor = actual;
                }
            } else {
                int[] v = live.remove(rnd.nextInt(live.size()));
                table.release(v[0], v[1], v[2]);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"first-fit", "next-fit", "best-fit", "worst-fit", "random", "zone-balanced"})
    void withGroupsAndTenancy(String policy) {
        for (long seed = 1; seed <= 10; seed++) {
            runWithGroups(policy, seed, 3_000);
        }
    }

    private static void runWithGroups(String policyName, long seed, int operations) {
        SplittableRandom rnd = new SplittableRandom(seed);
        HostTable table = new HostTable(List.of(new Zone(0, "a"), new Zone(1, "b"), new Zone(2, "c")));
        HostSpec[] shapes = {new HostSpec("a", "x", 32, 128 * 1024), new HostSpec("b", "x", 16, 200 * 1024),
            new HostSpec("c", "x", 48, 64 * 1024)};
        for (int i = 0; i < 6; i++) {
            table.addHosts(shapes[rnd.nextInt(3)], rnd.nextInt(3), 1 + rnd.nextInt(24), 1 + rnd.nextInt(6));
        }
        HostOccupancy occupancy = new HostOccupancy();
        PlacementGroups groups = new PlacementGroups(table);
        PlacementContext ctx = new PlacementContext(table, occupancy, groups, new RandomStream(seed));
        RandomStream oracleRandom = new RandomStream(seed);
        Placer placer = new Placer(ctx, PlacementRegistry.create(policyName, ctx));
        int[] group = {PlacementRequest.NO_GROUP, groups.create(PlacementGroups.Strategy.CLUSTER),
            groups.create(PlacementGroups.Strategy.CLUSTER), groups.create(PlacementGroups.Strategy.SPREAD),
            groups.create(PlacementGroups.Strategy.SPREAD), groups.createPartitioned(1 + rnd.nextInt(7)),
            groups.createPartitioned(PlacementGroups.MAX_PARTITIONS)};
        occupancy.markFailed(rnd.nextInt(table.hostCount()));
        List<Object[]> live = new ArrayList<>();
        int cursor = 0;
        for (int op = 0; op < operations; op++) {
            if (op == operations / 2) {
                table.addHosts(shapes[rnd.nextInt(3)], rnd.nextInt(3), 1 + rnd.nextInt(30), 1 + rnd.nextInt(5));
                occupancy.markFailed(rnd.nextInt(table.hostCount()));
            }
            if (rnd.nextInt(100) < 55 || live.isEmpty()) {
                int[] size = SIZES[rnd.nextInt(SIZES.length)];
                int g = group[rnd.nextInt(group.length)];
                int partition = g != PlacementRequest.NO_GROUP && groups.strategy(g) == PlacementGroups.Strategy.PARTITION
                        && rnd.nextInt(3) == 0 ? rnd.nextInt(groups.partitions(g)) : PlacementRequest.ANY_PARTITION;
                PlacementRequest r = new PlacementRequest(size[0], size[1], rnd.nextInt(4) - 1, rnd.nextInt(3),
                        rnd.nextInt(8) == 0 ? Tenancy.DEDICATED : Tenancy.DEFAULT, g, partition);
                boolean packed = groups.clusterAnchor(r) != PlacementPolicy.NO_HOST; // next fit's cursor stays
                int expected = NaivePlacement.choose(policyName, table, occupancy, groups, r, cursor, oracleRandom);
                int actual = placer.place(r);
                assertThat(actual).as("%s seed %d op %d request %s", policyName, seed, op, r).isEqualTo(expected);
                if (actual >= 0) {
                    live.add(new Object[] {actual, r});
                    if (!packed) {
                        cursor = actual;
                    }
                }
            } else {
                Object[] v = live.remove(rnd.nextInt(live.size()));
                placer.release((Integer) v[0], (PlacementRequest) v[1]);
            }
        }
    }
}
