package io.stratus.placement;

import io.stratus.infra.HostView;
import it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * EC2 placement groups: their rules as a {@link HostFilter}, and the state those rules need.
 *
 * <ul>
 *   <li>{@link Strategy#CLUSTER}: every instance in one zone, packed close together. The first
 *       instance binds the group to its zone and becomes its anchor; later instances are offered
 *       hosts in host order from the anchor (same rack first, then neighbouring racks), wrapping
 *       within the zone. When the zone is full the launch fails with insufficient capacity; it
 *       never spills into another zone. The binding ends when the group empties.</li>
 *   <li>{@link Strategy#SPREAD}: each instance on a distinct rack, and at most
 *       {@link #SPREAD_LIMIT_PER_ZONE} instances of the group per zone.</li>
 *   <li>{@link Strategy#PARTITION}: up to {@link #MAX_PARTITIONS} partitions per zone; a rack
 *       holds instances of at most one partition of the group. A new instance goes to the
 *       partition it asks for ({@link PlacementRequest#partition()}), or else to the partition
 *       of its zone with fewest instances (ties: lowest number), on a rack that partition already
 *       owns or on a rack the group does not use yet.</li>
 * </ul>
 *
 * <p>Assumptions: placements and releases are reported ({@link Placer} does); racks are those of
 * the {@link HostView} (a host table without rack information puts each host on its own rack).
 * Every instance counts from placement to release (EC2 counts running instances; pending ones
 * hold their slot here).
 */
public final class PlacementGroups implements HostFilter {

    /** At most this many instances of a spread group per zone (AWS). */
    public static final int SPREAD_LIMIT_PER_ZONE = 7;

    /** At most this many partitions per zone in a partition group (AWS). */
    public static final int MAX_PARTITIONS = 7;

    /** A zone no host can satisfy: the request conflicts with its group's zone. */
    public static final int NO_ZONE = -2;

    /** The EC2 placement strategies. */
    public enum Strategy {
        CLUSTER, SPREAD, PARTITION
    }

    private final HostView hosts;
    private final List<Group> groups = new ArrayList<>();

    private static final class Group {
        final Strategy strategy;
        final int partitions;
        int members;
        int zone = PlacementRequest.ANY_ZONE;
        int anchor = PlacementPolicy.NO_HOST;
        final int[] perZone;
        final int[] partitionLoad;
        final Int2IntOpenHashMap rackInstances = new Int2IntOpenHashMap();
        final Int2IntOpenHashMap rackPartition = new Int2IntOpenHashMap();

        Group(Strategy strategy, int partitions, int zones) {
            this.strategy = strategy;
            this.partitions = partitions;
            this.perZone = new int[zones];
            this.partitionLoad = new int[zones * Math.max(1, partitions)];
            rackPartition.defaultReturnValue(-1);
        }
    }

    public PlacementGroups(HostView hosts) {
        this.hosts = Objects.requireNonNull(hosts, "hosts");
    }

    /** Creates a cluster or spread group and returns its number. */
    public int create(Strategy strategy) {
        if (strategy == Strategy.PARTITION) {
            throw new IllegalArgumentException("a partition group needs a partition count");
        }
        groups.add(new Group(strategy, 0, hosts.zoneCount()));
        return groups.size() - 1;
    }

    /** Creates a partition group of {@code partitions} partitions per zone (1 to 7). */
    public int createPartitioned(int partitions) {
        if (partitions < 1 || partitions > MAX_PARTITIONS) {
            throw new IllegalArgumentException("a partition group has 1 to " + MAX_PARTITIONS
                    + " partitions per zone, got " + partitions);
        }
        groups.add(new Group(Strategy.PARTITION, partitions, hosts.zoneCount()));
        return groups.size() - 1;
    }

    /** Number of groups created. */
    public int size() {
        return groups.size();
    }

    /** The strategy of a group. */
    public Strategy strategy(int group) {
        return group(group).strategy;
    }

    /** Partitions per zone of a partition group (0 for the other strategies). */
    public int partitions(int group) {
        return group(group).partitions;
    }

    /**
     * Checks that a request's group exists and that the partition it asks for, if any, is one of
     * its group's.
     *
     * @throws IllegalArgumentException otherwise
     */
    public void validate(PlacementRequest request) {
        if (request.group() == PlacementRequest.NO_GROUP) {
            return;
        }
        Group g = group(request.group());
        int p = request.partition();
        if (p != PlacementRequest.ANY_PARTITION && (g.strategy != Strategy.PARTITION || p >= g.partitions)) {
            throw new IllegalArgumentException("placement group " + request.group() + " ("
                    + g.strategy.name().toLowerCase(java.util.Locale.ROOT) + ", " + g.partitions
                    + " partitions) has no partition " + p);
        }
    }

    /** Instances of the group placed and not released. */
    public int members(int group) {
        return group(group).members;
    }

    /**
     * The zone a request must be placed in: its own, or its cluster group's, or {@link #NO_ZONE}
     * if the two disagree.
     */
    public int zoneFor(PlacementRequest request) {
        if (request.group() == PlacementRequest.NO_GROUP) {
            return request.zone();
        }
        Group g = group(request.group());
        if (g.strategy != Strategy.CLUSTER || g.zone == PlacementRequest.ANY_ZONE) {
            return request.zone();
        }
        if (request.zone() != PlacementRequest.ANY_ZONE && request.zone() != g.zone) {
            return NO_ZONE;
        }
        return g.zone;
    }

    /** The host a cluster group packs around, or {@link PlacementPolicy#NO_HOST}. */
    public int clusterAnchor(PlacementRequest request) {
        if (request.group() == PlacementRequest.NO_GROUP) {
            return PlacementPolicy.NO_HOST;
        }
        Group g = group(request.group());
        return g.strategy == Strategy.CLUSTER ? g.anchor : PlacementPolicy.NO_HOST;
    }

    @Override
    public boolean admits(int host, PlacementRequest request) {
        return nextCandidate(host, request) == host;
    }

    /**
     * {@inheritDoc}
     *
     * <p>Every rule here holds for a whole rack or a whole zone: a spread group refuses the rest
     * of the zone once it holds seven instances there, and a rack it uses; a partition group, a
     * rack another partition owns; a cluster group, hosts outside its zone. So a refused host
     * answers the end of its rack ({@link HostView#rackEnd}) or of its zone's run of hosts
     * ({@link HostView#zoneRunEnd}), and the search skips it in one step.
     */
    @Override
    public int nextCandidate(int host, PlacementRequest request) {
        if (request.group() == PlacementRequest.NO_GROUP) {
            return host;
        }
        Group g = group(request.group());
        int zone = hosts.zoneOf(host);
        switch (g.strategy) {
            case CLUSTER:
                return g.zone == PlacementRequest.ANY_ZONE || g.zone == zone ? host : hosts.zoneRunEnd(host);
            case SPREAD:
                if (g.perZone[zone] >= SPREAD_LIMIT_PER_ZONE) {
                    return hosts.zoneRunEnd(host);
                }
                return g.rackInstances.containsKey(hosts.rackOf(host)) ? hosts.rackEnd(host) : host;
            case PARTITION:
                int owner = g.rackPartition.get(hosts.rackOf(host));
                return owner < 0 || owner == targetPartition(g, zone, request) ? host : hosts.rackEnd(host);
            default:
                throw new AssertionError(g.strategy);
        }
    }

    /**
     * The partition a new instance in {@code zone} joins: the one it asks for, else the least
     * loaded, lowest on ties.
     */
    private static int targetPartition(Group g, int zone, PlacementRequest request) {
        if (request.partition() != PlacementRequest.ANY_PARTITION) {
            return request.partition();
        }
        int base = zone * g.partitions;
        int best = 0;
        for (int p = 1; p < g.partitions; p++) {
            if (g.partitionLoad[base + p] < g.partitionLoad[base + best]) {
                best = p;
            }
        }
        return best;
    }

    /** The partition of the group that owns the host's rack, or -1 (for tests and reports). */
    public int partitionOf(int group, int host) {
        return group(group).rackPartition.get(hosts.rackOf(host));
    }

    /** Records that a request of a group was placed on {@code host}. */
    public void placed(int host, PlacementRequest request) {
        if (request.group() == PlacementRequest.NO_GROUP) {
            return;
        }
        if (!admits(host, request)) {
            throw new IllegalStateException("host " + host + " breaks the rules of placement group "
                    + request.group());
        }
        Group g = group(request.group());
        int zone = hosts.zoneOf(host);
        int rack = hosts.rackOf(host);
        if (g.strategy == Strategy.PARTITION) {
            int p = g.rackPartition.get(rack);
            if (p < 0) {
                p = targetPartition(g, zone, request);
                g.rackPartition.put(rack, p);
            }
            g.partitionLoad[zone * g.partitions + p]++;
        }
        if (g.strategy == Strategy.CLUSTER && g.members == 0) {
            g.zone = zone;
            g.anchor = host;
        }
        g.members++;
        g.perZone[zone]++;
        g.rackInstances.addTo(rack, 1);
    }

    /**
     * Moves an instance of the request's group from {@code from} to {@code to} (a live migration)
     * if the group's rules admit it on {@code to} once it has left {@code from}; otherwise nothing
     * changes. The instance keeps its partition (the one that owns {@code from}'s rack), and the
     * group keeps its zone and anchor: a migration is neither a new launch nor a departure.
     *
     * @return whether it moved (always, for a request outside any group)
     */
    public boolean move(int from, int to, PlacementRequest request) {
        if (request.group() == PlacementRequest.NO_GROUP) {
            return true;
        }
        Group g = group(request.group());
        int partition = g.strategy == Strategy.PARTITION ? g.rackPartition.get(hosts.rackOf(from))
                : request.partition();
        PlacementRequest kept = partition == request.partition() ? request
                : new PlacementRequest(request.threads(), request.memoryMib(), request.zone(), request.tenant(),
                        request.tenancy(), request.group(), partition);
        int zone = g.zone;
        int anchor = g.anchor;
        released(from, request);
        boolean ok = admits(to, kept);
        placed(ok ? to : from, kept);
        g.zone = zone;
        g.anchor = anchor;
        return ok;
    }

    /** Records that an instance of a group left {@code host}. */
    public void released(int host, PlacementRequest request) {
        if (request.group() == PlacementRequest.NO_GROUP) {
            return;
        }
        Group g = group(request.group());
        int zone = hosts.zoneOf(host);
        int rack = hosts.rackOf(host);
        int left = g.rackInstances.addTo(rack, -1) - 1;
        if (left < 0) {
            throw new IllegalStateException("placement group " + request.group() + " has no instance on host " + host);
        }
        if (g.strategy == Strategy.PARTITION) {
            g.partitionLoad[zone * g.partitions + g.rackPartition.get(rack)]--;
        }
        if (left == 0) {
            g.rackInstances.remove(rack);
            g.rackPartition.remove(rack);
        }
        g.members--;
        g.perZone[zone]--;
        if (g.members == 0) {
            g.zone = PlacementRequest.ANY_ZONE;
            g.anchor = PlacementPolicy.NO_HOST;
        }
    }

    private Group group(int group) {
        if (group < 0 || group >= groups.size()) {
            throw new IllegalArgumentException("no placement group " + group);
        }
        return groups.get(group);
    }
}
