package io.stratus.synthetic;

import io.stratus.sim.RandomStream;
import io.stratus.sim.Time;
import io.stratus.workload.ServiceDemand;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Service demand of requests to a set of Azure Functions: each request is an invocation of one
 * function, chosen with probability proportional to that function's invocations in the trace
 * minute being replayed (so a burst of one function brings that function's durations), and its
 * work is drawn from that function's duration distribution ({@link PiecewiseLinearQuantiles}, see
 * {@link DurationTail}). Minutes in which the chosen functions have no invocations fall back to
 * their whole-trace totals.
 *
 * <p><b>Simplified model.</b> The trace's durations are wall-clock execution times on Azure's
 * workers, which include waiting on I/O, other services and cold starts; here they become CPU work
 * on one vCPU of the instance type the scenario launches. That overstates the CPU an I/O-bound
 * function needs and ignores that the instance's CPU may be faster or slower than Azure's. The
 * percentiles describe per-interval averages rather than single invocations (see
 * {@link io.stratus.trace.FunctionDurations}), so the spread of single invocations is understated.
 *
 * <p>Draws read the simulated clock, map it to a trace minute as the arrival replay does
 * ({@code minute = floor((origin + now * speedup) / 1 min)}, clamped to the trace), and use two
 * uniforms: one for the function, one for the quantile. Nothing is allocated per draw. Each draw
 * is rounded to the nearest microsecond and is at least 1 (many invocations last under 1 ms).
 */
public final class FunctionDurationDemand implements ServiceDemand {

    private final PiecewiseLinearQuantiles[] durationsMs;
    private final int[][] perMinute;
    private final long[] totals;
    private final LongSupplier clock;
    private final long origin;
    private final double speedup;
    private final RandomStream random;
    private final double meanMicros;
    private final double[] cumulative;
    private int minute = -1;

    /**
     * @param durationsMs each function's duration distribution, milliseconds
     * @param perMinute   {@code perMinute[f][k]}: invocations of function {@code f} in trace minute
     *                    {@code k}; every row as long (not copied: treat as read-only)
     * @param clock       the simulated clock, microseconds
     * @param origin      the trace instant replayed at simulated time 0, microseconds
     * @param speedup     trace time per simulated time
     * @param random      the stream the draws come from
     */
    public FunctionDurationDemand(PiecewiseLinearQuantiles[] durationsMs, int[][] perMinute, LongSupplier clock,
                                  long origin, double speedup, RandomStream random) {
        if (durationsMs.length == 0 || durationsMs.length != perMinute.length) {
            throw new IllegalArgumentException("need one duration distribution per function and at least one function, got "
                    + durationsMs.length + " distributions for " + perMinute.length + " functions");
        }
        if (!(speedup > 0) || !Double.isFinite(speedup)) {
            throw new IllegalArgumentException("speedup must be positive and finite, got " + speedup);
        }
        this.durationsMs = durationsMs.clone();
        this.perMinute = perMinute.clone();
        this.clock = Objects.requireNonNull(clock, "clock");
        this.origin = origin;
        this.speedup = speedup;
        this.random = Objects.requireNonNull(random, "random");
        this.totals = new long[perMinute.length];
        long all = 0;
        double weighted = 0;
        for (int f = 0; f < perMinute.length; f++) {
            if (perMinute[f].length != perMinute[0].length || perMinute[f].length == 0) {
                throw new IllegalArgumentException("every function needs the same, positive number of minutes");
            }
            for (int c : perMinute[f]) {
                totals[f] += c;
            }
            all += totals[f];
            weighted += totals[f] * durationsMs[f].mean();
        }
        if (all == 0) {
            throw new IllegalArgumentException("the chosen functions have no invocations in the trace");
        }
        this.meanMicros = Math.max(1, weighted / all * 1000);
        this.cumulative = new double[perMinute.length];
    }

    @Override
    public long nextWorkMicros() {
        int k = minuteAt(clock.getAsLong());
        if (k != minute) {
            weigh(k);
        }
        double u = random.nextDouble() * cumulative[cumulative.length - 1];
        int f = 0;
        while (f < cumulative.length - 1 && cumulative[f] <= u) {
            f++;
        }
        double ms = durationsMs[f].quantile(random.nextDouble());
        return Math.max(1, Math.round(ms * 1000));
    }

    /** The mean over the whole trace (functions weighted by their total invocations), microseconds. */
    @Override
    public double meanWorkMicros() {
        return meanMicros;
    }

    /** The trace minute replayed at simulated time {@code now}. */
    int minuteAt(long now) {
        double trace = origin + now * speedup;
        long k = (long) Math.floor(trace / Time.MINUTE);
        return (int) Math.max(0, Math.min(perMinute[0].length - 1, k));
    }

    private void weigh(int k) {
        double sum = 0;
        for (int f = 0; f < perMinute.length; f++) {
            sum += perMinute[f][k];
            cumulative[f] = sum;
        }
        if (sum == 0) {
            sum = 0;
            for (int f = 0; f < perMinute.length; f++) {
                sum += totals[f];
                cumulative[f] = sum;
            }
        }
        minute = k;
    }
}
