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
