package io.stratus.placement;

import io.stratus.infra.HostCapacityListener;
import io.stratus.infra.HostTable;
import java.util.Arrays;

/**
 * An index of hosts by free thread count: per zone and per count {@code t}, the set of hosts with
 * exactly {@code t} free threads, as a {@link LevelBitSet} over the zone's hosts in host order.
 *
 * <p>It offers hosts ordered by free threads, ascending ({@link Direction#FULLEST_FIRST}, best
 * fit) or descending ({@link Direction#EMPTIEST_FIRST}, worst fit), and by host number within a
 * count; a host is offered only if it has the request's threads and memory. A capacity change
 * moves a host between two sets: a few word operations. A query visits the counts from the
 * request's threads up (or from the largest down), skipping empty counts with one comparison each
 * (so O(T) comparisons, T the largest thread count, 33 for 32-thread hosts), and within a count
 * takes hosts in host order at about three words each. It degrades when many hosts have enough
 * threads but not enough memory for the request: each is read and skipped (a region short of
 * memory rather than threads; the answer stays exact).
 *
 * <p>Memory: (T + 1) bit sets of one bit per host per zone, 4 KiB per thousand hosts at T = 32.
 * Kept in step by {@link HostTable}'s capacity listener.
 */
public final class FreeThreadBuckets implements HostCapacityListener {

    /** The order in which hosts are offered. */
    public enum Direction {
        /** Fewest free threads first, then lowest host number (best fit). */
        FULLEST_FIRST,
        /** Most free threads first, then lowest host number (worst fit). */
        EMPTIEST_FIRST
    }

    private final HostTable table;
    private final boolean descending;
    private final ZoneHosts zones;
    private LevelBitSet[][] buckets;
    private int[][] bucketSize;
    private int[] threadsOf = new int[16];
    private int maxThreads;

    /** Indexes the table's hosts in {@code direction} order and follows their capacity changes. */
    public FreeThreadBuckets(HostTable table, Direction direction) {
        this.table = table;
        this.descending = direction == Direction.EMPTIEST_FIRST;
        this.zones = new ZoneHosts(table.zoneCount());
        this.buckets = new LevelBitSet[table.zoneCount()][0];
        this.bucketSize = new int[table.zoneCount()][0];
        table.addCapacityListener(this);
        sync();
    }

    @Override
    public void capacityChanged(int host) {
        if (host >= zones.known()) {
            sync();
            return;
        }
        int t = table.freeThreads(host);
        int old = threadsOf[host];
        if (t != old) {
            int z = table.zoneOf(host);
            int p = zones.position(host);
            buckets[z][old].remove(p);
            bucketSize[z][old]--;
            buckets[z][t].add(p);
            bucketSize[z][t]++;
            threadsOf[host] = t;
        }
    }

    private void sync() {
        int before = zones.sync(table);
        int n = zones.known();
        if (n > threadsOf.length) {
            threadsOf = Arrays.copyOf(threadsOf, Math.max(n, threadsOf.length * 2));
        }
        int needed = maxThreads;
        for (int h = before; h < n; h++) {
            needed = Math.max(needed, table.spec(h).threads());
        }
        boolean rebuild = needed != maxThreads || buckets[0].length == 0;
        for (int z = 0; z < zones.zones() && !rebuild; z++) {
            rebuild = zones.count(z) > buckets[z][0].capacity();
        }
        if (rebuild) {
            maxThreads = needed;
            for (int z = 0; z < zones.zones(); z++) {
                int capacity = Math.max(64, Integer.highestOneBit(Math.max(1, zones.count(z))) << 1);
                buckets[z] = new LevelBitSet[maxThreads + 1];
                bucketSize[z] = new int[maxThreads + 1];
                for (int t = 0; t <= maxThreads; t++) {
                    buckets[z][t] = new LevelBitSet(capacity);
                }
            }
            before = 0;
        }
        for (int h = before; h < n; h++) {
            int t = table.freeThreads(h);
            int z = table.zoneOf(h);
            buckets[z][t].add(zones.position(h));
            bucketSize[z][t]++;
            threadsOf[h] = t;
        }
    }

    /** The first host in this order, in zone {@code zone} (or any), with room for the request. */
    public int first(int zone, int needThreads, long needMemory) {
        return search(zone, descending ? maxThreads : needThreads, 0, needThreads, needMemory);
    }

    /**
     * The first host after {@code host} in this order, in zone {@code zone} (or any), with room,
     * leaving out the hosts with {@code host}'s free threads numbered below {@code resume}
     * ({@code resume > host}: a search skipping a run of hosts its filters refuse). Hosts of that
     * run with other free-thread counts are still offered (and refused again, one run per count).
     */
    public int after(int zone, int host, int resume, int needThreads, long needMemory) {
        return search(zone, threadsOf[host], resume, needThreads, needMemory);
    }

    private int search(int zone, int fromThreads, int fromHost, int needThreads, long needMemory) {
        if (zone != PlacementRequest.ANY_ZONE) {
            return searchZone(zone, fromThreads, fromHost, needThreads, needMemory);
        }
        int best = PlacementPolicy.NO_HOST;
        for (int z = 0; z < zones.zones(); z++) {
            int h = searchZone(z, fromThreads, fromHost, needThreads, needMemory);
            if (h != PlacementPolicy.NO_HOST && (best == PlacementPolicy.NO_HOST || precedes(h, best))) {
                best = h;
            }
        }
        return best;
    }

    private boolean precedes(int a, int b) {
        int ta = threadsOf[a];
        int tb = threadsOf[b];
        if (ta != tb) {
            return descending ? ta > tb : ta < tb;
        }
        return a < b;
    }

    private int searchZone(int z, int fromThreads, int fromHost, int needThreads, long needMemory) {
        LevelBitSet[] sets = buckets[z];
        int[] sizes = bucketSize[z];
        int step = descending ? -1 : 1;
        int firstPosition = zones.lowerBound(z, fromHost);
        for (int t = Math.max(fromThreads, needThreads); t >= needThreads && t <= maxThreads; t += step) {
            if (sizes[t] == 0) {
                continue;
            }
            LevelBitSet set = sets[t];
            for (int p = set.next(t == fromThreads ? firstPosition : 0); p >= 0; p = set.next(p + 1)) {
                int h = zones.host(z, p);
                if (table.freeMemoryMib(h) >= needMemory) {
                    return h;
                }
            }
        }
        return PlacementPolicy.NO_HOST;
    }
}
