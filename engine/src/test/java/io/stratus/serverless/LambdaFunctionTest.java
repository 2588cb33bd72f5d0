package io.stratus.serverless;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.stratus.compute.Architecture;
import io.stratus.sim.RandomStream;
import io.stratus.sim.Simulation;
import io.stratus.sim.Time;
import io.stratus.workload.ConstantRate;
import io.stratus.workload.PoissonArrivals;
import io.stratus.workload.RequestSource;
import io.stratus.workload.ServiceDemand;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import org.junit.jupiter.api.Test;

/**
 * The Lambda model against theory and hand-worked cases: Little's law for the concurrency, throttles
 * exactly when the concurrency would exceed the limit (against a naive count of running
 * invocations), cold starts and reclaim, the CPU share, and the billed milliseconds.
 */
class LambdaFunctionTest {

    private static FunctionSpec spec(int memory, long init, long keepWarm, int reserved, int provisioned) {
        return new FunctionSpec("f", memory, Architecture.X86_64, init, keepWarm, reserved, provisioned, 1.0,
                15 * Time.MINUTE);
    }

    @Test
    void concurrencyEqualsArrivalRateTimesDurationAtSteadyState() {
        // M/G/infinity: with no throttling the mean concurrency is lambda x E[duration]. At 512 MB
        // the CPU share is 512/1769 of a vCPU, so 100 ms of work takes 345.51 ms: L = 50 x 0.34551 = 17.28.
        // Measured from the first hour on (steady state: the environments are warm).
        Simulation sim = new Simulation(11);
        LambdaFunction f = new LambdaFunction(sim, spec(512, 200 * Time.MILLISECOND, 10 * Time.MINUTE, -1, 0),
                new LambdaAccount(1000), (t, a, n) -> { });
        RequestSource source = new RequestSource(sim,
                new PoissonArrivals(new ConstantRate(50), sim.random().stream("arrivals")),
                ServiceDemand.exponential(100_000, sim.random().stream("work")), w -> f.invoke(w, 0));
        source.start(0);
        sim.runUntil(Time.HOUR);
        double before = f.meanConcurrency(Time.HOUR) * Time.HOUR;
        long end = 5 * Time.HOUR;
        sim.runUntil(end);
        double steady = (f.meanConcurrency(end) * end - before) / (end - Time.HOUR);
        double expected = 50 * 0.100 / (512 / 1769.0);
        assertThat(f.throttles()).isZero();
        assertThat(steady).isCloseTo(expected, within(0.01 * expected));
        assertThat(f.coldStarts()).isPositive().isLessThan(f.invocations() / 1000);
    }

    @Test
    void throttlesExactlyWhenConcurrencyWouldExceedTheReservedLimit() {
        // random arrivals and works against a naive list of the end times of the running invocations
        Simulation sim = new Simulation(3);
        int limit = 7;
        LambdaFunction f = new LambdaFunction(sim, spec(1769, 0, Time.MINUTE, limit, 0), new LambdaAccount(1000),
                (t, a, n) -> { });
        RandomStream r = sim.random().stream("test");
        LongArrayList ends = new LongArrayList();
        int[] mismatches = {0};
        long[] throttles = {0};
        int kind = sim.registerKind("try", (s, d) -> {
            long now = sim.now();
            ends.removeIf(e -> e <= now);
            long work = 1 + (long) (r.nextDouble() * 2 * Time.SECOND);
            boolean naiveRefuses = ends.size() >= limit;
            boolean ran = f.invoke(work, 0);
            if (ran == naiveRefuses || f.inFlight() > limit) {
                mismatches[0]++;
            }
            if (ran) {
                ends.add(now + work);
            } else {
                throttles[0]++;
            }
        });
        for (int i = 0; i < 20_000; i++) {
            sim.schedule((long) (r.nextDouble() * Time.HOUR), kind, 0, 0);
        }
        sim.runUntil(2 * Time.HOUR);
        assertThat(mismatches[0]).isZero();
        assertThat(f.throttles()).isEqualTo(throttles[0]).isPositive();
        assertThat(f.peakInFlight()).isEqualTo(limit);
    }

    @Test
    void functionsWithoutReservationShareTheAccountsUnreservedPool() {
        // limit 10, one function reserves 4: the other two share 6; the 7th concurrent call is throttled
        Simulation sim = new Simulation(1);
        LambdaAccount account = new LambdaAccount(10);
        LambdaFunction reserved = new LambdaFunction(sim, spec(1769, 0, Time.MINUTE, 4, 0), account, (t, a, n) -> { });
        LambdaFunction a = new LambdaFunction(sim, spec(1769, 0, Time.MINUTE, -1, 0), account, (t, x, n) -> { });
        LambdaFunction b = new LambdaFunction(sim, spec(1769, 0, Time.MINUTE, -1, 0), account, (t, x, n) -> { });
        for (int i = 0; i < 3; i++) {
            assertThat(a.invoke(Time.SECOND, i)).isTrue();
            assertThat(b.invoke(Time.SECOND, i)).isTrue();
        }
        assertThat(a.invoke(Time.SECOND, 9)).isFalse();
        assertThat(b.invoke(Time.SECOND, 9)).isFalse();
        for (int i = 0; i < 4; i++) {
            assertThat(reserved.invoke(Time.SECOND, i)).isTrue();
        }
        assertThat(reserved.invoke(Time.SECOND, 9)).isFalse();
        sim.runUntil(Time.SECOND);
        assertThat(account.unreservedInUse()).isZero();
        assertThat(a.invoke(Time.SECOND, 1)).isTrue();
    }

    @Test
    void coldStartThenWarmReuseThenReclaimAfterTheIdlePeriod() {
        // 1,769 MB (one vCPU, speed 1), init 250 ms, kept warm 5 minutes:
        //   t=0      cold: 250 ms init + 100 ms -> ends at 0.350 s, billed 350 ms
        //   t=10 s   warm: 100 ms, billed 100 ms
        //   t=10.1 s idle; at 5 min 10.1 s reclaimed
        //   t=6 min  cold again: billed 350 ms.   On-demand billed: 800 ms; 2 cold starts of 3.
        Simulation sim = new Simulation(1);
        LongArrayList ended = new LongArrayList();
        LambdaFunction f = new LambdaFunction(sim, spec(1769, 250 * Time.MILLISECOND, 5 * Time.MINUTE, -1, 0),
                new LambdaAccount(1000), (t, a, n) -> ended.add(n - a));
        int kind = sim.registerKind("call", (s, d) -> f.invoke(100 * Time.MILLISECOND, 0));
        sim.schedule(0, kind, 0, 0);
        sim.schedule(10 * Time.SECOND, kind, 0, 0);
        sim.schedule(6 * Time.MINUTE, kind, 0, 0);
        sim.runUntil(5 * Time.MINUTE + 10 * Time.SECOND);
        assertThat(f.environments()).isEqualTo(1);
        sim.runUntil(5 * Time.MINUTE + 10_100 * Time.MILLISECOND);
        assertThat(f.environments()).isZero();
        sim.runUntil(7 * Time.MINUTE);
        assertThat(ended.toLongArray()).containsExactly(350_000L, 100_000L, 350_000L);
        assertThat(f.coldStarts()).isEqualTo(2);
        assertThat(f.invocations()).isEqualTo(3);
        assertThat(f.onDemandBilledMs()).isEqualTo(800);
    }

    @Test
    void provisionedEnvironmentsServeFirstWithoutColdStartsAndSpillToOnDemand() {
        // 2 provisioned of 1,024 MB: 100 ms of work runs at 1024/1769 vCPU = 172.75 ms -> billed 173 ms;
        // three calls at once: two on provisioned (no init), the third cold on demand (init 300 ms)
        Simulation sim = new Simulation(1);
        LambdaFunction f = new LambdaFunction(sim, spec(1024, 300 * Time.MILLISECOND, 5 * Time.MINUTE, -1, 2),
                new LambdaAccount(1000), (t, a, n) -> { });
        for (int i = 0; i < 3; i++) {
            assertThat(f.invoke(100 * Time.MILLISECOND, i)).isTrue();
        }
        sim.runUntil(Time.SECOND);
        assertThat(f.coldStarts()).isEqualTo(1);
        assertThat(f.provisionedBilledMs()).isEqualTo(2 * 173);
        assertThat(f.onDemandBilledMs()).isEqualTo(473);
        assertThat(f.peakEnvironments()).isEqualTo(3);
    }

    @Test
    void initDurationScalesWithTheSquareRootOfTheCpuShareUpToOneVcpu() {
        assertThat(Runtime.initMicros(200_000, 1024)).isEqualTo(200_000);
        assertThat(Runtime.initMicros(200_000, 256)).isEqualTo(400_000);
        assertThat(Runtime.initMicros(200_000, 10_240)).isEqualTo(Runtime.initMicros(200_000, 1769));
        assertThat(Runtime.initMicros(200_000, 1769)).isEqualTo(Math.round(200_000 * Math.sqrt(1024 / 1769.0)));
    }
}
