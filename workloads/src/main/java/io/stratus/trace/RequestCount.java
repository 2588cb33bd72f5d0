package io.stratus.trace;

import io.stratus.sim.Time;
import java.util.function.IntToLongFunction;

/**
 * The number of requests a service received in one time bin: one step of a request-rate trace.
 * What a load balancer replay turns into arrivals (see {@code io.stratus.trace.replay}).
 *
 * @param start bin start, microseconds on the trace's clock
 * @param width bin width, microseconds (positive)
 * @param count requests received in {@code [start, start + width)}
 */
public record RequestCount(long start, long width, long count) implements Timed {

    public RequestCount {
        if (width <= 0) {
            throw new IllegalArgumentException("bin width must be positive, got " + width);
        }
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative, got " + count);
        }
    }

    @Override
    public long time() {
        return start;
    }

    /** The bin's end, exclusive. */
    public long end() {
        return start + width;
    }

    /**
     * A series of {@code minutes} one-minute bins starting at time 0, for a rate replay: bin
     * {@code k} starts at minute {@code k} and holds {@code countInMinute.applyAsLong(k)} requests.
     */
    static RecordSource<RequestCount> minuteBins(int minutes, IntToLongFunction countInMinute) {
        return new RecordSource<>() {
            private int minute;

            @Override
            public RequestCount next() {
                if (minute == minutes) {
                    return null;
                }
                RequestCount bin =
                        new RequestCount(minute * Time.MINUTE, Time.MINUTE, countInMinute.applyAsLong(minute));
                minute++;
                return bin;
            }
        };
    }
}
