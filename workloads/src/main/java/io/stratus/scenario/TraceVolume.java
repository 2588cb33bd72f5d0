package io.stratus.scenario;

import io.stratus.sim.Time;
import io.stratus.trace.RequestCount;
import io.stratus.trace.TraceFormatException;
import io.stratus.trace.TraceReader;
import java.io.IOException;

/**
 * The scenario's volume limits applied to a request-rate trace as it is replayed: its rate cannot
 * be known before the file is read, so each bin is checked when the run reaches it. A bin whose
 * replayed rate (count x multiplier x speedup / bin width) exceeds
 * {@link ScenarioLimits#MAX_RATE_PER_SECOND}, or a trace whose replayed requests so far exceed
 * {@link ScenarioLimits#MAX_EXPECTED_REQUESTS}, is bad input: a {@link TraceFormatException} naming
 * the file and line, before any arrival of that bin is simulated and before anything is written.
 */
final class TraceVolume {

    private final TraceReader<RequestCount> reader;
    private final double multiplier;
    private final double speedup;
    private double total;

    TraceVolume(TraceReader<RequestCount> reader, double multiplier, double speedup) {
        this.reader = reader;
        this.multiplier = multiplier;
        this.speedup = speedup;
    }

    /** {@code bin}, checked against the limits; null at the end of the trace. */
    RequestCount check(RequestCount bin) throws TraceFormatException {
        if (bin == null) {
            return null;
        }
        double requests = bin.count() * multiplier;
        double perSecond = requests * speedup / Time.toSeconds(bin.width());
        if (perSecond > ScenarioLimits.MAX_RATE_PER_SECOND) {
            throw new TraceFormatException(reader.file(), reader.line(), 1, String.format("a count of %d requests "
                    + "in %s replays at %.3g requests/s (multiplier %s, speedup %s); a run may replay at most "
                    + "%.0f/s: lower the multiplier or the speedup, or use another trace", bin.count(),
                    Time.compact(bin.width()), perSecond, multiplier, speedup, ScenarioLimits.MAX_RATE_PER_SECOND));
        }
        total += requests;
        if (total > ScenarioLimits.MAX_EXPECTED_REQUESTS) {
            throw new TraceFormatException(reader.file(), reader.line(), 1, String.format("the trace has replayed "
                    + "%.3g requests by this line; a run may simulate at most %.0g: shorten the duration or "
                    + "lower the multiplier", total, ScenarioLimits.MAX_EXPECTED_REQUESTS));
        }
        return bin;
    }
}
