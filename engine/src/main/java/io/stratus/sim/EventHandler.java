package io.stratus.sim;

/**
 * Runs the events of one kind. The simulation clock is already set to the event's time when
 * {@link #handle} is called.
 */
@FunctionalInterface
public interface EventHandler {

    /**
     * Handles one event.
     *
     * @param subject the subject given when the event was scheduled
     * @param data    the data word given when the event was scheduled
     */
    void handle(int subject, long data);
}
