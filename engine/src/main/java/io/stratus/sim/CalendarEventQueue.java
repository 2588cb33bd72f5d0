package io.stratus.sim;

import java.util.Arrays;
import java.util.NoSuchElementException;

/**
 * A calendar queue of events (Brown 1988) with a sorted front, for large pending sets: O(1)
 * expected schedule, cancel, reschedule and poll when event times are spread smoothly, with
 * exactly the order of {@link DaryEventHeap}: (time, insertion sequence), a fresh sequence on
 * each reschedule.
 *
 * <p>Three tiers hold every pending event exactly once:
 * <ul>
 *   <li>the <em>front</em>: an indexed 4-ary heap ordered by (time, sequence) holding every event
 *       up to the end of the current bucket;</li>
 *   <li>the <em>ring</em>: {@code B} unsorted buckets of width {@code W} microseconds (both powers
 *       of two) holding the events of the next {@code B - 1} bucket widths after the front;</li>
 *   <li>the <em>far</em> list: unsorted, every later event (including events at
 *       {@link Long#MAX_VALUE}), with a lower bound of its earliest time.</li>
 * </ul>
 * Ordering is decided in the front alone, with the same keys the heap uses, so the order never
 * depends on the bucket width or on where an event waited; the buckets only delay sorting. When
 * the front runs empty the next non-empty bucket moves into it; just before the front would pass
 * the far list's earliest event, every far event the window now reaches moves into the ring (one
 * pass of the far list per about B buckets, not one per far event).
 *
 * <p>Adaptivity: while fewer than {@value #SPREAD_AT} events are pending, everything stays in
 * the front (a plain indexed 4-ary heap: a small simulation pays nothing for the calendar). Above
 * that the events are spread: {@code B} is the power of two at or above the pending count and
 * {@code W} the power of two at or above twice the mean gap between the earliest fifth of a sample
 * of pending times (the front's density), so a bucket near the front holds about two events. The
 * calendar is rebuilt (O(n), at most once per n operations) when the count leaves [B/4, 2B], or
 * when over a quarter of the refills find a bucket crowded (over 16) or scan over 64 empty ones; it gathers back into the front below
 * {@value #GATHER_AT} events. Degenerate inputs (all events at one instant, clustered times) are
 * still correct; only the speed degrades towards that of the front heap.
 *
 * <p>Storage is primitive arrays by slot, with the handle, generation and retirement rules of
 * {@link DaryEventHeap} (a handle is {@code generation << 32 | slot}; a slot whose generation
 * reaches 2^31 - 1 is retired); nothing is allocated per event once the arrays have grown.
 */
public final class CalendarEventQueue extends PolledEventQueue {

    /** Pending count above which the events are spread over the calendar. */
    static final int SPREAD_AT = 4096;
    /** Pending count below which a spread calendar gathers back into the front heap. */
    static final int GATHER_AT = 1024;
    static final int MAX_CAPACITY = (1 << 29) - 8;
    static final int MAX_GENERATION = Integer.MAX_VALUE;
    private static final int FREE = -1;
    private static final int SAMPLE = 1024;

    // by slot s: ev[4s] time, ev[4s+1] sequence, ev[4s+2] kind << 32 | subject, ev[4s+3] data
    private long[] ev;
    // by slot s: gen[s]; loc[s] >= 0: front heap position; FREE; <= -2: in list -2 - loc[s]
    private int[] gen;
    private int[] loc;
    private int[] next;
    private int[] prev;
    private int[] freeSlots;
    private int freeCount;
    private int slotsUsed;
    private int capacity;
    private int size;
    private long nextSeq;

    // the front: a 4-ary heap of slots by (time, seq)
    private long[] fTime;
    private long[] fSeq;
    private int[] fSlot;
    private int fSize;

    // the calendar: lists 0..B-1 are the ring buckets, list B the far list
    private boolean spread;
    // gathered: wShift 63 and cur Long.MAX_VALUE, so every time belongs to the front
    private int wShift = 63;
    private int bMask;
    private int[] head = new int[1];
    private long cur = Long.MAX_VALUE; // absolute bucket number (time >> wShift) of the front
    private int ringCount;
    private int farCount;
    private long farMin = Long.MAX_VALUE;
    private long opsSinceRebuild;
    private int badRefills;
    private int refills;
    private final long[] sample = new long[SAMPLE];


    /** An empty queue. */
    public CalendarEventQueue() {
        this(64);
    }

    /** An empty queue with room for {@code initialCapacity} events before it first grows. */
    public CalendarEventQueue(int initialCapacity) {
        if (initialCapacity < 1 || initialCapacity > MAX_CAPACITY) {
            throw new IllegalArgumentException("initial capacity must be from 1 to " + MAX_CAPACITY + ", got "
                    + initialCapacity);
        }
        capacity = initialCapacity;
        ev = new long[initialCapacity << 2];
        gen = new int[initialCapacity];
        loc = new int[initialCapacity];
        next = new int[initialCapacity];
        prev = new int[initialCapacity];
        freeSlots = new int[initialCapacity];
        fTime = new long[initialCapacity];
        fSeq = new long[initialCapacity];
        fSlot = new int[initialCapacity];
        head[0] = FREE;
    }

    /** Whether the events are currently spread over buckets (false: all in the front heap). */
    boolean isSpread() {
        return spread;
    }

    /** The bucket width in microseconds while spread. */
    long bucketWidth() {
        return 1L << wShift;
    }

    @Override
    public long schedule(long time, int kind, int subject, long data) {
        if (kind < 0) {
            throw new IllegalArgumentException("event kind must be non-negative, got " + kind);
        }
        int s = allocateSlot();
        int e = s << 2;
        ev[e] = time;
        ev[e + 1] = nextSeq++;
        ev[e + 2] = ((long) kind << 32) | (subject & 0xFFFF_FFFFL);
        ev[e + 3] = data;
        size++;
        place(s, time);
        if (!spread && size > SPREAD_AT) {
            rebuild();
        }
        return ((long) gen[s] << 32) | s;
    }

    @Override
    public boolean cancel(long handle) {
        int s = liveSlot(handle);
        if (s < 0) {
            return false;
        }
        detach(s);
        size--;
        freeSlot(s);
        return true;
    }

    @Override
    public boolean reschedule(long handle, long newTime) {
        int s = liveSlot(handle);
        if (s < 0) {
            return false;
        }
        int p = loc[s];
        long seq = nextSeq++;
        ev[s << 2] = newTime;
        ev[(s << 2) + 1] = seq;
        if (p >= 0 && (newTime >> wShift) <= cur) {
            // stays in the front: a fresh sequence only grows the key unless the time shrinks
            if (newTime < fTime[p]) {
                siftUp(p, newTime, seq, s);
            } else {
                siftDown(p, newTime, seq, s);
            }
        } else {
            detach(s);
            place(s, newTime);
        }
        opsSinceRebuild++;
        return true;
    }

    @Override
    public boolean contains(long handle) {
        return liveSlot(handle) >= 0;
    }

    @Override
    public long timeOf(long handle) {
        int s = liveSlot(handle);
        if (s < 0) {
            throw new NoSuchElementException("handle " + handle + " names no pending event");
        }
        return ev[s << 2];
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public long peekTime() {
        if (size == 0) {
            return Long.MAX_VALUE;
        }
        if (fSize == 0) {
            refill();
        }
        return fTime[0];
    }

    @Override
    public long poll() {
        if (size == 0) {
            throw new NoSuchElementException("poll on an empty event queue");
        }
        if (fSize == 0) {
            refill();
        }
        int s = fSlot[0];
        int e = s << 2;
        setPolled(ev[e], ev[e + 2], ev[e + 3]);
        long handle = ((long) gen[s] << 32) | s;
        removeFront(0);
        size--;
        freeSlot(s);
        opsSinceRebuild++;
        if (spread && size < GATHER_AT) {
            gather();
        }
        return handle;
    }

    @Override
    public void clear() {
        for (int s = 0; s < slotsUsed; s++) {
            if (loc[s] != FREE) {
                freeSlot(s);
            }
        }
        size = 0;
        fSize = 0;
        Arrays.fill(head, FREE);
        ringCount = 0;
        farCount = 0;
        farMin = Long.MAX_VALUE;
        spread = false;
        wShift = 63;
        cur = Long.MAX_VALUE;
        bMask = 0;
        head = new int[] {FREE};
    }

    // ---- tiers

    /** Puts slot {@code s} (time already set, not in any tier) in the tier its time belongs to. */
    private void place(int s, long time) {
        if ((time >> wShift) <= cur) {
            siftUp(fSize++, time, ev[(s << 2) + 1], s);
            return;
        }
        long d = (time >> wShift) - cur; // > 0 here; cannot overflow: spread means wShift >= 1
        if (d <= bMask) {
            link(s, (int) ((time >> wShift) & bMask));
            ringCount++;
        } else {
            link(s, bMask + 1);
            farCount++;
            if (time < farMin) {
                farMin = time;
            }
        }
    }

    /** Takes slot {@code s} out of its tier (the slot stays allocated). */
    private void detach(int s) {
        int p = loc[s];
        if (p >= 0) {
            removeFront(p);
            return;
        }
        int list = -2 - p;
        unlink(s, list);
        if (list > bMask) {
            farCount--; // farMin stays a lower bound
        } else {
            ringCount--;
        }
    }

    /** Fills the empty front from the next non-empty bucket (moving far events in as the window passes them). */
    private void refill() {
        int scanned = 0;
        while (fSize == 0) {
            if (ringCount == 0) {
                // nothing in the window: jump to the far list's earliest event
                cur = Math.max(cur, (farMin >> wShift) - 1);
                migrateFar();
                continue;
            }
            if (farCount > 0 && (farMin >> wShift) <= cur + 1) {
                // just in time: a far event may belong to the next bucket; one pass moves every
                // far event the window reaches, so the next is due about B buckets later
                migrateFar();
            }
            cur++;
            int b = (int) (cur & bMask);
            int s = head[b];
            if (s == FREE) {
                scanned++;
            } else {
                head[b] = FREE;
                int moved = 0;
                while (s != FREE) {
                    int n = next[s];
                    siftUp(fSize++, ev[s << 2], ev[(s << 2) + 1], s);
                    s = n;
                    moved++;
                }
                ringCount -= moved;
                if (moved > 16) {
                    badRefills++;
                }
            }
        }
        if (scanned > 64) {
            badRefills++;
        }
        refills++;
        if ((badRefills > 64 && badRefills > refills >> 2 || size > 2 * (bMask + 1) || size < (bMask + 1) >> 2)
                && opsSinceRebuild > size) {
            rebuild();
        }
    }

    /** Moves the far events that the window now reaches into the front or the ring; recomputes farMin. */
    private void migrateFar() {
        int far = bMask + 1;
        int s = head[far];
        long min = Long.MAX_VALUE;
        while (s != FREE) {
            int n = next[s];
            long t = ev[s << 2];
            if ((t >> wShift) - cur <= bMask) {
                unlink(s, far);
                farCount--;
                place(s, t);
            } else if (t < min) {
                min = t;
            }
            s = n;
        }
        farMin = min;
    }

    /** Re-spreads every pending event over a calendar sized for the current count and gaps. */
    private void rebuild() {
        int n = size;
        int[] all = collect();
        long min = Long.MAX_VALUE;
        for (int i = 0; i < n; i++) {
            min = Math.min(min, ev[all[i] << 2]);
        }
        int b = Integer.highestOneBit(Math.max(n - 1, 1)) << 1;
        head = new int[b + 1];
        Arrays.fill(head, FREE);
        bMask = b - 1;
        wShift = widthShift(all, n);
        cur = min >> wShift;
        fSize = 0;
        ringCount = 0;
        farCount = 0;
        farMin = Long.MAX_VALUE;
        spread = true;
        for (int i = 0; i < n; i++) {
            int s = all[i];
            place(s, ev[s << 2]);
        }
        opsSinceRebuild = 0;
        badRefills = 0;
        refills = 0;
    }

    /** Puts every pending event back into the front heap alone. */
    private void gather() {
        int n = size;
        int[] all = collect();
        spread = false;
        wShift = 63;
        cur = Long.MAX_VALUE;
        head = new int[] {FREE};
        bMask = 0;
        ringCount = 0;
        farCount = 0;
        farMin = Long.MAX_VALUE;
        fSize = 0;
        for (int i = 0; i < n; i++) {
            int s = all[i];
            siftUp(fSize++, ev[s << 2], ev[(s << 2) + 1], s);
        }
    }

    /** The pending slots, in slot order (allocated once per rebuild, not per event). */
    private int[] collect() {
        int[] all = new int[size];
        int k = 0;
        for (int s = 0; s < slotsUsed; s++) {
            if (loc[s] != FREE) {
                all[k++] = s;
            }
        }
        return all;
    }

    /** log2 of the bucket width: about two events per bucket at the density of the earliest pending events. */
    private int widthShift(int[] all, int n) {
        int m = Math.min(SAMPLE, n);
        long stride = Math.max(1, n / m);
        int k = 0;
        for (long i = 0; i < n && k < m; i += stride) {
            sample[k++] = ev[all[(int) i] << 2];
        }
        Arrays.sort(sample, 0, k);
        // the gaps that matter are those near the front, where the buckets are drained next: the
        // earliest fifth of the sample (later events are often sparser, as in the hold model)
        int q = Math.max(1, k / 5);
        double span = (double) sample[q] - (double) sample[0];
        double gap = span / Math.max(1.0, (double) n * q / k);
        long width = (long) Math.min(1L << 40, Math.max(2.0, Math.ceil(2 * gap)));
        int shift = 64 - Long.numberOfLeadingZeros(width - 1);
        return Math.max(1, shift);
    }

    // ---- lists (doubly linked through next/prev; order within a list does not matter)

    private void link(int s, int list) {
        int h = head[list];
        next[s] = h;
        prev[s] = FREE;
        if (h != FREE) {
            prev[h] = s;
        }
        head[list] = s;
        loc[s] = -2 - list;
    }

    private void unlink(int s, int list) {
        int n = next[s];
        int p = prev[s];
        if (p == FREE) {
            head[list] = n;
        } else {
            next[p] = n;
        }
        if (n != FREE) {
            prev[n] = p;
        }
    }

    // ---- the front heap (4-ary, by (time, seq))

    private static boolean before(long t1, long s1, long t2, long s2) {
        return t1 < t2 || (t1 == t2 && s1 < s2);
    }

    private void removeFront(int pos) {
        int last = --fSize;
        if (pos == last) {
            return;
        }
        long time = fTime[last];
        long seq = fSeq[last];
        int s = fSlot[last];
        if (pos > 0 && before(time, seq, fTime[(pos - 1) >>> 2], fSeq[(pos - 1) >>> 2])) {
            siftUp(pos, time, seq, s);
        } else {
            siftDown(pos, time, seq, s);
        }
    }

    private void siftUp(int pos, long time, long seq, int s) {
        while (pos > 0) {
            int parent = (pos - 1) >>> 2;
            if (!before(time, seq, fTime[parent], fSeq[parent])) {
                break;
            }
            moveFront(parent, pos);
            pos = parent;
        }
        putFront(pos, time, seq, s);
    }

    private void siftDown(int pos, long time, long seq, int s) {
        int n = fSize;
        while (true) {
            int first = (pos << 2) + 1;
            if (first >= n) {
                break;
            }
            int end = Math.min(first + 4, n);
            int best = first;
            long bt = fTime[first];
            for (int c = first + 1; c < end; c++) {
                long ct = fTime[c];
                if (ct < bt || (ct == bt && fSeq[c] < fSeq[best])) {
                    best = c;
                    bt = ct;
                }
            }
            if (!before(bt, fSeq[best], time, seq)) {
                break;
            }
            moveFront(best, pos);
            pos = best;
        }
        putFront(pos, time, seq, s);
    }

    private void moveFront(int from, int to) {
        fTime[to] = fTime[from];
        fSeq[to] = fSeq[from];
        int s = fSlot[from];
        fSlot[to] = s;
        loc[s] = to;
    }

    private void putFront(int pos, long time, long seq, int s) {
        fTime[pos] = time;
        fSeq[pos] = seq;
        fSlot[pos] = s;
        loc[s] = pos;
    }

    // ---- slots

    private int liveSlot(long handle) {
        if (handle < 0) {
            return -1;
        }
        int s = (int) handle;
        if (s >= slotsUsed || gen[s] != (int) (handle >>> 32) || loc[s] == FREE) {
            return -1;
        }
        return s;
    }

    private int allocateSlot() {
        if (freeCount > 0) {
            return freeSlots[--freeCount];
        }
        if (slotsUsed == capacity) {
            grow();
        }
        return slotsUsed++;
    }

    private void freeSlot(int s) {
        loc[s] = FREE;
        int g = gen[s];
        if (g == MAX_GENERATION) {
            return; // retired: a fresh generation would wrap and could match a handle still held
        }
        gen[s] = g + 1;
        freeSlots[freeCount++] = s;
    }

    /** Test hook: sets the generation of a used slot, to test the limit without 2^31 events. */
    void seedGeneration(int slot, int generation) {
        if (slot < 0 || slot >= slotsUsed) {
            throw new IllegalArgumentException("slot " + slot + " has never been used");
        }
        gen[slot] = generation;
    }

    private void grow() {
        if (capacity >= MAX_CAPACITY) {
            throw new IllegalStateException("the event queue cannot hold more than " + MAX_CAPACITY + " events");
        }
        int cap = (int) Math.min(2L * capacity, MAX_CAPACITY);
        capacity = cap;
        ev = Arrays.copyOf(ev, cap << 2);
        gen = Arrays.copyOf(gen, cap);
        loc = Arrays.copyOf(loc, cap);
        next = Arrays.copyOf(next, cap);
        prev = Arrays.copyOf(prev, cap);
        freeSlots = Arrays.copyOf(freeSlots, cap);
        fTime = Arrays.copyOf(fTime, cap);
        fSeq = Arrays.copyOf(fSeq, cap);
        fSlot = Arrays.copyOf(fSlot, cap);
    }
}
