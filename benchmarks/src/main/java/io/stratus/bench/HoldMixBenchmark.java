package io.stratus.bench;

import io.stratus.sim.CalendarEventQueue;
import io.stratus.sim.DaryEventHeap;
import io.stratus.sim.EventQueue;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.cloudsimplus.core.CloudSimPlus;
import org.cloudsimplus.core.events.CloudSimEvent;
import org.cloudsimplus.core.events.FutureQueue;
import org.cloudsimplus.core.events.SimEvent;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The hold model with cancel and reschedule, as a fluid-sharing simulator drives its queue: the
 * queue holds {@code size} pending events, each owned by one of {@code size} subjects that keeps
 * its handle. One operation is one step of a fixed-seed mix:
 * <ul>
 *   <li>50%: <em>hold</em>, poll the earliest event and schedule its subject's next event at the
 *       polled time plus an increment;</li>
 *   <li>25%: <em>reschedule</em> a random subject's pending event to the current time (the last
 *       polled time) plus an increment (a completion moved by a rate change);</li>
 *   <li>25%: <em>cancel</em> a random subject's pending event and schedule a new one at the current
 *       time plus an increment (a server closed, a new one opened).</li>
 * </ul>
 * So the size stays constant and every step does one or two queue operations; the result counts
 * steps, not queue operations. Increments are those of {@link EventQueueBenchmark} (exponential,
 * mean one simulated second, a fixed ring); the step kinds and subjects come from fixed-seed
 * rings too, the same for every implementation.
 *
 * <p>Implementations: {@code stratus} ({@link DaryEventHeap}, 4-ary, the handle-indexed heap),
 * {@code calendar} ({@link CalendarEventQueue}) and {@code cloudsimplus} (CloudSim Plus 8.5.7's
 * {@link FutureQueue}: cancel is {@code remove(event)}, reschedule is a remove and a new event,
 * as CloudSim Plus has no way to move an event).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgs = {"-Xms2g", "-Xmx2g"})
public class HoldMixBenchmark {

    static final int RING = EventQueueBenchmark.RING;

    @Param({"100000", "1000000"})
    public int size;

    @Param({"stratus", "calendar", "cloudsimplus"})
    public String impl;

    private Mix mix;

    @Setup(Level.Trial)
    public void setUp() {
        long[] micros = EventQueueBenchmark.increments();
        SplittableRandom random = new SplittableRandom(0x4d1c_2026L);
        byte[] kinds = new byte[RING];
        int[] subjects = new int[RING];
        for (int i = 0; i < RING; i++) {
            int k = random.nextInt(4);
            kinds[i] = (byte) (k < 2 ? 0 : k - 1); // 0 hold (50%), 1 reschedule, 2 cancel
            subjects[i] = random.nextInt(size);
        }
        switch (impl) {
            case "stratus" -> mix = new StratusMix(new DaryEventHeap(4, size), size, micros, kinds, subjects);
            case "calendar" -> mix = new StratusMix(new CalendarEventQueue(size), size, micros, kinds, subjects);
            case "cloudsimplus" -> mix = new CloudSimPlusMix(size, micros, kinds, subjects);
            default -> throw new IllegalArgumentException("unknown impl " + impl);
        }
        mix.fill();
        if (mix.size() != size) {
            throw new IllegalStateException("filled " + mix.size() + " events, wanted " + size);
        }
    }

    /** One step of the mix; returns something of what it did, for JMH to consume. */
    @Benchmark
    public long mix() {
        return mix.step();
    }

    /** One implementation under the mix. */
    abstract static class Mix {
        final long[] micros;
        final byte[] kinds;
        final int[] subjects;
        final int n;
        int next;

        Mix(int n, long[] micros, byte[] kinds, int[] subjects) {
            this.n = n;
            this.micros = micros;
            this.kinds = kinds;
            this.subjects = subjects;
        }

        abstract void fill();

        abstract int size();

        abstract long step();
    }

    static final class StratusMix extends Mix {
        private final EventQueue queue;
        private final long[] handles;
        private long now;

        StratusMix(EventQueue queue, int n, long[] micros, byte[] kinds, int[] subjects) {
            super(n, micros, kinds, subjects);
            this.queue = queue;
            this.handles = new long[n];
        }

        @Override
        void fill() {
            for (int i = 0; i < n; i++) {
                handles[i] = queue.schedule(micros[i & (RING - 1)], 0, i, 0);
            }
            next = n & (RING - 1);
        }

        @Override
        int size() {
            return queue.size();
        }

        @Override
        long step() {
            int r = next;
            next = (r + 1) & (RING - 1);
            EventQueue q = queue;
            long at = now + micros[r];
            switch (kinds[r]) {
                case 0 -> {
                    q.poll();
                    now = q.polledTime();
                    int subject = q.polledSubject();
                    handles[subject] = q.schedule(now + micros[r], 0, subject, 0);
                    return now;
                }
                case 1 -> {
                    q.reschedule(handles[subjects[r]], at);
                    return at;
                }
                default -> {
                    int subject = subjects[r];
                    q.cancel(handles[subject]);
                    handles[subject] = q.schedule(at, 0, subject, 0);
                    return at;
                }
            }
        }
    }

    static final class CloudSimPlusMix extends Mix {
        private static final int TAG = 1;
        private final FutureQueue queue = new FutureQueue();
        private final EventQueueBenchmark.Entity entity = new EventQueueBenchmark.Entity(new CloudSimPlus());
        private final CloudSimEvent[] events;
        private final Integer[] boxes;
        private double now;

        CloudSimPlusMix(int n, long[] micros, byte[] kinds, int[] subjects) {
            super(n, micros, kinds, subjects);
            events = new CloudSimEvent[n];
            boxes = new Integer[n];
            for (int i = 0; i < n; i++) {
                boxes[i] = i;
            }
        }

        private double seconds(int r) {
            return micros[r] / EventQueueBenchmark.MEAN_MICROS;
        }

        private void add(int subject, double time) {
            CloudSimEvent e = new CloudSimEvent(time, entity, entity, TAG, boxes[subject]);
            events[subject] = e;
            queue.addEvent(e);
        }

        @Override
        void fill() {
            for (int i = 0; i < n; i++) {
                add(i, seconds(i & (RING - 1)));
            }
            next = n & (RING - 1);
        }

        @Override
        int size() {
            return queue.size();
        }

        @Override
        long step() {
            int r = next;
            next = (r + 1) & (RING - 1);
            if (kinds[r] == 0) {
                SimEvent e = queue.first();
                queue.remove(e);
                now = e.getTime();
                add((Integer) e.getData(), now + seconds(r));
                return e.getSerial();
            }
            int subject = subjects[r];
            queue.remove(events[subject]);
            add(subject, now + seconds(r));
            return subject;
        }
    }
}
