package io.stratus.examples;

import io.stratus.cloud.Cloud;
import io.stratus.cloud.ServiceRun;
import io.stratus.sim.Time;
import io.stratus.trace.RequestCount;
import io.stratus.trace.RequestRateCsvReader;
import io.stratus.workload.RateProfile;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads a bundled trace with the workloads module's readers and replays it through the engine:
 * the first day of the 1998 World Cup web site's requests per minute
 * ({@code workloads/traces/worldcup98-requests-per-minute.csv.gz}, MIT, see the PROVENANCE.md beside
 * it) becomes a {@link RateProfile} of one constant rate per minute, driving Poisson arrivals into
 * an Auto Scaling group of c5.large.
 *
 * <p>Run from the repository or any folder below it, or give the trace's path as the argument.
 */
public final class ReadATrace {

    static final String TRACE = "workloads/traces/worldcup98-requests-per-minute.csv.gz";

    private ReadATrace() {
    }

    /** What was read and what the replay did. */
    public record Result(int minutes, long traceRequests, long peakPerMinute, long simulatedRequests,
                         long refused, double p99Ms) {
    }

    /** Requests per second for each minute of a day from time 0, the day repeating. */
    record PerMinute(double[] perSecond, double peak, double mean) implements RateProfile {
        @Override
        public double ratePerSecond(long time) {
            // the day repeats: a rate of zero for ever after would leave the arrivals' thinning no arrival to find
            return perSecond[(int) (time / Time.MINUTE % perSecond.length)];
        }

        @Override
        public double maxRatePerSecond() {
            return peak;
        }

        @Override
        public double meanRatePerSecond() {
            return mean;
        }
    }

    public static void main(String[] args) {
        run(args.length > 0 ? Path.of(args[0]) : findTrace(), System.out);
    }

    /** Reads the first day of {@code trace} and replays it; prints and returns the numbers. */
    public static Result run(Path trace, PrintStream out) {
        double[] perSecond = new double[24 * 60];
        long total = 0;
        long peak = 0;
        int minutes = 0;
        try (RequestRateCsvReader reader = new RequestRateCsvReader(trace)) {
            long first = -1;
            for (RequestCount c = reader.next(); c != null; c = reader.next()) {
                first = first < 0 ? c.start() : first;
                int minute = (int) ((c.start() - first) / Time.MINUTE);
                if (minute >= perSecond.length) {
                    break;
                }
                perSecond[minute] = c.count() / 60.0;
                total += c.count();
                peak = Math.max(peak, c.count());
                minutes = minute + 1;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        PerMinute profile = new PerMinute(perSecond, peak / 60.0, total / (perSecond.length * 60.0));
        Cloud cloud = Cloud.builder().seed(1998).zones("us-east-1a", "us-east-1b").hosts("c5", 2)
                .service("site", s -> s.instanceType("c5.large").autoScaling(2, 8).targetCpu(50)
                        .poisson(profile).exponentialWork(5 * Time.MILLISECOND))
                .build();
        cloud.run(Time.DAY);
        ServiceRun site = cloud.service("site");
        Result r = new Result(minutes, total, peak, site.requests(), site.refused(),
                site.latency().percentileMicros(99) / 1000.0);
        out.printf(Locale.ROOT, "%s: first day, %d minutes, %,d requests, busiest minute %,d%n",
                trace.getFileName(), r.minutes(), r.traceRequests(), r.peakPerMinute());
        out.printf(Locale.ROOT, "replayed as Poisson arrivals: %,d requests, %,d refused, p99 %.1f ms, $%.2f%n",
                r.simulatedRequests(), r.refused(), r.p99Ms(), cloud.onDemandUsd());
        return r;
    }

    /** The bundled trace, from the working folder or the nearest folder above holding it. */
    static Path findTrace() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(TRACE);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("cannot find " + TRACE + " here or above; give the trace's path as the argument");
    }
}
