package io.stratus.placement;

/**
 * A set of small non-negative integers as a hierarchy of bit words: level 0 holds one bit per
 * element, and each bit of level {@code l + 1} says whether a word of level {@code l} is non-empty.
 * The top level is a single word, so finding the next element at or after a position costs one
 * word per level on the way up and one per level on the way down: about three words for a
 * million elements, with no allocation.
 */
final class LevelBitSet {

    private final long[][] levels;

    /** A set able to hold 0 to {@code capacity - 1}. */
    LevelBitSet(int capacity) {
        int words = Math.max(1, (capacity + 63) >>> 6);
        int depth = 1;
        for (int w = words; w > 1; w = (w + 63) >>> 6) {
            depth++;
        }
        levels = new long[depth][];
        for (int l = 0, w = words; l < depth; l++, w = (w + 63) >>> 6) {
            levels[l] = new long[w];
        }
    }

    /** Number of elements it can hold (a multiple of 64). */
    int capacity() {
        return levels[0].length << 6;
    }

    void add(int i) {
        for (int l = 0; l < levels.length; l++) {
            long[] lv = levels[l];
            int w = i >>> 6;
            boolean wasEmpty = lv[w] == 0;
            lv[w] |= 1L << (i & 63);
            if (!wasEmpty) {
                return;
            }
            i = w;
        }
    }

    void remove(int i) {
        for (int l = 0; l < levels.length; l++) {
            long[] lv = levels[l];
            int w = i >>> 6;
            lv[w] &= ~(1L << (i & 63));
            if (lv[w] != 0) {
                return;
            }
            i = w;
        }
    }

    /** The smallest element {@code >= from}, or -1. */
    int next(int from) {
        int i = from;
        int l = 0;
        while (true) {
            if (l == levels.length) {
                return -1;
            }
            long[] lv = levels[l];
            int w = i >>> 6;
            if (w >= lv.length) {
                return -1;
            }
            long word = lv[w] & (-1L << (i & 63));
            if (word != 0) {
                i = (w << 6) + Long.numberOfTrailingZeros(word);
                break;
            }
            i = w + 1;
            l++;
        }
        while (l > 0) {
            l--;
            i = (i << 6) + Long.numberOfTrailingZeros(levels[l][i]);
        }
        return i;
    }
}
