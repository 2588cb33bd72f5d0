package io.stratus.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Differential test: the calendar queue against {@link DaryEventHeap} (itself checked against
 * {@code PriorityQueue} in {@link DaryEventHeapDifferentialTest}) under seeded random mixes of
 * schedule, cancel, reschedule and poll, large enough to spread, rebuild and gather the calendar.
 * Both must poll the same events (time, kind, subject, data) in the same order: the calendar
 * must reproduce the heap's tie order exactly, which is what keeps every golden summary identical.
 */
class CalendarEventQueueDifferentialTest {

    /** A pending event known to both queues. */
    private record Pair(long heapHandle, long calendarHandle) {
    }

    @ParameterizedTest(name = "{0}: peak {1}, gap {2} us, far share {3}%")
    @CsvSource({
        // name, peak pending, mean gap (us), % of events at far times (hours away or end of time)
        "ties, 6000, 1, 0",
        "hold, 20000, 1000, 0",
        "outliers, 12000, 50, 5",
        "bursty, 9000, 100000, 2",
    })
    void pollsTheSameEventsInTheSameOrderAsTheHeap(String name, int peak, long gap, int farPercent) {
        for (long seed = 1; seed <= 3; seed++) {
            runMix(seed, peak, gap, farPercent);
        }
    }

    private static void runMix(long seed, int peak, long gap, int farPercent) {
        SplittableRandom rnd = new SplittableRandom(seed);
        DaryEventHeap heap = new DaryEventHeap(4, 2);
        CalendarEventQueue cal = new CalendarEventQueue(2);
        List<Pair> live = new ArrayList<>();
        List<Long> stale = new ArrayList<>();
        long now = 0;
        boolean growing = true;
        boolean spreadSeen = false;
        int operations = peak * 6;
        for (int op = 0; op < operations; op++) {
            if (live.size() >= peak) {
                growing = false;
            } else if (live.size() < peak / 10) {
                growing = true; // swing the size through the spread and gather thresholds
            }
            int choice = rnd.nextInt(100);
            int scheduleShare = growing ? 55 : 30;
            if (choice < scheduleShare || live.isEmpty()) {
                long time = time(rnd, now, gap, farPercent);
                int kind = rnd.nextInt(5);
                int subject = rnd.nextInt(1000);
                long data = rnd.nextLong();
                live.add(new Pair(heap.schedule(time, kind, subject, data), cal.schedule(time, kind, subject, data)));
            } else if (choice < scheduleShare + 10) {
                Pair p = live.remove(rnd.nextInt(live.size()));
                assertThat(cal.cancel(p.calendarHandle())).isTrue();
                assertThat(heap.cancel(p.heapHandle())).isTrue();
                stale.add(p.calendarHandle());
            } else if (choice < scheduleShare + 25) {
                Pair p = live.get(rnd.nextInt(live.size()));
                long time = rnd.nextInt(4) == 0 ? cal.timeOf(p.calendarHandle()) : time(rnd, now, gap, farPercent);
                assertThat(cal.reschedule(p.calendarHandle(), time)).isTrue();
                assertThat(heap.reschedule(p.heapHandle(), time)).isTrue();
                assertThat(cal.timeOf(p.calendarHandle())).isEqualTo(time);
            } else if (choice < scheduleShare + 28 && !stale.isEmpty()) {
                long old = stale.get(rnd.nextInt(stale.size()));
                assertThat(cal.contains(old)).isFalse();
                assertThat(cal.cancel(old)).isFalse();
                assertThat(cal.reschedule(old, now + 1)).isFalse();
            } else {
                now = pollBoth(heap, cal, live, stale);
            }
            assertThat(cal.size()).isEqualTo(heap.size());
            spreadSeen |= cal.isSpread();
        }
        assertThat(spreadSeen).as("the mix must exercise the spread calendar").isTrue();
        while (!heap.isEmpty()) {
            pollBoth(heap, cal, live, stale);
        }
        assertThat(cal.isEmpty()).isTrue();
        assertThat(cal.peekTime()).isEqualTo(Long.MAX_VALUE);
    }

    private static long time(SplittableRandom rnd, long now, long gap, int farPercent) {
        if (rnd.nextInt(100) < farPercent) {
            return rnd.nextBoolean() ? Long.MAX_VALUE : now + Time.HOUR * (1 + rnd.nextInt(48));
        }
        // exponential increments around the pending count's spread, in whole microseconds
        double mean = gap * 2000.0;
        return now + (long) (-mean * Math.log(1.0 - rnd.nextDouble()));
    }

    private static long pollBoth(DaryEventHeap heap, CalendarEventQueue cal, List<Pair> live, List<Long> stale) {
        assertThat(cal.peekTime()).isEqualTo(heap.peekTime());
        long h = heap.poll();
        long c = cal.poll();
        assertThat(cal.polledTime()).isEqualTo(heap.polledTime());
        assertThat(cal.polledKind()).isEqualTo(heap.polledKind());
        assertThat(cal.polledSubject()).isEqualTo(heap.polledSubject());
        assertThat(cal.polledData()).isEqualTo(heap.polledData());
        Pair polled = new Pair(h, c);
        assertThat(live.remove(polled)).as("the polled event was pending in both").isTrue();
        stale.add(c);
        return heap.polledTime();
    }

    @Test
    void tiesRunInInsertionOrderAcrossSpreadAndGather() {
        CalendarEventQueue cal = new CalendarEventQueue();
        int n = CalendarEventQueue.SPREAD_AT * 2;
        for (int i = 0; i < n; i++) {
            cal.schedule(1_000 + (i % 7), 0, i, 0);
        }
        assertThat(cal.isSpread()).isTrue();
        int lastSubject = -1;
        long lastTime = 0;
        for (int i = 0; i < n; i++) {
            cal.poll();
            if (cal.polledTime() == lastTime) {
                assertThat(cal.polledSubject()).isGreaterThan(lastSubject);
            } else {
                assertThat(cal.polledTime()).isGreaterThan(lastTime);
            }
            lastTime = cal.polledTime();
            lastSubject = cal.polledSubject();
        }
        assertThat(cal.isSpread()).isFalse();
    }

    @Test
    void aRetiredSlotNeverMatchesAnOldHandle() {
        CalendarEventQueue cal = new CalendarEventQueue();
        cal.schedule(100, 0, 99, 0);
        long probe = cal.schedule(1, 0, 1, 0);
        cal.cancel(probe);
        cal.seedGeneration((int) probe, CalendarEventQueue.MAX_GENERATION);
        long h = cal.schedule(2, 0, 2, 0);
        assertThat((int) h).isEqualTo((int) probe);
        assertThat(h).isNotNegative();
        cal.cancel(h); // the slot reaches the last generation and retires
        long other = cal.schedule(3, 0, 3, 0);
        assertThat((int) other).isNotEqualTo((int) probe);
        assertThat(cal.contains(h)).isFalse();
        assertThat(cal.contains(probe)).isFalse();
        assertThat(cal.size()).isEqualTo(2);
    }
}
