package io.stratus.bench;

import io.stratus.sim.CalendarEventQueue;
import io.stratus.sim.DaryEventHeap;
import io.stratus.sim.EventQueue;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.cloudsimplus.core.CloudSimEntity;
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
 * The classic hold model on an event queue: the queue holds {@code size} pending events; one
 * operation polls the earliest event and schedules one new event at (polled time + a random
 * increment), so the size stays constant.
 *
 * <p>Increments are exponential with a mean of one simulated second, drawn once from a fixed
 * seed into a ring of 2^20 values, so every implementation sees the same sequence and the
 * random number generator is not measured. Stratus and the JDK queue use {@code long}
 * microseconds; CloudSim Plus uses {@code double} seconds, so its ring holds the same
 * increments divided by 10^6.
 *
 * <p>Implementations ({@link #impl}):
 * <ul>
 *   <li>{@code stratus}: {@link DaryEventHeap}, arity 4 (the engine's default);</li>
 *   <li>{@code stratus2ary}: {@link DaryEventHeap}, arity 2;</li>
 *   <li>{@code calendar}: {@link CalendarEventQueue}, the calendar queue with a sorted front;</li>
 *   <li>{@code jdkPriorityQueue}: {@link PriorityQueue} of small event objects ordered by
 *       (time, seq), one new object per scheduled event;</li>
 *   <li>{@code cloudsimplus}: CloudSim Plus 8.5.7's own {@link FutureQueue} of
 *       {@link CloudSimEvent}s, driven as {@code CloudSim} drives it: {@code first()} then
 *       {@code remove(first)} to poll, a new {@code CloudSimEvent} plus {@code addEvent} to
 *       schedule.</li>
 * </ul>
 *
 * <p>Each operation returns a value derived from the polled event, so JMH consumes it and the
 * work cannot be eliminated. The loop is JMH's, not ours (see JMHSample_34_SafeLooping).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgs = {"-Xms2g", "-Xmx2g"})
public class EventQueueBenchmark {

    /** Number of increments in the ring (a power of two). */
    static final int RING = 1 << 20;
    static final long SEED = 0x5eed_2025L;
    static final double MEAN_MICROS = 1_000_000.0;

    @Param({"1000", "100000", "1000000"})
    public int size;

    @Param({"stratus", "stratus2ary", "calendar", "jdkPriorityQueue", "cloudsimplus"})
    public String impl;

    private Hold hold;

    @Setup(Level.Trial)
    public void setUp() {
        long[] micros = increments();
        switch (impl) {
            case "stratus" -> hold = new StratusHold(new DaryEventHeap(4, size), micros);
            case "stratus2ary" -> hold = new StratusHold(new DaryEventHeap(2, size), micros);
            case "calendar" -> hold = new StratusHold(new CalendarEventQueue(size), micros);
            case "jdkPriorityQueue" -> hold = new JdkHold(size, micros);
            case "cloudsimplus" -> hold = new CloudSimPlusHold(micros);
            default -> throw new IllegalArgumentException("unknown impl " + impl);
        }
        hold.fill(size);
        if (hold.size() != size) {
            throw new IllegalStateException("filled " + hold.size() + " events, wanted " + size);
        }
    }

    /** One hold operation: poll the earliest event, schedule one later event. */
    @Benchmark
    public long hold() {
        return hold.step();
    }

    /**
     * The shared ring of increments, in whole microseconds (at least 1, so that an event is
     * never scheduled at the time of the one just polled: all queues see the same order).
     */
    static long[] increments() {
        SplittableRandom random = new SplittableRandom(SEED);
        long[] ring = new long[RING];
        for (int i = 0; i < RING; i++) {
            double x = -MEAN_MICROS * Math.log(1.0 - random.nextDouble());
            ring[i] = Math.max(1L, Math.round(x));
        }
        return ring;
    }

    /** One implementation under the hold model. */
    abstract static class Hold {
        final long[] micros;
        int next;

        Hold(long[] micros) {
            this.micros = micros;
        }

        /** The next increment in microseconds. */
        final long nextIncrement() {
            long inc = micros[next];
            next = (next + 1) & (RING - 1);
            return inc;
        }

        /** Schedules {@code n} events at increments from time 0. */
        abstract void fill(int n);

        abstract int size();

        /** Polls the earliest event, schedules one more; returns something of the polled event. */
        abstract long step();
    }

    static final class StratusHold extends Hold {
        private final EventQueue queue;

        StratusHold(EventQueue queue, long[] micros) {
            super(micros);
            this.queue = queue;
        }

        @Override
        void fill(int n) {
            for (int i = 0; i < n; i++) {
                queue.schedule(nextIncrement(), 0, i, i);
            }
        }

        @Override
        int size() {
            return queue.size();
        }

        @Override
        long step() {
            EventQueue q = queue;
            q.poll();
            long time = q.polledTime();
            q.schedule(time + nextIncrement(), q.polledKind(), q.polledSubject(), q.polledData());
            return time;
        }
    }

    /** A small event object, as a simple Java simulator would have. */
    static final class Event implements Comparable<Event> {
        final long time;
        final long seq;
        final int kind;
        final int subject;
        final long data;

        Event(long time, long seq, int kind, int subject, long data) {
            this.time = time;
            this.seq = seq;
            this.kind = kind;
            this.subject = subject;
            this.data = data;
        }

        @Override
        public int compareTo(Event o) {
            int c = Long.compare(time, o.time);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }

    static final class JdkHold extends Hold {
        private final PriorityQueue<Event> queue;
        private long seq;

        JdkHold(int capacity, long[] micros) {
            super(micros);
            this.queue = new PriorityQueue<>(capacity + 1);
        }

        @Override
        void fill(int n) {
            for (int i = 0; i < n; i++) {
                queue.add(new Event(nextIncrement(), seq++, 0, i, i));
            }
        }

        @Override
        int size() {
            return queue.size();
        }

        @Override
        long step() {
            Event e = queue.poll();
            queue.add(new Event(e.time + nextIncrement(), seq++, e.kind, e.subject, e.data));
            return e.time;
        }
    }

    /**
     * CloudSim Plus's future-event queue. A {@code CloudSimEvent} takes its time as the
     * simulation clock plus a delay; the simulation is never run, so its clock stays at 0 and
     * the delay passed is the absolute time (what {@code CloudSim} computes as clock + delay
     * when the clock is the polled event's time).
     */
    static final class CloudSimPlusHold extends Hold {
        private static final int TAG = 1;
        private final double[] seconds;
        private final FutureQueue queue = new FutureQueue();
        private final CloudSimEntity entity;

        CloudSimPlusHold(long[] micros) {
            super(micros);
            seconds = new double[RING];
            for (int i = 0; i < RING; i++) {
                seconds[i] = micros[i] / MEAN_MICROS;
            }
            entity = new Entity(new CloudSimPlus());
        }

        double nextSeconds() {
            double inc = seconds[next];
            next = (next + 1) & (RING - 1);
            return inc;
        }

        @Override
        void fill(int n) {
            for (int i = 0; i < n; i++) {
                queue.addEvent(new CloudSimEvent(nextSeconds(), entity, entity, TAG, entity));
            }
        }

        @Override
        int size() {
            return queue.size();
        }

        @Override
        long step() {
            FutureQueue q = queue;
            SimEvent e = q.first();
            q.remove(e);
            double time = e.getTime();
            q.addEvent(new CloudSimEvent(time + nextSeconds(), e.getSource(), e.getDestination(), e.getTag(),
                    e.getData()));
            return e.getSerial();
        }
    }

    /** The entity CloudSim Plus events need as source and destination; it handles nothing. */
    static final class Entity extends CloudSimEntity {
        Entity(CloudSimPlus simulation) {
            super(simulation);
        }

        @Override
        protected void startInternal() {
        }

        @Override
        public void processEvent(SimEvent evt) {
        }
    }
}
