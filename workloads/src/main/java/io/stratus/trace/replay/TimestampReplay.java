package io.stratus.trace.replay;

import io.stratus.trace.RecordSource;
import io.stratus.trace.Timed;
import io.stratus.workload.ArrivalProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * Replays a trace of individual arrivals (requests, VMs, jobs: any {@link Timed} records) as an
 * {@link ArrivalProcess}, at their exact recorded instants mapped through the
 * {@link ReplayOptions}. Records are read one ahead of the simulation, never all at once.
 *
 * <p>The rate multiplier {@code m} gives record {@code i} (from 0) {@code floor((i+1)m) -
 * floor(im)} arrivals, deterministically: for {@code m = 2} every record twice, for
 * {@code m = 0.5} every other record, and in the long run exactly {@code m} per record. The copies
 * of one record are spread evenly between its instant and the next record's (so doubling a trace
 * does not create simultaneous pairs); the last record's copies share its instant. With
 * {@code m = 1} the arrivals are exactly the records' instants.
 *
 * <p>Records must come in time order (an error otherwise): sort a file that is not sorted, such
 * as the Azure VM table, first. {@link #current()} gives the record behind the latest arrival, for
 * consumers that need its size.
 *
 * @param <R> the record type
 */
public final class TimestampReplay<R extends Timed> implements ArrivalProcess {

    /** Tolerance on the running expected total, so 0.1 x 10 records make 1 arrival, not 0. */
    private static final double EPSILON = 1e-9;

    private final RecordSource<? extends R> records;
    private final ReplayOptions options;
    private boolean started;
    private long origin;
    private R lookahead;
    private R current;
    private double currentTime;
    private double nextTime;
    private long recordIndex;
    private long copies;
    private long copy;

    public TimestampReplay(RecordSource<? extends R> records, ReplayOptions options) {
        this.records = Objects.requireNonNull(records, "records");
        this.options = Objects.requireNonNull(options, "options");
    }

    @Override
    public long nextArrival(long now) {
        while (true) {
            if (copy < copies) {
                double t = currentTime + copy * (nextTime - currentTime) / copies;
                copy++;
                long arrival = Math.round(t);
                if (arrival >= now) {
                    return arrival;
                }
            } else if (!advance()) {
                return Long.MAX_VALUE;
            }
        }
    }

    /** The record whose copy was the latest arrival returned (null before the first). */
    public R current() {
        return current;
    }

    private boolean advance() {
        if (!started) {
            started = true;
            lookahead = read();
            if (lookahead != null) {
                origin = options.originOr(lookahead.time());
            }
        }
        if (lookahead == null) {
            return false;
        }
        current = lookahead;
        currentTime = options.toSim(current.time(), origin);
        lookahead = read();
        if (lookahead != null && lookahead.time() < current.time()) {
            throw new IllegalArgumentException("trace records go back in time: " + lookahead
                    + " comes after " + current + " (sort the trace by time first)");
        }
        nextTime = lookahead == null ? currentTime : options.toSim(lookahead.time(), origin);
        double m = options.rateMultiplier();
        copies = (long) Math.floor((recordIndex + 1) * m + EPSILON) - (long) Math.floor(recordIndex * m + EPSILON);
        copy = 0;
        recordIndex++;
        return true;
    }

    private R read() {
        try {
            return records.next();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
