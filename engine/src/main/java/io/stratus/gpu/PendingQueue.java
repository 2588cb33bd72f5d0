package io.stratus.gpu;

import java.util.Arrays;

/**
 * The pods waiting to be placed, in arrival order (FIFO): an intrusive doubly linked list over
 * pod ids, in two primitive arrays indexed by pod ({@code prev}, {@code next}; -1 ends the list).
 *
 * <p>Adding at the tail and removing any pod are O(1) and allocate nothing beyond the arrays'
 * amortized growth. Assumptions: pod ids are small non-negative integers (those of
 * {@link GpuPods}); the caller adds only a pod not in the queue and removes only a pod in it
 * (the queue does not check). To walk the queue while removing, read {@link #next} of a pod
 * before removing it.
 */
final class PendingQueue {

    private int[] prev = new int[64];
    private int[] next = new int[64];
    private int head = -1;
    private int tail = -1;

    /** Appends the pod at the tail. */
    void add(int pod) {
        if (pod >= prev.length) {
            int size = Math.max(pod + 1, prev.length * 2);
            prev = Arrays.copyOf(prev, size);
            next = Arrays.copyOf(next, size);
        }
        prev[pod] = tail;
        next[pod] = -1;
        if (tail >= 0) {
            next[tail] = pod;
        } else {
            head = pod;
        }
        tail = pod;
    }

    /** Removes the pod, wherever it is in the queue. */
    void remove(int pod) {
        int p = prev[pod];
        int q = next[pod];
        if (p >= 0) {
            next[p] = q;
        } else {
            head = q;
        }
        if (q >= 0) {
            prev[q] = p;
        } else {
            tail = p;
        }
    }

    /** The first pod in the queue, or -1 if it is empty. */
    int first() {
        return head;
    }

    /** The pod after this one (which is in the queue), or -1 if it is the last. */
    int next(int pod) {
        return next[pod];
    }
}
