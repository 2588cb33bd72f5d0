package io.stratus.placement;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratus.infra.HostSpec;
import io.stratus.infra.HostTable;
import io.stratus.infra.Tenancy;
import io.stratus.infra.Zone;
import io.stratus.sim.RandomStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * Properties of placement groups and tenancy under random launches and releases through the
 * {@link Placer}, for every policy: after every step, checked from scratch against the live
 * instances, no rule is ever broken (cluster: one zone; spread: distinct racks, at most 7 per
 * zone; partition: no rack shared by two partitions of a group; tenancy: no Dedicated Instance
 * shares a host with another account, nothing foreign on a Dedicated Host). And every placement
 * chooses exactly the host {@link NaivePlacement}'s scan of every host with the same filters
 * chooses (the indexed search skips refused racks and zones; the scan does not).
 */
class PlacementGroupPropertyTest {

    private record Live(int host, PlacementRequest request, int partition) {
    }

    @Property(tries = 60, seed = "42")
    void groupAndTenancyRulesAreNeverBroken(@ForAll @LongRange(min = 1, max = 1_000_000) long seed,
            @ForAll @IntRange(min = 0, max = 5) int policyIndex,
            @ForAll @IntRange(min = 1, max = 6) int hostsPerRack) {
        String policyName = new ArrayList<>(PlacementRegistry.names()).get(policyIndex);
        SplittableRandom rnd = new SplittableRandom(seed);
        HostTable table = new HostTable(List.of(new Zone(0, "a"), new Zone(1, "b")));
        table.addHosts(new HostSpec("h", "x", 16, 64 * 1024), 0, 24, hostsPerRack);
        table.addHosts(new HostSpec("h", "x", 16, 64 * 1024), 1, 18, hostsPerRack);
        HostOccupancy tenancy = new HostOccupancy();
        PlacementGroups groups = new PlacementGroups(table);
        PlacementContext ctx = new PlacementContext(table, tenancy, groups, new RandomStream(seed));
        Placer placer = new Placer(ctx, PlacementRegistry.create(policyName, ctx));
        RandomStream oracleRandom = new RandomStream(seed);
        int cursor = 0;
        int cluster = groups.create(PlacementGroups.Strategy.CLUSTER);
        int spread = groups.create(PlacementGroups.Strategy.SPREAD);
        int partition = groups.createPartitioned(1 + rnd.nextInt(7));
        tenancy.allocateHost(5, 3);
        tenancy.allocateHost(30, 2);
        List<Live> live = new ArrayList<>();
        for (int op = 0; op < 400; op++) {
            if (rnd.nextInt(100) < 60 || live.isEmpty()) {
                int group = rnd.nextInt(5) - 1;
                if (group > partition) {
                    group = PlacementRequest.NO_GROUP;
                }
                Tenancy t = Tenancy.values()[rnd.nextInt(10) < 7 ? 0 : 1 + rnd.nextInt(2)];
                PlacementRequest r = new PlacementRequest(1 + rnd.nextInt(4), 1024L * (1 + rnd.nextInt(16)),
                        rnd.nextInt(3) - 1, rnd.nextInt(4), t, group);
                boolean packed = groups.clusterAnchor(r) != PlacementPolicy.NO_HOST;
                int expected = NaivePlacement.placerChoice(policyName, table, tenancy, groups, r, cursor,
                        oracleRandom);
                int host = placer.place(r);
                assertThat(host).as("%s op %d %s: the naive scan's host", policyName, op, r).isEqualTo(expected);
                if (host >= 0 && !packed && t != Tenancy.HOST) { // the policy was not asked for a Dedicated Host
                    cursor = host;
                }
                if (host >= 0) {
                    int p = group == partition ? groups.partitionOf(partition, host) : -1;
                    if (group == partition) {
                        assertThat(p).isBetween(0, PlacementGroups.MAX_PARTITIONS - 1);
                    }
                    live.add(new Live(host, r, p));
                }
            } else {
                Live l = live.remove(rnd.nextInt(live.size()));
                placer.release(l.host(), l.request());
            }
            check(table, live, cluster, spread, partition);
        }
    }

    private static void check(HostTable table, List<Live> live, int cluster, int spread, int partition) {
        Set<Integer> clusterZones = new HashSet<>();
        Map<Integer, Integer> spreadRacks = new HashMap<>();
        int[] spreadPerZone = new int[table.zoneCount()];
        Map<Integer, Integer> partitionOfRack = new HashMap<>();
        Map<Integer, Set<Integer>> tenantsOnHost = new HashMap<>();
        Set<Integer> dedicatedHosts = new HashSet<>();
        for (Live l : live) {
            int zone = table.zoneOf(l.host());
            int rack = table.rackOf(l.host());
            PlacementRequest r = l.request();
            assertThat(r.allowsZone(zone)).isTrue();
            if (r.group() == cluster) {
                clusterZones.add(zone);
            } else if (r.group() == spread) {
                assertThat(spreadRacks.merge(rack, 1, Integer::sum)).as("spread: one instance per rack").isEqualTo(1);
                spreadPerZone[zone]++;
            }
            tenantsOnHost.computeIfAbsent(l.host(), h -> new HashSet<>()).add(r.tenant());
            if (r.tenancy() == Tenancy.DEDICATED) {
                dedicatedHosts.add(l.host());
            }
            if (r.tenancy() == Tenancy.HOST) {
                assertThat(l.host() == 5 && r.tenant() == 3 || l.host() == 30 && r.tenant() == 2)
                        .as("host tenancy only on the account's Dedicated Host").isTrue();
            } else {
                assertThat(l.host()).as("nothing else on a Dedicated Host").isNotIn(5, 30);
            }
        }
        assertThat(clusterZones).as("cluster: one zone").hasSizeLessThanOrEqualTo(1);
        for (int z = 0; z < spreadPerZone.length; z++) {
            assertThat(spreadPerZone[z]).as("spread: at most 7 per zone").isLessThanOrEqualTo(7);
        }
        for (int h : dedicatedHosts) {
            assertThat(tenantsOnHost.get(h)).as("dedicated instance host %d has one account", h).hasSize(1);
        }
        for (Live l : live) {
            if (l.request().group() == partition) {
                int rack = table.rackOf(l.host());
                Integer before = partitionOfRack.putIfAbsent(rack, l.partition());
                assertThat(before).as("partition: rack %d shared by two partitions", rack).isIn(null, l.partition());
            }
        }
    }
}
