package io.stratus.trace.replay;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * How a trace is laid onto simulated time. A trace instant {@code t} is replayed at
 * {@code simStart + (t - traceOrigin) / speedup}; the load is then multiplied by
 * {@code rateMultiplier}. So {@code speedup = 60} replays an hour of trace in a simulated minute
 * (the arrival rate is 60 times the trace's), and {@code rateMultiplier = 2} doubles the arrivals
 * without changing the time axis.
 *
 * @param simStart       the simulated time of the trace origin, microseconds (not negative)
 * @param speedup        trace time per simulated time (positive; 1 replays in real time)
 * @param rateMultiplier arrivals per trace request (positive; 1 replays the trace as it is)
 * @param traceOrigin    the trace instant that maps to {@code simStart}; empty for the first
 *                       record's time
 */
public record ReplayOptions(long simStart, double speedup, double rateMultiplier, OptionalLong traceOrigin) {

    public ReplayOptions {
        if (simStart < 0) {
            throw new IllegalArgumentException("simulated start must not be negative, got " + simStart);
        }
        if (!(speedup > 0) || !Double.isFinite(speedup)) {
            throw new IllegalArgumentException("speedup must be positive and finite, got " + speedup);
        }
        if (!(rateMultiplier > 0) || !Double.isFinite(rateMultiplier)) {
            throw new IllegalArgumentException("rate multiplier must be positive and finite, got " + rateMultiplier);
        }
        Objects.requireNonNull(traceOrigin, "traceOrigin");
    }

    /** The trace as recorded: from its first record, at time 0, real speed, real load. */
    public static ReplayOptions asRecorded() {
        return new ReplayOptions(0, 1, 1, OptionalLong.empty());
    }

    /** These options starting the replay at simulated time {@code simStart}. */
    public ReplayOptions startingAt(long start) {
        return new ReplayOptions(start, speedup, rateMultiplier, traceOrigin);
    }

    /** These options with another speedup. */
    public ReplayOptions withSpeedup(double factor) {
        return new ReplayOptions(simStart, factor, rateMultiplier, traceOrigin);
    }

    /** These options with another rate multiplier. */
    public ReplayOptions withRateMultiplier(double factor) {
        return new ReplayOptions(simStart, speedup, factor, traceOrigin);
    }

    /** These options mapping trace instant {@code origin} (not the first record) to the start. */
    public ReplayOptions withTraceOrigin(long origin) {
        return new ReplayOptions(simStart, speedup, rateMultiplier, OptionalLong.of(origin));
    }

    /** The trace origin: the one set, else {@code firstRecordTime}. */
    long originOr(long firstRecordTime) {
        return traceOrigin.orElse(firstRecordTime);
    }

    /** The simulated instant of trace instant {@code t}, exact (not rounded), microseconds. */
    double toSim(long t, long origin) {
        return simStart + (t - origin) / speedup;
    }
}
