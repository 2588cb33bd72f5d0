package io.stratus.placement;

import io.stratus.infra.HostCapacityListener;
import io.stratus.infra.HostTable;
import java.util.Arrays;

/**
 * An index over hosts' free capacity in host order: per zone, a segment tree over the zone's
 * hosts whose nodes hold the largest free thread count and the largest free memory below them.
 *
 * <p>{@link #lowestFitting} finds the lowest-numbered host at or after a given host with both
 * free threads and free memory at least the request's, by climbing from that host's leaf and
 * descending only into subtrees whose maxima are both large enough. A capacity change updates
 * one leaf-to-root path. Both are O(log H) when the two maxima of a subtree belong to hosts that
 * fit; they degrade towards O(H) when many subtrees have enough threads on one host and enough
 * memory on another but no host with both (for example, a region where every host is either out
 * of threads or out of memory, with a request that fits none); the answer is still exact.
 *
 * <p>It is kept in step by {@link HostTable}'s capacity listener. Memory: two arrays of 2·2^k
 * entries per zone, 2^k the zone's host count rounded up to a power of two.
 */
public final class FreeCapacityTree implements HostCapacityListener {

    private final HostTable table;
    private final ZoneHosts zones;
    private int[][] maxThreads;
    private long[][] maxMemory;
    private long[] freeThreadsOfZone;
    private int[] leafThreads = new int[16];

    /** Indexes the table's hosts and follows its capacity changes. */
    public FreeCapacityTree(HostTable table) {
        this.table = table;
        int z = table.zoneCount();
        this.zones = new ZoneHosts(z);
        this.maxThreads = new int[z][];
        this.maxMemory = new long[z][];
        this.freeThreadsOfZone = new long[z];
        for (int i = 0; i < z; i++) {
            maxThreads[i] = new int[2];
            maxMemory[i] = new long[2];
            Arrays.fill(maxThreads[i], -1);
            Arrays.fill(maxMemory[i], -1);
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
            int leaves = maxThreads[z].length / 2;
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
        maxThreads[z] = new int[2 * leaves];
        maxMemory[z] = new long[2 * leaves];
        Arrays.fill(maxThreads[z], -1);
        Arrays.fill(maxMemory[z], -1);
        for (int p = 0; p < zones.count(z); p++) {
            int h = zones.host(z, p);
            if (h < table.hostCount()) {
                maxThreads[z][leaves + p] = table.freeThreads(h);
                maxMemory[z][leaves + p] = table.freeMemoryMib(h);
            }
        }
        for (int i = leaves - 1; i >= 1; i--) {
            maxThreads[z][i] = Math.max(maxThreads[z][2 * i], maxThreads[z][2 * i + 1]);
            maxMemory[z][i] = Math.max(maxMemory[z][2 * i], maxMemory[z][2 * i + 1]);
        }
    }

    private void update(int host) {
        int z = table.zoneOf(host);
        int[] t = maxThreads[z];
        long[] m = maxMemory[z];
        int ft = table.freeThreads(host);
        freeThreadsOfZone[z] += ft - leafThreads[host];
        leafThreads[host] = ft;
        int i = t.length / 2 + zones.position(host);
        t[i] = ft;
        m[i] = table.freeMemoryMib(host);
        for (i >>>= 1; i >= 1; i >>>= 1) {
            t[i] = Math.max(t[2 * i], t[2 * i + 1]);
            m[i] = Math.max(m[2 * i], m[2 * i + 1]);
        }
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
        int[] t = maxThreads[z];
        long[] m = maxMemory[z];
        int leaves = t.length / 2;
        int i = leaves + start;
        while (true) {
            if (t[i] >= threads && m[i] >= memoryMib) {
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
