package io.stratus.sim;

import java.util.Arrays;
import java.util.NoSuchElementException;

/**
 * An indexed d-ary min-heap of events over parallel primitive arrays (d = 2 or 4 or any power
 * of two), the default {@link EventQueue}.
 *
 * <p>Layout: the heap order lives in three arrays ({@code heapTime}, {@code heapSeq},
 * {@code heapSlot}) so that sifting compares keys without an indirection, and choosing the
 * smallest child scans only the dense {@code heapTime} (sequences are read on ties). The event
 * payload lives in slot arrays indexed by a slot number that never moves while the event is
 * pending: {@code slotPosGen} holds each slot's heap position and generation side by side, and
 * {@code slotPayload} its (kind, subject) packed in one {@code long} next to its data word, so
 * polling an event reads two cache lines of slot data rather than five. The slot's position is
 * what makes cancel and reschedule O(log n). Freed slots go on a free list and are reused, so a
 * steady-state run allocates nothing (a slot retires after 2^31 reuses, see below); arrays grow by doubling when the queue gets bigger than
 * ever before, up to 2^30 - 8 events.
 *
 * <p>Polling uses bottom-up deletion: the hole at the root is moved down to a leaf by pulling
 * up the smallest child at each level, without comparing it against the entry that will fill
 * the hole, and the last entry is then sifted up from that leaf. The last entry usually belongs
 * near the bottom, so that sift-up is short, and each level saves a comparison (a
 * hard-to-predict branch). Both changes were measured on the hold benchmark
 * (results/event-core.md).
 *
 * <p>A handle is {@code (generation << 32) | slot}. The slot's generation is bumped each time
 * the slot is freed, so a handle kept after its event ran or was cancelled is stale and is
 * rejected rather than silently naming the slot's next tenant. Generations run from 0 to
 * 2^31 - 1, so every handle is non-negative (negative values such as {@link #NO_EVENT} name no
 * event). A slot that has used its last generation is retired instead of wrapping: it never
 * holds an event again, so no stale handle, however old, can match a live event. That costs one
 * slot per 2^31 events run through it.
 *
 * <p>The insertion sequence is a {@code long}: it cannot wrap within any feasible run.
 */
public final class DaryEventHeap extends PolledEventQueue {

    private static final int DEFAULT_CAPACITY = 64;

    /** Most events the queue can hold, 2^30 - 8 (the slot arrays hold two entries per event). */
    static final int MAX_CAPACITY = (1 << 30) - 8;

    /** The last generation a slot takes; after it the slot is retired. */
    static final int MAX_GENERATION = Integer.MAX_VALUE;

    private final int shift;
    private final int arity;

    // heap order: index 0 is the earliest event
    private long[] heapTime;
    private long[] heapSeq;
    private int[] heapSlot;
    private int size;

    private int capacity;

    // by slot s: slotPosGen[2s] = heap position (-1 when free), slotPosGen[2s + 1] = generation;
    // slotPayload[2s] = kind << 32 | subject (as unsigned), slotPayload[2s + 1] = data
    private int[] slotPosGen;
    private long[] slotPayload;
    private int[] freeSlots;
    private int freeCount;
    private int slotsUsed;

    private long nextSeq;


    /** A 4-ary heap, the fastest arity on the hold benchmark (see results/event-core.md). */
    public DaryEventHeap() {
        this(4, DEFAULT_CAPACITY);
    }

    /**
     * @param arity           children per node: a power of two from 2 to 16
     * @param initialCapacity events held before the first growth, at most 2^30 - 8
     */
    public DaryEventHeap(int arity, int initialCapacity) {
        if (arity < 2 || arity > 16 || Integer.bitCount(arity) != 1) {
            throw new IllegalArgumentException("arity must be a power of two from 2 to 16, got " + arity);
        }
        if (initialCapacity < 1 || initialCapacity > MAX_CAPACITY) {
            throw new IllegalArgumentException("initial capacity must be from 1 to " + MAX_CAPACITY + ", got "
                    + initialCapacity);
        }
        this.arity = arity;
        this.shift = Integer.numberOfTrailingZeros(arity);
        capacity = initialCapacity;
        heapTime = new long[initialCapacity];
        heapSeq = new long[initialCapacity];
        heapSlot = new int[initialCapacity];
        slotPosGen = new int[initialCapacity << 1];
        slotPayload = new long[initialCapacity << 1];
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
        slotPayload[slot << 1] = ((long) kind << 32) | (subject & 0xFFFF_FFFFL);
        slotPayload[(slot << 1) + 1] = data;
        int pos = size++;
        siftUp(pos, time, nextSeq++, slot);
        return ((long) slotPosGen[(slot << 1) + 1] << 32) | slot;
    }

    @Override
    public boolean cancel(long handle) {
        int slot = liveSlot(handle);
        if (slot < 0) {
            return false;
        }
        removeAt(slotPosGen[slot << 1]);
        freeSlot(slot);
        return true;
    }

    @Override
    public boolean reschedule(long handle, long newTime) {
        int slot = liveSlot(handle);
        if (slot < 0) {
            return false;
        }
        int pos = slotPosGen[slot << 1];
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
        return heapTime[slotPosGen[slot << 1]];
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
        setPolled(heapTime[0], slotPayload[slot << 1], slotPayload[(slot << 1) + 1]);
        long handle = ((long) slotPosGen[(slot << 1) + 1] << 32) | slot;
        freeSlot(slot);
        int last = --size;
        if (last > 0) {
            long time = heapTime[last];
            long seq = heapSeq[last];
            int lastSlot = heapSlot[last];
            siftUp(descendHole(last), time, seq, lastSlot);
        }
        return handle;
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
        if (slot >= slotsUsed || slotPosGen[(slot << 1) + 1] != gen || slotPosGen[slot << 1] < 0) {
            return -1;
        }
        return slot;
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

    private void freeSlot(int slot) {
        slotPosGen[slot << 1] = -1;
        int gen = slotPosGen[(slot << 1) + 1];
        if (gen == MAX_GENERATION) {
            // retired: a fresh generation would wrap and could match a handle still held
            return;
        }
        slotPosGen[(slot << 1) + 1] = gen + 1;
        freeSlots[freeCount++] = slot;
    }

    /**
     * Test hook: sets the generation of slot {@code slot} (already used at least once) as if
     * it had been reused that many times, to test the generation limit without 2^31 events.
     */
    void seedGeneration(int slot, int generation) {
        if (slot < 0 || slot >= slotsUsed) {
            throw new IllegalArgumentException("slot " + slot + " has never been used");
        }
        slotPosGen[(slot << 1) + 1] = generation;
    }

    private void grow() {
        if (capacity >= MAX_CAPACITY) {
            throw new IllegalStateException("the event queue cannot hold more than " + MAX_CAPACITY + " events");
        }
        int cap = (int) Math.min(2L * capacity, MAX_CAPACITY);
        capacity = cap;
        heapTime = Arrays.copyOf(heapTime, cap);
        heapSeq = Arrays.copyOf(heapSeq, cap);
        heapSlot = Arrays.copyOf(heapSlot, cap);
        slotPosGen = Arrays.copyOf(slotPosGen, cap << 1);
        slotPayload = Arrays.copyOf(slotPayload, cap << 1);
        freeSlots = Arrays.copyOf(freeSlots, cap);
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
            int best = smallestChild(first, Math.min(first + arity, n));
            if (!before(heapTime[best], heapSeq[best], time, seq)) {
                break;
            }
            move(best, pos);
            pos = best;
        }
        place(pos, time, seq, slot);
    }

    /**
     * Moves the hole at the root down to a leaf of the first {@code n} positions, pulling up the
     * smallest child at each level, and returns that leaf (now the hole).
     */
    private int descendHole(int n) {
        int pos = 0;
        while (true) {
            int first = (pos << shift) + 1;
            if (first >= n) {
                return pos;
            }
            int best = smallestChild(first, Math.min(first + arity, n));
            move(best, pos);
            pos = best;
        }
    }

    /** The position of the earliest entry among positions {@code first} to {@code end} (exclusive). */
    private int smallestChild(int first, int end) {
        long[] times = heapTime;
        int best = first;
        long bt = times[first];
        for (int c = first + 1; c < end; c++) {
            long ct = times[c];
            // the sequence is read only on a tie, so the scan touches heapTime alone
            if (ct < bt || (ct == bt && heapSeq[c] < heapSeq[best])) {
                best = c;
                bt = ct;
            }
        }
        return best;
    }

    private void move(int from, int to) {
        heapTime[to] = heapTime[from];
        heapSeq[to] = heapSeq[from];
        int slot = heapSlot[from];
        heapSlot[to] = slot;
        slotPosGen[slot << 1] = to;
    }

    private void place(int pos, long time, long seq, int slot) {
        heapTime[pos] = time;
        heapSeq[pos] = seq;
        heapSlot[pos] = slot;
        slotPosGen[slot << 1] = pos;
    }
}
