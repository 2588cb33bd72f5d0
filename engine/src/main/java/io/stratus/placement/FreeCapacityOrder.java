package io.stratus.placement;

import io.stratus.infra.HostCapacityListener;
import io.stratus.infra.HostTable;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * An index of hosts ordered by free capacity: per zone, a treap (a binary search tree balanced
 * by random priorities) over parallel primitive arrays, one node per host, ordered by
 * (free threads, free memory, host number), ascending ({@link Direction#FULLEST_FIRST}) or with
 * the two capacities descending ({@link Direction#EMPTIEST_FIRST}) and the host number still
 * ascending. Each node also holds the largest free threads and free memory in its subtree.
 *
 * <p>{@link #first} and {@link #after} return the first host in that order, from a point on,
 * whose free threads and memory both reach the request's, descending only into subtrees whose
 * maxima are both large enough. A capacity change removes the host's node and reinserts it with
 * its new key. Expected cost O(log H) per query and update, with no allocation (the node of a
 * host is its number; priorities come from a fixed seed, so the shape is deterministic). Queries
 * degrade towards O(H) when many hosts have enough threads but not enough memory (or the other
 * way round) and sort before the answer: the search must visit them to rule them out.
 *
 * <p>Key layout: free threads (below 2^23) in the high bits and free memory in MiB (below 2^40,
 * one exbibyte) in the low 40 bits of one {@code long}, so one comparison orders two capacities.
 */
public final class FreeCapacityOrder implements HostCapacityListener {

    /** The order in which hosts are offered. */
    public enum Direction {
        /** Fewest free threads first, then least free memory, then lowest host number (best fit). */
        FULLEST_FIRST,
        /** Most free threads first, then most free memory, then lowest host number (worst fit). */
        EMPTIEST_FIRST
    }

    private static final int MEMORY_BITS = 40;
    private static final long MEMORY_MASK = (1L << MEMORY_BITS) - 1;
    private static final int MAX_THREADS = (1 << 23) - 1;
    private static final int NONE = -1;

    private final HostTable table;
    private final boolean descending;
    private final ZoneHosts zones;
    private final SplittableRandom priorities = new SplittableRandom(0x5eed_0f_7ea9L);
    private final int[] root;
    private int[] left = new int[0];
    private int[] right = new int[0];
    private int[] priority = new int[0];
    private long[] key = new long[0];
    private int[] threads = new int[0];
    private long[] memory = new long[0];
    private int[] subMaxThreads = new int[0];
    private long[] subMaxMemory = new long[0];
    private int splitLeft;
    private int splitRight;

    /** Indexes the table's hosts in {@code direction} order and follows their capacity changes. */
    public FreeCapacityOrder(HostTable table, Direction direction) {
        this.table = table;
        this.descending = direction == Direction.EMPTIEST_FIRST;
        this.zones = new ZoneHosts(table.zoneCount());
        this.root = new int[table.zoneCount()];
        Arrays.fill(root, NONE);
        table.addCapacityListener(this);
        sync();
    }

    @Override
    public void capacityChanged(int host) {
        if (host >= zones.known()) {
            sync();
            return;
        }
        int z = table.zoneOf(host);
        root[z] = remove(root[z], host);
        insertFresh(z, host);
    }

    private void sync() {
        int before = zones.sync(table);
        int n = zones.known();
        if (n > left.length) {
            int c = Math.max(n, left.length * 2);
            left = Arrays.copyOf(left, c);
            right = Arrays.copyOf(right, c);
            priority = Arrays.copyOf(priority, c);
            key = Arrays.copyOf(key, c);
            threads = Arrays.copyOf(threads, c);
            memory = Arrays.copyOf(memory, c);
            subMaxThreads = Arrays.copyOf(subMaxThreads, c);
            subMaxMemory = Arrays.copyOf(subMaxMemory, c);
        }
        for (int h = before; h < n; h++) {
            priority[h] = priorities.nextInt();
            insertFresh(table.zoneOf(h), h);
        }
    }

    private void insertFresh(int z, int h) {
        int t = table.freeThreads(h);
        long m = table.freeMemoryMib(h);
        if (t > MAX_THREADS || m > MEMORY_MASK) {
            throw new IllegalStateException("host " + h + " is beyond the index's key range");
        }
        threads[h] = t;
        memory[h] = m;
        key[h] = descending ? ((long) (MAX_THREADS - t) << MEMORY_BITS) | (MEMORY_MASK - m)
                : ((long) t << MEMORY_BITS) | m;
        left[h] = NONE;
        right[h] = NONE;
        subMaxThreads[h] = t;
        subMaxMemory[h] = m;
        root[z] = insert(root[z], h);
    }

    private boolean before(int a, long keyB, int hostB) {
        return key[a] < keyB || (key[a] == keyB && a < hostB);
    }

    private void pull(int n) {
        int t = threads[n];
        long m = memory[n];
        int l = left[n];
        int r = right[n];
        if (l != NONE) {
            t = Math.max(t, subMaxThreads[l]);
            m = Math.max(m, subMaxMemory[l]);
        }
        if (r != NONE) {
            t = Math.max(t, subMaxThreads[r]);
            m = Math.max(m, subMaxMemory[r]);
        }
        subMaxThreads[n] = t;
        subMaxMemory[n] = m;
    }

    private int insert(int t, int n) {
        if (t == NONE) {
            return n;
        }
        if (priority[n] > priority[t]) {
            split(t, key[n], n);
            left[n] = splitLeft;
            right[n] = splitRight;
            pull(n);
            return n;
        }
        if (before(n, key[t], t)) {
            left[t] = insert(left[t], n);
        } else {
            right[t] = insert(right[t], n);
        }
        pull(t);
        return t;
    }

    /** Splits {@code t} into nodes before (key, host) and the rest, into splitLeft and splitRight. */
    private void split(int t, long k, int host) {
        if (t == NONE) {
            splitLeft = NONE;
            splitRight = NONE;
            return;
        }
        if (before(t, k, host)) {
            split(right[t], k, host);
            right[t] = splitLeft;
            pull(t);
            splitLeft = t;
        } else {
            split(left[t], k, host);
            left[t] = splitRight;
            pull(t);
            splitRight = t;
        }
    }

    private int merge(int a, int b) {
        if (a == NONE) {
            return b;
        }
        if (b == NONE) {
            return a;
        }
        if (priority[a] > priority[b]) {
            right[a] = merge(right[a], b);
            pull(a);
            return a;
        }
        left[b] = merge(a, left[b]);
        pull(b);
        return b;
    }

    private int remove(int t, int n) {
        if (t == n) {
            return merge(left[t], right[t]);
        }
        if (before(n, key[t], t)) {
            left[t] = remove(left[t], n);
        } else {
            right[t] = remove(right[t], n);
        }
        pull(t);
        return t;
    }

    /** The first host in this order, in zone {@code zone} (or any), with room for the request. */
    public int first(int zone, int needThreads, long needMemory) {
        long lo = descending ? 0L : ((long) needThreads << MEMORY_BITS) | needMemory;
        return search(zone, lo, -1, needThreads, needMemory);
    }

    /** The first host after {@code host} in this order, in zone {@code zone} (or any), with room. */
    public int after(int zone, int host, int needThreads, long needMemory) {
        return search(zone, key[host], host + 1, needThreads, needMemory);
    }

    private int search(int zone, long loKey, int loHost, int needThreads, long needMemory) {
        if (zone != PlacementRequest.ANY_ZONE) {
            return find(root[zone], loKey, loHost, needThreads, needMemory);
        }
        int best = PlacementPolicy.NO_HOST;
        for (int z = 0; z < root.length; z++) {
            int h = find(root[z], loKey, loHost, needThreads, needMemory);
            if (h != NONE && (best == NONE || before(h, key[best], best))) {
                best = h;
            }
        }
        return best;
    }

    /** Leftmost node at or after (loKey, loHost) in order whose free capacity covers the need. */
    private int find(int t, long loKey, int loHost, int needThreads, long needMemory) {
        if (t == NONE || subMaxThreads[t] < needThreads || subMaxMemory[t] < needMemory) {
            return NONE;
        }
        if (before(t, loKey, loHost)) {
            return find(right[t], loKey, loHost, needThreads, needMemory);
        }
        int found = find(left[t], loKey, loHost, needThreads, needMemory);
        if (found != NONE) {
            return found;
        }
        if (threads[t] >= needThreads && memory[t] >= needMemory) {
            return t;
        }
        return find(right[t], loKey, loHost, needThreads, needMemory);
    }
}
