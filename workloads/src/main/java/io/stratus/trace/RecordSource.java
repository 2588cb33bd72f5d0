package io.stratus.trace;

import java.io.IOException;

/**
 * Records one after another, in order: a trace reader, or an in-memory series. The replay
 * adapters consume this, so they work the same on a file streamed from disk and on a series
 * built in a test.
 *
 * @param <R> the record type
 */
@FunctionalInterface
public interface RecordSource<R> {

    /** The next record, or {@code null} when there are no more. */
    R next() throws IOException;
}
