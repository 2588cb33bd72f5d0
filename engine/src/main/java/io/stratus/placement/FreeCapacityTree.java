package io.stratus.placement;

import io.stratus.infra.HostCapacityListener;
import io.stratus.infra.HostTable;
import java.util.Arrays;

/**
 * An index over hosts' free capacity in host order: per zone, a segment tree over the zone's
 * hosts whose nodes hold the largest free thread count and the largest free memory below them,
 * side by side in one {@code int} array (one cache line serves both; memory in MiB, so hosts
 * of up to 2 PiB).
 *
 * <p>{@link #lowestFitting} finds the lowest-numbered host at or after a given host with both
 * free threads and free memory at least the request's, by climbing from that host's leaf and
 * descending only into subtrees whose maxima are both large enough. A capacity change updates
 * the leaf-to-root path, stopping where a node's maxima do not change. Both are O(log H) when the two maxima of a subtree belong to hosts that
 * fit; they degrade towards O(H) when many subtrees have enough threads on one host and enough
 * memory on another but no host with both (for example, a region where every host is either out
 * of threads or out of memory, with a request that fits none); the answer is still exact.
 *
 * <p>It is kept in step by {@link HostTable}'s capacity listener. Memory: one array of 4·2^k
 * {@code int}s per zone, 2^k the zone's host count rounded up to a power of two.
 */
public final class FreeCapacityTree implements HostCapacityListener {

    private final HostTable table;
    private final ZoneHosts zones;
    // per zone, node i holds max free threads at [2i] and max free memory (MiB) at [2i + 1]
    private int[][] nodes;
    private long[] freeThreadsOfZone;
    private int[] leafThreads = new int[16];

    /** Indexes the table's hosts and follows its capacity changes. */
    public FreeCapacityTree(HostTable table) {
        this.table = table;
        int z = table.zoneCount();
        this.zones = new ZoneHosts(z);
        this.nodes = new int[z][];
        this.freeThreadsOfZone = new long[z];
        for (int i = 0; i < z; i++) {
            nodes[i] = new int[4];
            Arrays.fill(nodes[i], -1);
        }
        table.addCapacityListener(this);
        sync();
    }

    @Override
    public void capacityChanged(int host) {
        if (host >= zones.known()) {
            sync();
            return;
        }
        update(host);
    }

    private void sync() {
        int before = zones.sync(table);
        if (zones.known() > leafThreads.length) {
            leafThreads = Arrays.copyOf(leafThreads, Math.max(zones.known(), leafThreads.length * 2));
        }
        for (int z = 0; z < zones.zones(); z++) {
            int leaves = nodes[z].length / 4;
            if (zones.count(z) > leaves) {
                rebuild(z);
            }
        }
        for (int h = before; h < zones.known(); h++) {
            update(h);
        }
    }

    private void rebuild(int z) {
        int leaves = Integer.highestOneBit(Math.max(1, zones.count(z) - 1)) << 1;
        int[] n = new int[4 * leaves];
        Arrays.fill(n, -1);
        for (int p = 0; p < zones.count(z); p++) {
            int h = zones.host(z, p);
            n[2 * (leaves + p)] = table.freeThreads(h);
            n[2 * (leaves + p) + 1] = memoryOf(h);
        }
        for (int i = leaves - 1; i >= 1; i--) {
            n[2 * i] = Math.max(n[4 * i], n[4 * i + 2]);
            n[2 * i + 1] = Math.max(n[4 * i + 1], n[4 * i + 3]);
        }
        nodes[z] = n;
    }

    private void update(int host) {
        int z = table.zoneOf(host);
        int[] n = nodes[z];
        int ft = table.freeThreads(host);
        freeThreadsOfZone[z] += ft - leafThreads[host];
        leafThreads[host] = ft;
        int i = n.length / 4 + zones.position(host);
        n[2 * i] = ft;
        n[2 * i + 1] = memoryOf(host);
        for (i >>>= 1; i >= 1; i >>>= 1) {
            int t = Math.max(n[4 * i], n[4 * i + 2]);
            int m = Math.max(n[4 * i + 1], n[4 * i + 3]);
            if (t == n[2 * i] && m == n[2 * i + 1]) {
                return; // the maxima above are unchanged too
            }
            n[2 * i] = t;
            n[2 * i + 1] = m;
        }
    }

    /** A host's free memory in MiB as an {@code int} (hosts beyond 2 PiB are refused). */
    private int memoryOf(int host) {
        long m = table.freeMemoryMib(host);
        if (m > Integer.MAX_VALUE) {
            throw new IllegalStateException("host " + host + " has " + m + " MiB free, beyond the index's range");
        }
        return (int) m;
    }

    /** Free threads summed over the hosts of a zone, in O(1). */
    public long freeThreadsInZone(int zone) {
        return freeThreadsOfZone[zone];
    }

    /**
     * The lowest-numbered host numbered {@code >= from} with at least {@code threads} free threads
     * and {@code memoryMib} free memory, in zone {@code zone} or in any zone
     * ({@link PlacementRequest#ANY_ZONE}); {@link PlacementPolicy#NO_HOST} if none.
     */
    public int lowestFitting(int zone, int from, int threads, long memoryMib) {
        if (zone != PlacementRequest.ANY_ZONE) {
            return lowestInZone(zone, from, threads, memoryMib);
        }
        int best = PlacementPolicy.NO_HOST;
        for (int z = 0; z < zones.zones(); z++) {
            int h = lowestInZone(z, from, threads, memoryMib);
            if (h != PlacementPolicy.NO_HOST && (best == PlacementPolicy.NO_HOST || h < best)) {
                best = h;
            }
        }
        return best;
    }

    private int lowestInZone(int z, int from, int threads, long memoryMib) {
        int start = zones.lowerBound(z, Math.max(0, from));
        if (start >= zones.count(z)) {
            return PlacementPolicy.NO_HOST;
        }
        int[] n = nodes[z];
        int leaves = n.length / 4;
        // from the first host, start at the root: the answer is the leftmost fitting leaf
        int i = start == 0 ? 1 : leaves + start;
        while (true) {
            if (n[2 * i] >= threads && n[2 * i + 1] >= memoryMib) {
                if (i >= leaves) {
                    return zones.host(z, i - leaves);
                }
                i = 2 * i;
                continue;
            }
            // nothing fits under i: move to the next subtree to its right
            while ((i & 1) == 1) {
                i >>>= 1;
            }
            if (i == 0) {
                return PlacementPolicy.NO_HOST;
            }
            i++;
        }
    }
}
