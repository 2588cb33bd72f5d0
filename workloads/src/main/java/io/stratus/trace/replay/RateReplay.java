package io.stratus.trace.replay;

import io.stratus.sim.RandomStream;
import io.stratus.trace.RecordSource;
import io.stratus.trace.RequestCount;
import io.stratus.workload.ArrivalProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * Replays a request-rate trace (counts per bin) as an {@link ArrivalProcess}: the rate is taken
 * to be constant within each bin, so each bin contributes its count (times the rate multiplier)
 * of arrivals spread over its replayed interval, either as a Poisson process
 * ({@link #poisson}) or evenly ({@link #even}). Bins are read from the trace as the simulation
 * needs them, so a trace of any length replays in constant memory.
 *
 * <p>Assumptions: bins do not overlap and come in time order (an error otherwise); time between
 * bins (a gap in the file) has rate zero; a bin's requests are spread over the whole bin, so
 * structure finer than a bin is not reproduced. With {@code rateMultiplier = 1} and even spreading
 * each bin gets exactly its count.
 */
public abstract sealed class RateReplay implements ArrivalProcess permits RateReplay.Poisson, RateReplay.Even {

    private final RecordSource<RequestCount> bins;
    private final ReplayOptions options;
    private long origin;
    private boolean started;
    private long previousEnd = Long.MIN_VALUE;

    /** Start and end of the current bin, simulated microseconds, exact. */
    double binStart;
    double binEnd;
    /** Arrivals the current bin should carry on average (count times multiplier). */
    double expected;

    private RateReplay(RecordSource<RequestCount> bins, ReplayOptions options) {
        this.bins = Objects.requireNonNull(bins, "bins");
        this.options = Objects.requireNonNull(options, "options");
    }

    /**
     * Arrivals forming a Poisson process of constant rate within each bin (count x multiplier /
     * replayed bin width), the non-homogeneous Poisson process whose rate is the trace's
     * piecewise-constant rate. The count a bin gets is random with the bin's count as its mean.
     */
    public static RateReplay poisson(RecordSource<RequestCount> bins, ReplayOptions options, RandomStream random) {
        return new Poisson(bins, options, random);
    }

    /**
     * Arrivals placed evenly within each bin, at the centres of {@code n} equal slices for a bin
     * that gets {@code n}: deterministic, no randomness. A fractional expected count (from the
     * multiplier) is carried to the next bins, so the total is the trace's times the multiplier,
     * rounded down.
     */
    public static RateReplay even(RecordSource<RequestCount> bins, ReplayOptions options) {
        return new Even(bins, options);
    }

    /**
     * Moves to the next bin that expects arrivals.
     *
     * @return false when the trace has no more bins
     */
    final boolean nextBin() {
        while (true) {
            RequestCount bin;
            try {
                bin = bins.next();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (bin == null) {
                return false;
            }
            if (!started) {
                started = true;
                origin = options.originOr(bin.start());
            }
            if (bin.start() < previousEnd) {
                throw new IllegalArgumentException("request-count bins overlap or go back in time: a bin starts at "
                        + bin.start() + "us, before the previous bin's end " + previousEnd + "us");
            }
            previousEnd = bin.end();
            if (bin.count() > 0) {
                binStart = options.toSim(bin.start(), origin);
                binEnd = options.toSim(bin.end(), origin);
                expected = bin.count() * options.rateMultiplier();
                return true;
            }
        }
    }

    /** Poisson arrivals within each bin. */
    static final class Poisson extends RateReplay {

        private final RandomStream random;
        private double clock;
        private boolean inBin;

        private Poisson(RecordSource<RequestCount> bins, ReplayOptions options, RandomStream random) {
            super(bins, options);
            this.random = Objects.requireNonNull(random, "random");
        }

        @Override
        public long nextArrival(long now) {
            while (true) {
                if (!inBin) {
                    if (!nextBin()) {
                        return Long.MAX_VALUE;
                    }
                    inBin = true;
                    clock = binStart;
                }
                // exponential gaps are memoryless, so restarting at now or at a bin edge is exact
                clock = Math.max(clock, Math.max(now, binStart));
                if (clock < binEnd) {
                    clock += random.exponential((binEnd - binStart) / expected);
                    if (clock < binEnd) {
                        return Math.round(clock);
                    }
                }
                inBin = false;
            }
        }
    }

    /** Evenly spread arrivals within each bin. */
    static final class Even extends RateReplay {

        /** Tolerance on the running expected total, so 0.1 x 10 bins makes 1 arrival, not 0. */
        private static final double EPSILON = 1e-9;

        private double cumulative;
        private long emitted;
        private long inBin;
        private long index;

        private Even(RecordSource<RequestCount> bins, ReplayOptions options) {
            super(bins, options);
        }

        @Override
        public long nextArrival(long now) {
            while (true) {
                if (index == inBin) {
                    if (!nextBin()) {
                        return Long.MAX_VALUE;
                    }
                    cumulative += expected;
                    long due = (long) Math.floor(cumulative + EPSILON);
                    inBin = due - emitted;
                    emitted = due;
                    index = 0;
                    continue;
                }
                double t = binStart + (index + 0.5) * (binEnd - binStart) / inBin;
                index++;
                long arrival = Math.round(t);
                if (arrival >= now) {
                    return arrival;
                }
            }
        }
    }
}
