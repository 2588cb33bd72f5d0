package io.stratus.trace;

import io.stratus.sim.Time;

/**
 * Checks that a reader's records come in time order, for formats whose files are sorted by
 * time: a record earlier than the one before it is an error naming its line, never a silently
 * reordered replay.
 */
final class TimeOrder {

    private final boolean strict;
    private long last = Long.MIN_VALUE;

    /**
     * @param strict whether equal times are refused too (series with one sample per instant)
     */
    TimeOrder(boolean strict) {
        this.strict = strict;
    }

    /** Accepts {@code time}, read from field {@code field} of the cursor's line, or fails. */
    void accept(LineCursor cursor, int field, long time) throws TraceFormatException {
        if (time < last || strict && time == last) {
            throw cursor.error(field, "time " + Time.format(time) + " is " + (time == last ? "equal to" : "before")
                    + " the previous record's " + Time.format(last) + ": the file must be sorted by time"
                    + (strict ? " with no repeats" : ""));
        }
        last = time;
    }
}
