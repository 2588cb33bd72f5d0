package io.stratus.util;

import it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap;
import it.unimi.dsi.fastutil.ints.IntArrayList;

/**
 * Dense, recycled slots for sparse ids: a component that keeps per-instance state in primitive
 * arrays indexes them by slot, not by instance id, so the arrays stay as long as the most ids
 * ever held at once rather than as long as the number of ids ever seen. Ids stay unique and
 * keep growing; a slot freed by one id is given to a later one.
 *
 * <p>Lookup is a primitive hash map (no boxing); acquiring and releasing allocate nothing once
 * the map and the free list have grown to the peak count.
 */
public final class DenseSlots {

    /** What {@link #slotOf} returns for an id holding no slot. */
    public static final int NONE = -1;

    private final Int2IntOpenHashMap slotOfId = new Int2IntOpenHashMap();
    private final IntArrayList free = new IntArrayList();
    private int highWater;

    public DenseSlots() {
        slotOfId.defaultReturnValue(NONE);
    }

    /**
     * Gives {@code id} a slot: a freed one if any, else the next new one ({@link #highWater}
     * grows by one).
     *
     * @throws IllegalStateException if the id holds a slot already
     */
    public int acquire(int id) {
        int slot = free.isEmpty() ? highWater++ : free.popInt();
        int old = slotOfId.put(id, slot);
        if (old != NONE) {
            slotOfId.put(id, old);
            free.push(slot);
            throw new IllegalStateException("id " + id + " holds slot " + old + " already");
        }
        return slot;
    }

    /** The slot of {@code id}, or {@link #NONE}. */
    public int slotOf(int id) {
        return slotOfId.get(id);
    }

    /**
     * Frees the slot of {@code id} for a later id.
     *
     * @return the freed slot, or {@link #NONE} if the id held none
     */
    public int release(int id) {
        int slot = slotOfId.remove(id);
        if (slot != NONE) {
            free.push(slot);
        }
        return slot;
    }

    /** Ids holding a slot now. */
    public int size() {
        return slotOfId.size();
    }

    /** Slots ever handed out: the most ids held at once, so the length arrays indexed by slot need. */
    public int highWater() {
        return highWater;
    }
}
