package io.stratus.sim;

/**
 * A priority queue of future events, ordered by (time, insertion sequence).
 *
 * <p>An event is a row of four primitive fields: its time (microseconds), a {@code kind} (which
 * handler runs it), a {@code subject} (an index the handler understands, such as an instance
 * number) and a {@code data} word. Scheduling returns a stable {@code long} handle that stays
 * valid until the event is polled or cancelled; a stale handle is recognised and ignored, never
 * confused with a newer event that reuses the same storage.
 *
 * <p>Rescheduling an event gives it a fresh insertion sequence, exactly as if it had been
 * cancelled and scheduled again, so the order of ties is always the order of the last
 * (re)scheduling.
 *
 * <p>Polling does not allocate: {@link #poll()} moves the earliest event into the queue's
 * "polled" fields, read with {@link #polledTime()}, {@link #polledKind()},
 * {@link #polledSubject()} and {@link #polledData()} until the next poll.
 */
public interface EventQueue {

    /** A handle that names no event; {@link #cancel} and {@link #contains} ignore it. */
    long NO_EVENT = -1L;

    /**
     * Adds an event and returns its handle.
     *
     * @param time    when the event happens, in microseconds
     * @param kind    the handler index, non-negative
     * @param subject what the event is about (an index chosen by the handler)
     * @param data    a free data word for the handler
     * @return a handle valid until the event is polled or cancelled
     */
    long schedule(long time, int kind, int subject, long data);

    /** Removes the event if it is still pending; returns whether it was. */
    boolean cancel(long handle);

    /**
     * Moves a pending event to a new time, with a fresh insertion sequence.
     *
     * @return false (and does nothing) if the handle names no pending event
     */
    boolean reschedule(long handle, long newTime);

    /** Whether the handle names a pending event. */
    boolean contains(long handle);

    /** The time of a pending event; throws if the handle names none. */
    long timeOf(long handle);

    /** Number of pending events. */
    int size();

    /** Whether no event is pending. */
    default boolean isEmpty() {
        return size() == 0;
    }

    /** Time of the earliest pending event, or {@link Long#MAX_VALUE} if none. */
    long peekTime();

    /**
     * Removes the earliest event and exposes it through the {@code polled*} accessors.
     *
     * @return the handle the event had (now stale)
     * @throws java.util.NoSuchElementException if the queue is empty
     */
    long poll();

    /** Time of the event last returned by {@link #poll()}. */
    long polledTime();

    /** Kind of the event last returned by {@link #poll()}. */
    int polledKind();

    /** Subject of the event last returned by {@link #poll()}. */
    int polledSubject();

    /** Data word of the event last returned by {@link #poll()}. */
    long polledData();

    /** Removes every pending event; outstanding handles become stale. */
    void clear();
}
