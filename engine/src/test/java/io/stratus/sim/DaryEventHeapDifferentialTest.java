package io.stratus.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Differential test: the indexed heap against {@link PriorityQueue} of event objects under a
 * seeded random mix of schedule, cancel, reschedule and poll. The reference gives each event a
 * sequence number exactly as the contract says (fresh on reschedule), so both must poll the same
 * events in the same order.
 */
class DaryEventHeapDifferentialTest {

    private static final class Ref {
        long time;
        long seq;
        final int kind;
        final int subject;
        final long data;
        long handle;

        Ref(long time, long seq, int kind, int subject, long data) {
            this.time = time;
            this.seq = seq;
            this.kind = kind;
            this.subject = subject;
            this.data = data;
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 4, 8})
    void matchesPriorityQueueUnderRandomOperations(int arity) {
        for (long seed = 1; seed <= 20; seed++) {
            runMix(arity, seed, 20_000);
        }
    }

    private static void runMix(int arity, long seed, int operations) {
        SplittableRandom rnd = new SplittableRandom(seed);
        DaryEventHeap heap = new DaryEventHeap(arity, 2);
        PriorityQueue<Ref> reference = new PriorityQueue<>(
                Comparator.<Ref>comparingLong(r -> r.time).thenComparingLong(r -> r.seq));
        List<Ref> live = new ArrayList<>();
        List<Long> staleHandles = new ArrayList<>();
        long seq = 0;
        long now = 0;
        for (int op = 0; op < operations; op++) {
            int choice = rnd.nextInt(100);
            if (choice < 40 || live.isEmpty()) {
                // small time range so ties are frequent
                long time = now + rnd.nextInt(50);
                Ref r = new Ref(time, seq++, rnd.nextInt(5), rnd.nextInt(1000), rnd.nextLong());
                r.handle = heap.schedule(r.time, r.kind, r.subject, r.data);
                reference.add(r);
                live.add(r);
            } else if (choice < 55) {
                Ref r = live.remove(rnd.nextInt(live.size()));
                assertThat(heap.cancel(r.handle)).isTrue();
                assertThat(reference.remove(r)).isTrue();
                staleHandles.add(r.handle);
            } else if (choice < 70) {
                Ref r = live.get(rnd.nextInt(live.size()));
                reference.remove(r);
                r.time = now + rnd.nextInt(50);
                r.seq = seq++;
                assertThat(heap.reschedule(r.handle, r.time)).isTrue();
                reference.add(r);
                assertThat(heap.timeOf(r.handle)).isEqualTo(r.time);
            } else if (choice < 75 && !staleHandles.isEmpty()) {
                long stale = staleHandles.get(rnd.nextInt(staleHandles.size()));
                assertThat(heap.contains(stale)).isFalse();
                assertThat(heap.cancel(stale)).isFalse();
                assertThat(heap.reschedule(stale, now + 1)).isFalse();
            } else {
                Ref expected = reference.poll();
                assertThat(heap.peekTime()).isEqualTo(expected.time);
                long handle = heap.poll();
                assertThat(handle).isEqualTo(expected.handle);
                assertThat(heap.polledTime()).isEqualTo(expected.time);
                assertThat(heap.polledKind()).isEqualTo(expected.kind);
                assertThat(heap.polledSubject()).isEqualTo(expected.subject);
                assertThat(heap.polledData()).isEqualTo(expected.data);
                live.remove(expected);
                staleHandles.add(handle);
                now = expected.time;
            }
            assertThat(heap.size()).isEqualTo(reference.size());
        }
        while (!reference.isEmpty()) {
            Ref expected = reference.poll();
            assertThat(heap.poll()).isEqualTo(expected.handle);
            assertThat(heap.polledData()).isEqualTo(expected.data);
        }
        assertThat(heap.isEmpty()).isTrue();
        assertThat(heap.peekTime()).isEqualTo(Long.MAX_VALUE);
    }
}
