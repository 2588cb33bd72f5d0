package io.stratus.sim;

/**
 * The part every {@link EventQueue} implementation shares: the fields of the event last polled
 * and their accessors, so a poll exposes an event without allocating one.
 */
abstract class PolledEventQueue implements EventQueue {

    private long polledTime;
    private int polledKind;
    private int polledSubject;
    private long polledData;

    /** Records the event being polled: its time, packed (kind, subject) and data word. */
    final void setPolled(long time, long kindSubject, long data) {
        polledTime = time;
        polledKind = (int) (kindSubject >>> 32);
        polledSubject = (int) kindSubject;
        polledData = data;
    }

    @Override
    public final long polledTime() {
        return polledTime;
    }

    @Override
    public final int polledKind() {
        return polledKind;
    }

    @Override
    public final int polledSubject() {
        return polledSubject;
    }

    @Override
    public final long polledData() {
        return polledData;
    }
}
