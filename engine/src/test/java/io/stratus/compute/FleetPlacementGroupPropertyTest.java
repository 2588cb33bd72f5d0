package io.stratus.compute;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratus.hypervisor.CpuSharing;
import io.stratus.infra.HostSpec;
import io.stratus.infra.HostTable;
import io.stratus.infra.Tenancy;
import io.stratus.infra.Zone;
import io.stratus.placement.NaivePlacement;
import io.stratus.placement.PlacementGroups;
import io.stratus.placement.PlacementPolicy;
import io.stratus.placement.PlacementRequest;
import io.stratus.sim.Simulation;
import io.stratus.sim.Time;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Placement groups through the {@link Fleet}, under random scripts of launches (in a cluster, a
 * spread, a partition group or none; default, dedicated-instance or dedicated-host tenancy),
 * stops, starts, terminations, host failures and waits. After every step, recomputed from scratch
 * over the instances that hold a host: no group rule is broken (cluster: one zone; spread: one
 * instance per rack, at most 7 per zone; partition: no rack holds two partitions of the group, and
 * an instance that asked for a partition got it), each group counts exactly its instances holding
 * a host (stopping and terminating free the slot), no host is over its memory, a dedicated
 * instance never shares a host with another tenant, nothing foreign runs on a Dedicated Host, and
 * every refused launch or start was counted as insufficient capacity. And every launch and start
 * that the policy places (all but host tenancy) lands on the host {@link NaivePlacement}'s scan of
 * every host with the same filters chooses (the random policy excepted: its stream is the
 * fleet's).
 */
class FleetPlacementGroupPropertyTest {

    private static final List<String> TYPES = List.of("m5.large", "m5.xlarge", "c5.xlarge", "r5.large");
    private static final int DEDICATED_HOST = 5;
    private static final int DEDICATED_OWNER = 3;

    private static final class World {
        final Simulation sim = new Simulation(23);
        final HostTable hosts = new HostTable(List.of(new Zone(0, "a"), new Zone(1, "b")));
        final Fleet fleet;
        final PlacementGroups groups;
        final int cluster;
        final int spread;
        final int partition;
        final Map<Integer, Integer> partitionOf = new HashMap<>();
        long refusals;

        final String policy;
        int cursor;

        World(String policy, int hostsPerRack, int partitions) {
            this.policy = policy;
            hosts.addHosts(new HostSpec("h", "m5", 16, 64 * 1024), 0, 24, hostsPerRack);
            hosts.addHosts(new HostSpec("h", "m5", 16, 64 * 1024), 1, 18, hostsPerRack);
            fleet = new Fleet(sim, hosts, policy, new CpuSharing(sim, (i, a, n) -> { }));
            groups = fleet.placementGroups();
            cluster = groups.create(PlacementGroups.Strategy.CLUSTER);
            spread = groups.create(PlacementGroups.Strategy.SPREAD);
            partition = groups.createPartitioned(partitions);
            fleet.allocateDedicatedHost(DEDICATED_HOST, DEDICATED_OWNER);
        }

        void act(int code) {
            int what = code % 10;
            int arg = code / 10;
            int n = fleet.size();
            switch (what) {
                case 0, 1, 2, 3 -> launch(arg);
                case 4 -> {
                    if (n > 0 && fleet.state(arg % n) == InstanceState.RUNNING
                            && fleet.instance(arg % n).spec().ami().root() == RootDevice.EBS) {
                        fleet.stop(arg % n);
                    }
                }
                case 5 -> {
                    if (n > 0 && fleet.state(arg % n) == InstanceState.STOPPED) {
                        Instance stopped = fleet.instance(arg % n);
                        int expected = expect(stopped.spec(), stopped.zone());
                        boolean started = fleet.start(arg % n);
                        check(expected, started ? stopped.host() : PlacementPolicy.NO_HOST);
                        if (started) {
                            record(arg % n);
                        } else {
                            refusals++;
                        }
                    }
                }
                case 6 -> {
                    if (n > 0) {
                        InstanceState s = fleet.state(arg % n);
                        if (s == InstanceState.RUNNING || s == InstanceState.STOPPED) {
                            fleet.terminate(arg % n);
                        }
                    }
                }
                case 7 -> {
                    if (arg % 15 == 0) {
                        fleet.failHost(arg % hosts.hostCount());
                    }
                }
                default -> sim.runUntil(sim.now() + Time.seconds(1 + arg % 90));
            }
        }

        private void launch(int arg) {
            int group = arg % 4 - 1; // -1 none, else cluster, spread, partition
            int askedPartition = PlacementRequest.ANY_PARTITION;
            if (group == partition && arg % 3 == 0) {
                askedPartition = (arg / 3) % groups.partitions(partition);
            }
            LaunchSpec spec = new LaunchSpec(InstanceCatalog.bundled().get(TYPES.get((arg / 4) % TYPES.size())),
                    (arg / 16) % 3 - 1, Time.seconds(arg % 40), Time.seconds(arg % 5));
            int tenancyPick = (arg / 48) % 10;
            if (tenancyPick == 0) {
                spec = spec.onDedicatedHost((arg / 480) % 2 == 0 ? DEDICATED_OWNER : 1, DEDICATED_HOST);
            } else {
                spec = spec.withTenancy((arg / 480) % 4, tenancyPick < 3 ? Tenancy.DEDICATED : Tenancy.DEFAULT);
            }
            spec = spec.inPlacementGroup(group, askedPartition);
            int expected = expect(spec, spec.zone());
            int id = fleet.launch(spec);
            check(expected, id < 0 ? PlacementPolicy.NO_HOST : fleet.instance(id).host());
            if (id < 0) {
                refusals++;
                return;
            }
            record(id);
            if (askedPartition != PlacementRequest.ANY_PARTITION) {
                assertThat(partitionOf.get(id)).as("asked for partition %d", askedPartition).isEqualTo(askedPartition);
            }
        }

        private static final int UNCHECKED = -2;

        /** The naive scan's host for a placement about to be made, or UNCHECKED. */
        private int expect(LaunchSpec spec, int zone) {
            if (spec.tenancy() == Tenancy.HOST || policy.equals("random")) {
                return UNCHECKED;
            }
            PlacementRequest r = new PlacementRequest(spec.type().vcpus(), spec.type().memoryMib(), zone,
                    spec.tenant(), spec.tenancy(), spec.placementGroup(), spec.partition());
            int expected = NaivePlacement.choose(policy, hosts, fleet.occupancy(), groups, r, cursor, null);
            if (expected >= 0 && groups.clusterAnchor(r) == PlacementPolicy.NO_HOST) {
                cursor = expected; // next fit's cursor moves where the walk chose (not on cluster packing)
            }
            return expected;
        }

        private static void check(int expected, int actual) {
            if (expected != UNCHECKED) {
                assertThat(actual).as("the naive scan's host").isEqualTo(expected);
            }
        }

        /** Notes the partition an instance of the partition group got where it was just placed. */
        private void record(int id) {
            Instance inst = fleet.instance(id);
            if (inst.spec().placementGroup() == partition) {
                int p = groups.partitionOf(partition, inst.host());
                assertThat(p).isBetween(0, groups.partitions(partition) - 1);
                partitionOf.put(id, p);
            }
        }

        void check() {
            Set<Integer> clusterZones = new HashSet<>();
            Set<Integer> spreadRacks = new HashSet<>();
            int[] spreadPerZone = new int[hosts.zoneCount()];
            Map<Integer, Integer> rackPartition = new HashMap<>();
            int[] members = new int[groups.size()];
            long[] memory = new long[hosts.hostCount()];
            Map<Integer, Set<Integer>> tenantsOn = new HashMap<>();
            Set<Integer> dedicatedOn = new HashSet<>();
            for (int i = 0; i < fleet.size(); i++) {
                if (fleet.state(i) == InstanceState.TERMINATED) {
                    continue; // forgotten by the fleet
                }
                Instance inst = fleet.instance(i);
                int h = inst.host();
                if (h < 0) {
                    continue;
                }
                int zone = hosts.zoneOf(h);
                int rack = hosts.rackOf(h);
                int g = inst.spec().placementGroup();
                memory[h] += inst.type().memoryMib();
                tenantsOn.computeIfAbsent(h, x -> new HashSet<>()).add(inst.tenant());
                if (inst.spec().tenancy() == Tenancy.DEDICATED) {
                    dedicatedOn.add(h);
                }
                if (h == DEDICATED_HOST) {
                    assertThat(inst.spec().tenancy() == Tenancy.HOST && inst.tenant() == DEDICATED_OWNER)
                            .as("only the owner's host-tenancy instances on the Dedicated Host").isTrue();
                } else {
                    assertThat(inst.spec().tenancy()).isNotEqualTo(Tenancy.HOST);
                }
                if (g == PlacementRequest.NO_GROUP) {
                    continue;
                }
                members[g]++;
                if (g == cluster) {
                    clusterZones.add(zone);
                } else if (g == spread) {
                    assertThat(spreadRacks.add(rack)).as("spread: rack %d holds two instances", rack).isTrue();
                    spreadPerZone[zone]++;
                } else {
                    int p = partitionOf.get(i);
                    Integer before = rackPartition.putIfAbsent(rack, p);
                    assertThat(before).as("partition: rack %d holds partitions %s and %d", rack, before, p)
                            .isIn(null, p);
                }
            }
            assertThat(clusterZones).as("cluster: one zone").hasSizeLessThanOrEqualTo(1);
            for (int z = 0; z < spreadPerZone.length; z++) {
                assertThat(spreadPerZone[z]).as("spread: at most 7 in zone %d", z)
                        .isLessThanOrEqualTo(PlacementGroups.SPREAD_LIMIT_PER_ZONE);
            }
            for (int g = 0; g < members.length; g++) {
                assertThat(groups.members(g)).as("slots held in group %d", g).isEqualTo(members[g]);
            }
            for (int h = 0; h < memory.length; h++) {
                assertThat(memory[h]).isLessThanOrEqualTo(hosts.spec(h).physicalMemoryMib());
            }
            for (int h : dedicatedOn) {
                assertThat(tenantsOn.get(h)).as("dedicated instance on host %d shares it", h).hasSize(1);
            }
            assertThat(fleet.insufficientCapacity()).isEqualTo(refusals);
            assertThat(fleet.refusedByGroupRules()).isBetween(0L, refusals);
        }
    }

    @Property(seed = "2026", tries = 120)
    void groupRulesTenancyAndMemoryHoldAfterEveryStep(
            @ForAll @IntRange(min = 0, max = 5) int policyIndex,
            @ForAll @IntRange(min = 1, max = 4) int hostsPerRack,
            @ForAll @IntRange(min = 1, max = 7) int partitions,
            @ForAll @Size(min = 20, max = 250) List<@IntRange(min = 0, max = 99_999) Integer> script) {
        String policy = List.copyOf(io.stratus.placement.PlacementRegistry.names()).get(policyIndex);
        World w = new World(policy, hostsPerRack, partitions);
        for (int code : script) {
            w.act(code);
            w.check();
        }
    }
}
