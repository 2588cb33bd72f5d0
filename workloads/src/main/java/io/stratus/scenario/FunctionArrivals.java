package io.stratus.scenario;

import io.stratus.sim.RandomStream;
import io.stratus.sim.Time;
import io.stratus.trace.InvocationTotals;
import io.stratus.trace.RecordSource;
import io.stratus.trace.RequestCount;
import io.stratus.trace.replay.RateReplay;
import io.stratus.trace.replay.ReplayOptions;
import io.stratus.workload.ArrivalProcess;
import java.io.Closeable;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Requests to a set of Azure Functions: the per-minute invocations of the chosen functions of an
 * Azure Functions 2019 trace, summed ({@link InvocationTotals}, read once when the scenario is
 * loaded: one array of per-minute sums, whatever the file's size), replayed as request arrivals
 * at one load balancer, Poisson or evenly spread within each minute ({@link RateReplay}).
 *
 * <p>Time 0 of the trace is minute 1 of its day (00:00); {@code from} is a time of that day.
 * Assumption: one endpoint serves every chosen function, so their invocations simply add up; the
 * trace's trigger types (HTTP, queue, timer, ...) are all treated as requests.
 *
 * @param path       the invocations file (for messages)
 * @param totals     the chosen functions' per-minute sums
 * @param poisson    Poisson arrivals within each minute (true) or evenly spread (false)
 * @param speedup    trace time per simulated time
 * @param multiplier arrivals per invocation
 * @param from       the trace instant replayed at time 0 (minutes before it are skipped), or
 *                   {@link Long#MIN_VALUE} for midnight
 */
public record FunctionArrivals(Path path, InvocationTotals totals, boolean poisson, double speedup, double multiplier,
                               long from) implements ArrivalSpec {

    public FunctionArrivals {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(totals, "totals");
    }

    /** The trace instant replayed at simulated time 0, microseconds. */
    public long origin() {
        return from == Long.MIN_VALUE ? 0 : from;
    }

    @Override
    public ArrivalProcess open(RandomStream random, List<Closeable> toClose) {
        ReplayOptions options = ReplayOptions.asRecorded().withSpeedup(speedup).withRateMultiplier(multiplier)
                .withTraceOrigin(origin());
        RecordSource<RequestCount> all = totals.bins();
        long start = origin();
        RecordSource<RequestCount> bins = () -> {
            RequestCount bin = all.next();
            while (bin != null && bin.end() <= start) {
                bin = all.next();
            }
            return bin;
        };
        return poisson ? RateReplay.poisson(bins, options, random) : RateReplay.even(bins, options);
    }

    /** The mean over the whole trace, in simulated requests per second. */
    @Override
    public OptionalDouble meanRatePerSecond() {
        double traceSeconds = totals.minutes() * (double) Time.MINUTE / Time.SECOND;
        return OptionalDouble.of(totals.total() * multiplier * speedup / traceSeconds);
    }
}
