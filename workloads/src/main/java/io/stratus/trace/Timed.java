package io.stratus.trace;

/** A trace record that happens at a point of the trace's own clock. */
public interface Timed {

    /**
     * When the record happens, microseconds on the trace's clock: since the trace's start for
     * formats with relative times, since the Unix epoch for formats with calendar timestamps
     * (read as UTC, since the files name no zone).
     */
    long time();
}
