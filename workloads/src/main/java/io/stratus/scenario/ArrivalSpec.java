package io.stratus.scenario;

import io.stratus.sim.RandomStream;
import io.stratus.trace.RecordSource;
import io.stratus.trace.RequestCount;
import io.stratus.trace.TraceFormat;
import io.stratus.trace.TraceReader;
import io.stratus.trace.replay.RateReplay;
import io.stratus.trace.replay.ReplayOptions;
import io.stratus.workload.ArrivalProcess;
import io.stratus.workload.PoissonArrivals;
import io.stratus.workload.RateProfile;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/** How the requests of a service arrive: a synthetic rate profile or a replayed trace. */
public sealed interface ArrivalSpec permits ArrivalSpec.Profile, ArrivalSpec.Trace, FunctionArrivals {

    /**
     * Opens the arrival process for a run; anything it opens that must be closed after the run is
     * added to {@code toClose}.
     */
    ArrivalProcess open(RandomStream random, List<Closeable> toClose) throws IOException;

    /** The long-run mean rate per second when known in advance (for limits), else empty. */
    OptionalDouble meanRatePerSecond();

    /** Poisson arrivals following a rate profile (constant or daily cycle). */
    record Profile(RateProfile profile) implements ArrivalSpec {

        public Profile {
            Objects.requireNonNull(profile, "profile");
        }

        @Override
        public ArrivalProcess open(RandomStream random, List<Closeable> toClose) {
            return new PoissonArrivals(profile, random);
        }

        @Override
        public OptionalDouble meanRatePerSecond() {
            return OptionalDouble.of(profile.meanRatePerSecond());
        }
    }

    /**
     * A request-rate trace (counts per bin) replayed from its first record at time 0, streamed
     * from disk.
     *
     * @param format     {@code request-rate} or {@code request-rate-csv}
     * @param path       the trace file, resolved against the scenario's folder
     * @param poisson    Poisson arrivals within each bin (true) or evenly spread (false)
     * @param speedup    trace time per simulated time
     * @param multiplier arrivals per trace request
     * @param from       the trace instant replayed at time 0 (bins before it are skipped), or
     *                   {@link Long#MIN_VALUE} for the first record
     */
    record Trace(TraceFormat format, Path path, boolean poisson, double speedup, double multiplier, long from)
            implements ArrivalSpec {

        public Trace {
            Objects.requireNonNull(format, "format");
            Objects.requireNonNull(path, "path");
        }

        @Override
        public ArrivalProcess open(RandomStream random, List<Closeable> toClose) throws IOException {
            TraceReader<RequestCount> reader = format.open(path, RequestCount.class);
            toClose.add(reader);
            ReplayOptions options = ReplayOptions.asRecorded().withSpeedup(speedup).withRateMultiplier(multiplier);
            TraceVolume volume = new TraceVolume(reader, multiplier, speedup);
            RecordSource<RequestCount> bins = () -> volume.check(reader.next());
            if (from != Long.MIN_VALUE) {
                options = options.withTraceOrigin(from);
                bins = () -> {
                    RequestCount bin = reader.next();
                    while (bin != null && bin.end() <= from) {
                        bin = reader.next();
                    }
                    return volume.check(bin);
                };
            }
            return poisson ? RateReplay.poisson(bins, options, random) : RateReplay.even(bins, options);
        }

        @Override
        public OptionalDouble meanRatePerSecond() {
            return OptionalDouble.empty();
        }
    }
}
