package io.stratus.sim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The simulation loop: a clock, an {@link EventQueue} and the handlers of each event kind.
 *
 * <p>Components register a handler once, receive an event kind (a small integer), and then
 * schedule events of that kind with a subject and a data word; no event object is created. The
 * loop sets the clock to an event's time <em>before</em> running its handler, so a handler
 * always sees {@link #now()} equal to its own event's time.
 *
 * <p>Scheduling an event before the current time is a programming error and is refused with an
 * {@link IllegalArgumentException} naming the event kind and both times. The loop runs until the
 * queue is empty ({@link #run()}), until a time ({@link #runUntil(long)}), or until a handler
 * calls {@link #stop()}.
 */
public final class Simulation {

    private final EventQueue queue;
    private final RandomStreams random;
    private EventHandler[] handlers = new EventHandler[8];
    private final List<String> kindNames = new ArrayList<>();
    private long now;
    private long eventsRun;
    private boolean stopRequested;

    /**
     * A simulation at time 0 with the default event queue, a {@link CalendarEventQueue}: the same
     * order as {@link DaryEventHeap} (so the same results), a heap while small, a calendar at region
     * scale (results/speed.md).
     */
    public Simulation(long masterSeed) {
        this(masterSeed, new CalendarEventQueue());
    }

    /** A simulation at time 0 over the given (empty) event queue. */
    public Simulation(long masterSeed, EventQueue queue) {
        this.queue = Objects.requireNonNull(queue, "queue");
        if (!queue.isEmpty()) {
            throw new IllegalArgumentException("the event queue must start empty");
        }
        this.random = new RandomStreams(masterSeed);
    }

    /** Current simulated time in microseconds. */
    public long now() {
        return now;
    }

    /** The random streams of this run, all derived from its master seed. */
    public RandomStreams random() {
        return random;
    }

    /** Events run so far. */
    public long eventsRun() {
        return eventsRun;
    }

    /** Events waiting in the queue. */
    public int pendingEvents() {
        return queue.size();
    }

    /**
     * Registers the handler of a new event kind.
     *
     * @param name a name used in error messages
     * @return the kind to pass to {@link #schedule}
     */
    public int registerKind(String name, EventHandler handler) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(handler, "handler");
        int kind = kindNames.size();
        if (kind == handlers.length) {
            handlers = Arrays.copyOf(handlers, kind * 2);
        }
        handlers[kind] = handler;
        kindNames.add(name);
        return kind;
    }

    /** The name a kind was registered with. */
    public String kindName(int kind) {
        return kindNames.get(kind);
    }

    /**
     * Schedules an event at an absolute time.
     *
     * @return a handle for {@link #cancel} and {@link #reschedule}
     * @throws IllegalArgumentException if {@code time} is before now or the kind is unknown
     */
    public long schedule(long time, int kind, int subject, long data) {
        if (kind < 0 || kind >= kindNames.size()) {
            throw new IllegalArgumentException("unknown event kind " + kind);
        }
        if (time < now) {
            throw pastTime(kind, time);
        }
        return queue.schedule(time, kind, subject, data);
    }

    /**
     * Schedules an event {@code delay} microseconds from now (delay must not be negative); a
     * delay past the end of time schedules it at {@link Long#MAX_VALUE}, which no run reaches.
     */
    public long scheduleIn(long delay, int kind, int subject, long data) {
        if (delay < 0) {
            throw new IllegalArgumentException("event '" + kindName(kind) + "' has a negative delay of "
                    + Time.format(delay));
        }
        return schedule(Time.plus(now, delay), kind, subject, data);
    }

    /** Cancels a pending event; returns false if it already ran or was cancelled. */
    public boolean cancel(long handle) {
        return queue.cancel(handle);
    }

    /**
     * Moves a pending event to a new time, not before now.
     *
     * @return false if the handle names no pending event
     */
    public boolean reschedule(long handle, long newTime) {
        if (newTime < now) {
            throw new IllegalArgumentException("cannot reschedule an event to " + Time.format(newTime)
                    + ", before the current time " + Time.format(now));
        }
        return queue.reschedule(handle, newTime);
    }

    /** Whether the handle names a pending event. */
    public boolean isPending(long handle) {
        return queue.contains(handle);
    }

    /** Asks the loop to return after the event being handled. */
    public void stop() {
        stopRequested = true;
    }

    /** Runs events until the queue is empty or {@link #stop()} is called. */
    public void run() {
        runUntil(Long.MAX_VALUE);
    }

    /**
     * Runs every event at or before {@code endTime}, then advances the clock to {@code endTime}
     * (unless stopped early or {@code endTime} is {@link Long#MAX_VALUE}).
     *
     * @return true if it stopped because of {@link #stop()}
     */
    public boolean runUntil(long endTime) {
        if (endTime < now) {
            throw new IllegalArgumentException("cannot run until " + Time.format(endTime)
                    + ", before the current time " + Time.format(now));
        }
        stopRequested = false;
        EventQueue q = queue;
        while (!q.isEmpty() && q.peekTime() <= endTime) {
            q.poll();
            now = q.polledTime();
            eventsRun++;
            handlers[q.polledKind()].handle(q.polledSubject(), q.polledData());
            if (stopRequested) {
                return true;
            }
        }
        if (endTime != Long.MAX_VALUE) {
            now = endTime;
        }
        return false;
    }

    private IllegalArgumentException pastTime(int kind, long time) {
        return new IllegalArgumentException("cannot schedule event '" + kindName(kind) + "' at "
                + Time.format(time) + ": it is before the current time " + Time.format(now));
    }
}
