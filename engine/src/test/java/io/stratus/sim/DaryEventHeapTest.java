package io.stratus.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

class DaryEventHeapTest {

    @Test
    void tiesRunInInsertionOrder() {
        DaryEventHeap heap = new DaryEventHeap();
        for (int i = 0; i < 100; i++) {
            heap.schedule(7, 0, i, 0);
        }
        for (int i = 0; i < 100; i++) {
            heap.poll();
            assertThat(heap.polledSubject()).isEqualTo(i);
        }
    }

    @Test
    void rescheduleToSameTimeMovesBehindItsTies() {
        DaryEventHeap heap = new DaryEventHeap();
        long first = heap.schedule(5, 0, 1, 0);
        heap.schedule(5, 0, 2, 0);
        heap.reschedule(first, 5);
        heap.poll();
        assertThat(heap.polledSubject()).isEqualTo(2);
        heap.poll();
        assertThat(heap.polledSubject()).isEqualTo(1);
    }

    @Test
    void handleOfAPolledEventIsStaleEvenWhenItsSlotIsReused() {
        DaryEventHeap heap = new DaryEventHeap();
        long old = heap.schedule(1, 0, 1, 0);
        heap.poll();
        long reused = heap.schedule(2, 0, 2, 0);
        assertThat((int) reused).isEqualTo((int) old); // same slot
        assertThat(heap.contains(old)).isFalse();
        assertThat(heap.cancel(old)).isFalse();
        assertThat(heap.contains(reused)).isTrue();
        assertThat(heap.contains(EventQueue.NO_EVENT)).isFalse();
    }

    @Test
    void handlesKeepWorkingWhenASlotsGenerationCrossesTheSignBit() {
        DaryEventHeap heap = new DaryEventHeap();
        heap.schedule(100, 0, 99, 0); // a bystander in slot 0, so slot 1 is the one reused
        long probe = heap.schedule(1, 0, 1, 0);
        int slot = (int) probe;
        heap.cancel(probe);
        heap.seedGeneration(slot, Integer.MAX_VALUE - 3);
        java.util.List<Long> spent = new java.util.ArrayList<>();
        spent.add(probe);
        // before the fix, generation 2^31 made the handle negative: cancel and reschedule refused it
        for (int i = 0; i < 8; i++) {
            long h = heap.schedule(10 + i, 0, i, 0);
            assertThat(h).isNotNegative();
            assertThat(heap.contains(h)).isTrue();
            assertThat(heap.reschedule(h, 50 + i)).isTrue();
            assertThat(heap.timeOf(h)).isEqualTo(50 + i);
            for (long old : spent) {
                assertThat(heap.contains(old)).isFalse();
                assertThat(heap.cancel(old)).isFalse();
                assertThat(heap.reschedule(old, 7)).isFalse();
            }
            assertThat(heap.timeOf(h)).isEqualTo(50 + i);
            assertThat(heap.cancel(h)).isTrue();
            assertThat(heap.contains(h)).isFalse();
            spent.add(h);
        }
        assertThat(heap.size()).isEqualTo(1);
        heap.poll();
        assertThat(heap.polledSubject()).isEqualTo(99);
    }

    @Test
    void aSlotWhoseGenerationsAreSpentIsRetiredSoNoStaleHandleCanMatchItsSuccessor() {
        DaryEventHeap heap = new DaryEventHeap();
        long first = heap.schedule(1, 0, 1, 0);
        heap.cancel(first);
        heap.seedGeneration((int) first, DaryEventHeap.MAX_GENERATION);
        long last = heap.schedule(2, 0, 2, 0);
        assertThat((int) last).isEqualTo((int) first);
        heap.poll();
        // the slot cannot take a fresh generation, so the next event goes elsewhere
        long next = heap.schedule(3, 0, 3, 0);
        assertThat((int) next).isNotEqualTo((int) first);
        assertThat(heap.contains(last)).isFalse();
        assertThat(heap.contains(next)).isTrue();
        assertThat(next).isNotNegative();
    }

    @Test
    void clearMakesEveryHandleStale() {
        DaryEventHeap heap = new DaryEventHeap();
        long a = heap.schedule(1, 0, 1, 0);
        long b = heap.schedule(2, 0, 2, 0);
        heap.clear();
        assertThat(heap.isEmpty()).isTrue();
        assertThat(heap.contains(a)).isFalse();
        assertThat(heap.contains(b)).isFalse();
    }

    @Test
    void pollOnEmptyQueueSaysSo() {
        assertThatThrownBy(() -> new DaryEventHeap().poll())
                .isInstanceOf(NoSuchElementException.class)
                .hasMessageContaining("empty");
    }

    @Test
    void refusesBadArity() {
        assertThatThrownBy(() -> new DaryEventHeap(3, 8)).hasMessageContaining("power of two");
    }
}
