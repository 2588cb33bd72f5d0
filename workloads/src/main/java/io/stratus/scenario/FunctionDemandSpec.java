package io.stratus.scenario;

import io.stratus.sim.RandomStream;
import io.stratus.synthetic.DurationTail;
import io.stratus.synthetic.FunctionDurationDemand;
import io.stratus.synthetic.PiecewiseLinearQuantiles;
import io.stratus.workload.ServiceDemand;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Service demand from the real execution times of the functions a {@link FunctionArrivals}
 * replays: each function's duration distribution from its percentile table, closed as
 * {@code tail} says, mixed minute by minute by the functions' invocations
 * ({@link FunctionDurationDemand}, whose Javadoc states the model's simplifications: wall time on
 * Azure becomes CPU work on one vCPU here).
 *
 * @param path        the durations file (for messages)
 * @param tail        how each distribution's top per cent is closed
 * @param durationsMs one distribution per chosen function, in the arrival's order, milliseconds
 * @param perMinute   the chosen functions' per-minute invocations, in the same order (read-only)
 * @param origin      the trace instant at simulated time 0, microseconds
 * @param speedup     trace time per simulated time
 * @param meanMicros  the mean work over the whole trace, microseconds
 */
public record FunctionDemandSpec(Path path, DurationTail tail, List<PiecewiseLinearQuantiles> durationsMs,
                                 int[][] perMinute, long origin, double speedup, double meanMicros) {

    public FunctionDemandSpec {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(tail, "tail");
        durationsMs = List.copyOf(durationsMs);
        Objects.requireNonNull(perMinute, "perMinute");
    }

    /** The demand for a run: draws from {@code random}, reading the simulated {@code clock}. */
    public ServiceDemand open(RandomStream random, LongSupplier clock) {
        return new FunctionDurationDemand(durationsMs.toArray(PiecewiseLinearQuantiles[]::new), perMinute, clock,
                origin, speedup, random);
    }
}
