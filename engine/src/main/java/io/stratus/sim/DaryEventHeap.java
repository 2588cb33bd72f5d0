package io.stratus.sim;

import java.util.Arrays;
import java.util.NoSuchElementException;

/**
 * An indexed d-ary min-heap of events over parallel primitive arrays (d = 2 or 4 or any power
 * of two), the default {@link EventQueue}.
 *
 * <p>Layout: the heap order lives in three arrays ({@code heapTime}, {@code heapSeq},
 * {@code heapSlot}) so that sifting compares keys without an indirection; the event payload
 * lives in slot arrays indexed by a slot number that never moves while the event is pending,
 * and {@code slotPos} maps a slot back to its heap position, which is what makes cancel and
 * reschedule O(log n). Freed slots go on a free list and are reused, so a steady-state run
 * allocates nothing; arrays grow by doubling when the queue gets bigger than ever before.
 *
 * <p>A handle is {@code (generation << 32) | slot}. The slot's generation is bumped each time
 * the slot is freed, so a handle kept after its event ran or was cancelled is stale and is
 * rejected rather than silently naming the slot's next tenant. Generations are 32-bit and wrap
 * after four billion reuses of one slot; a handle held across that many reuses could alias,
 * which no component does (each keeps at most its latest handle).
 *
 * <p>The insertion sequence is a {@code long}: it cannot wrap within any feasible run.
 */
public final class DaryEventHeap implements EventQueue {

    private static final int DEFAULT_CAPACITY = 64;

    private final int shift;
    private final int arity;

    // heap order: index 0 is the earliest event
    private long[] heapTime;
    private long[] heapSeq;
    private int[] heapSlot;
    private int size;

    // payload by slot
    private int[] slotPos;
    private int[] slotGen;
    private int[] slotKind;
    private int[] slotSubject;
    private long[] slotData;
    private int[] freeSlots;
    private int freeCount;
    private int slotsUsed;

    private long nextSeq;

    private long polledTime;
    private int polledKind;
    private int polledSubject;
    private long polledData;

    /** A 4-ary heap, the fastest arity on the hold benchmark (see results/event-core.md). */
    public DaryEventHeap() {
        this(4, DEFAULT_CAPACITY);
    }

    /**
     * @param arity           children per node: a power of two from 2 to 16
     * @param initialCapacity events held before the first growth
     */
    public DaryEventHeap(int arity, int initialCapacity) {
        if (arity < 2 || arity > 16 || Integer.bitCount(arity) != 1) {
            throw new IllegalArgumentException("arity must be a power of two from 2 to 16, got " + arity);
        }
        if (initialCapacity < 1) {
            throw new IllegalArgumentException("initial capacity must be positive, got " + initialCapacity);
        }
        this.arity = arity;
        this.shift = Integer.numberOfTrailingZeros(arity);
        heapTime = new long[initialCapacity];
        heapSeq = new long[initialCapacity];
        heapSlot = new int[initialCapacity];
        slotPos = new int[initialCapacity];
        slotGen = new int[initialCapacity];
        slotKind = new int[initialCapacity];
        slotSubject = new int[initialCapacity];
        slotData = new long[initialCapacity];
        freeSlots = new int[initialCapacity];
    }

    /** Children per node. */
    public int arity() {
        return arity;
    }

    @Override
    public long schedule(long time, int kind, int subject, long data) {
        if (kind < 0) {
            throw new IllegalArgumentException("event kind must be non-negative, got " + kind);
        }
        int slot = allocateSlot();
        slotKind[slot] = kind;
        slotSubject[slot] = subject;
        slotData[slot] = data;
        int pos = size++;
        siftUp(pos, time, nextSeq++, slot);
        return ((long) slotGen[slot] << 32) | slot;
    }

    @Override
    public boolean cancel(long handle) {
        int slot = liveSlot(handle);
        if (slot < 0) {
            return false;
        }
        removeAt(slotPos[slot]);
        freeSlot(slot);
        return true;
    }

    @Override
    public boolean reschedule(long handle, long newTime) {
        int slot = liveSlot(handle);
        if (slot < 0) {
            return false;
        }
        int pos = slotPos[slot];
        long oldTime = heapTime[pos];
        long seq = nextSeq++;
        // a fresh sequence is always larger, so the key grows whenever the time does not shrink
        if (newTime < oldTime) {
            siftUp(pos, newTime, seq, slot);
        } else {
            siftDown(pos, newTime, seq, slot);
        }
        return true;
    }

    @Override
    public boolean contains(long handle) {
        return liveSlot(handle) >= 0;
    }

    @Override
    public long timeOf(long handle) {
        int slot = liveSlot(handle);
        if (slot < 0) {
            throw new NoSuchElementException("handle " + handle + " names no pending event");
        }
        return heapTime[slotPos[slot]];
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public long peekTime() {
        return size == 0 ? Long.MAX_VALUE : heapTime[0];
    }

    @Override
    public long poll() {
        if (size == 0) {
            throw new NoSuchElementException("poll on an empty event queue");
        }
        int slot = heapSlot[0];
        polledTime = heapTime[0];
        polledKind = slotKind[slot];
        polledSubject = slotSubject[slot];
        polledData = slotData[slot];
        long handle = ((long) slotGen[slot] << 32) | slot;
        removeAt(0);
        freeSlot(slot);
        return handle;
    }

    @Override
    public long polledTime() {
        return polledTime;
    }

    @Override
    public int polledKind() {
        return polledKind;
    }

    @Override
    public int polledSubject() {
        return polledSubject;
    }

    @Override
    public long polledData() {
        return polledData;
    }

    @Override
    public void clear() {
        for (int i = 0; i < size; i++) {
            freeSlot(heapSlot[i]);
        }
        size = 0;
    }

    private int liveSlot(long handle) {
        if (handle < 0) {
            return -1;
        }
        int slot = (int) handle;
        int gen = (int) (handle >>> 32);
        if (slot >= slotsUsed || slotGen[slot] != gen || slotPos[slot] < 0) {
            return -1;
        }
        return slot;
    }

    private int allocateSlot() {
        if (freeCount > 0) {
            return freeSlots[--freeCount];
        }
        if (slotsUsed == slotKind.length) {
            grow();
        }
        return slotsUsed++;
    }

    private void freeSlot(int slot) {
        slotPos[slot] = -1;
        slotGen[slot]++;
        freeSlots[freeCount++] = slot;
    }

    private void grow() {
        int capacity = slotKind.length * 2;
        heapTime = Arrays.copyOf(heapTime, capacity);
        heapSeq = Arrays.copyOf(heapSeq, capacity);
        heapSlot = Arrays.copyOf(heapSlot, capacity);
        slotPos = Arrays.copyOf(slotPos, capacity);
        slotGen = Arrays.copyOf(slotGen, capacity);
        slotKind = Arrays.copyOf(slotKind, capacity);
        slotSubject = Arrays.copyOf(slotSubject, capacity);
        slotData = Arrays.copyOf(slotData, capacity);
        freeSlots = Arrays.copyOf(freeSlots, capacity);
    }

    /** Removes the entry at heap position {@code pos}, filling the hole with the last entry. */
    private void removeAt(int pos) {
        int last = --size;
        if (pos == last) {
            return;
        }
        long time = heapTime[last];
        long seq = heapSeq[last];
        int slot = heapSlot[last];
        if (pos > 0 && before(time, seq, heapTime[(pos - 1) >>> shift], heapSeq[(pos - 1) >>> shift])) {
            siftUp(pos, time, seq, slot);
        } else {
            siftDown(pos, time, seq, slot);
        }
    }

    private static boolean before(long t1, long s1, long t2, long s2) {
        return t1 < t2 || (t1 == t2 && s1 < s2);
    }

    /** Places (time, seq, slot) at or above {@code pos}, moving larger parents down. */
    private void siftUp(int pos, long time, long seq, int slot) {
        while (pos > 0) {
            int parent = (pos - 1) >>> shift;
            long pt = heapTime[parent];
            long ps = heapSeq[parent];
            if (!before(time, seq, pt, ps)) {
                break;
            }
            move(parent, pos);
            pos = parent;
        }
        place(pos, time, seq, slot);
    }

    /** Places (time, seq, slot) at or below {@code pos}, moving smaller children up. */
    private void siftDown(int pos, long time, long seq, int slot) {
        int n = size;
        while (true) {
            int first = (pos << shift) + 1;
            if (first >= n) {
                break;
            }
            int end = Math.min(first + arity, n);
            int best = first;
            long bt = heapTime[first];
            long bs = heapSeq[first];
            for (int c = first + 1; c < end; c++) {
                long ct = heapTime[c];
                if (ct < bt || (ct == bt && heapSeq[c] < bs)) {
                    best = c;
                    bt = ct;
                    bs = heapSeq[c];
                }
            }
            if (!before(bt, bs, time, seq)) {
                break;
            }
            move(best, pos);
            pos = best;
        }
        place(pos, time, seq, slot);
    }

    private void move(int from, int to) {
        heapTime[to] = heapTime[from];
        heapSeq[to] = heapSeq[from];
        int slot = heapSlot[from];
        heapSlot[to] = slot;
        slotPos[slot] = to;
    }

    private void place(int pos, long time, long seq, int slot) {
        heapTime[pos] = time;
        heapSeq[pos] = seq;
        heapSlot[pos] = slot;
        slotPos[slot] = pos;
    }
}
