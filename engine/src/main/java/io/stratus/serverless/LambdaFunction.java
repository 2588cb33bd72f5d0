package io.stratus.serverless;

import io.stratus.sim.Simulation;
import it.unimi.dsi.fastutil.longs.LongArrayFIFOQueue;
import java.util.Objects;

/**
 * One AWS Lambda function: each invocation runs alone in an execution environment; an idle warm
 * environment is reused (the most recently used first), otherwise a new one is created and the
 * invocation first waits its init duration (a cold start). An environment idle for the function's
 * keep-warm period is reclaimed. Provisioned Concurrency environments exist from the start, are
 * used first and never reclaimed. An invocation is throttled (refused, not billed) when the
 * function already runs its reserved concurrency, or, without a reservation, when the account's
 * unreserved pool is used up.
 *
 * <p>An invocation's duration is its work (microseconds on one reference vCPU) over the function's
 * speed ({@link FunctionSpec#speed()}: the memory's CPU share, capped at one vCPU for
 * single-threaded work), capped at the timeout, plus the init on a cold start; its billed
 * duration is that rounded up to the millisecond, init included (Lambda bills the init phase of
 * on-demand functions). Environments never share a CPU: Lambda isolates each in its own microVM.
 *
 * <p>Simplified: no burst scaling limit (AWS adds at most 1,000 environments per function every
 * 10 seconds); an environment is reclaimed exactly at the end of its keep-warm period (AWS does
 * not publish it; 5 to 15 minutes are observed); Provisioned Concurrency is ready at time 0.
 *
 * <p>Allocation: nothing per invocation (one event, an array deque of idle times).
 */
public final class LambdaFunction {

    private static final long PROVISIONED = 1;
    private static final long POOLED = 2;
    private static final long COLD = 4;

    private final Simulation sim;
    private final FunctionSpec spec;
    private final LambdaAccount account;
    private final InvocationListener listener;
    private final int endKind;
    private final int reclaimKind;
    private final LongArrayFIFOQueue idleSince = new LongArrayFIFOQueue();
    private boolean reclaimPending;
    private int provisionedBusy;
    private int inFlight;
    private int environments;
    private int peakInFlight;
    private int peakEnvironments;
    private long lastChange;
    private long concurrencyArea;
    private long environmentArea;
    private long invocations;
    private long coldStarts;
    private long throttles;
    private long timeouts;
    private long completed;
    private long onDemandBilledMs;
    private long provisionedBilledMs;

    /**
     * A function of {@code account} whose invocations end by telling {@code listener}; it reserves
     * its reserved concurrency (or, without one, its Provisioned Concurrency) from the account.
     */
    public LambdaFunction(Simulation sim, FunctionSpec spec, LambdaAccount account, InvocationListener listener) {
        this.sim = Objects.requireNonNull(sim, "sim");
        this.spec = Objects.requireNonNull(spec, "spec");
        this.account = Objects.requireNonNull(account, "account");
        this.listener = Objects.requireNonNull(listener, "listener");
        account.reserve(spec.reservedConcurrency() >= 0 ? spec.reservedConcurrency() : spec.provisioned());
        this.endKind = sim.registerKind("lambda-end/" + spec.name(), (s, d) -> end(s, d));
        this.reclaimKind = sim.registerKind("lambda-reclaim/" + spec.name(), (s, d) -> reclaim());
        this.environments = spec.provisioned();
        this.peakEnvironments = environments;
    }

    /** The function's configuration. */
    public FunctionSpec spec() {
        return spec;
    }

    /**
     * Invokes the function now with {@code workMicros} of reference-vCPU work; {@code token} comes
     * back to the listener when it ends.
     *
     * @return false if it was throttled (nothing runs, nothing is billed)
     */
    public boolean invoke(long workMicros, int token) {
        long now = sim.now();
        boolean provisioned = provisionedBusy < spec.provisioned();
        boolean pooled = false;
        if (!provisioned) {
            if (spec.reservedConcurrency() >= 0) {
                if (inFlight >= spec.reservedConcurrency()) {
                    throttles++;
                    return false;
                }
            } else if (!account.tryAcquireUnreserved()) {
                throttles++;
                return false;
            } else {
                pooled = true;
            }
        }
        integrate(now);
        long flags = (provisioned ? PROVISIONED : 0) | (pooled ? POOLED : 0);
        long exec = Math.max(1, (long) Math.ceil(workMicros / spec.speed()));
        if (exec > spec.timeoutMicros()) {
            exec = spec.timeoutMicros();
            timeouts++;
        }
        long duration = exec;
        if (provisioned) {
            provisionedBusy++;
        } else if (!idleSince.isEmpty()) {
            idleSince.dequeueLastLong();
        } else {
            flags |= COLD;
            duration += spec.initMicros();
            environments++;
            coldStarts++;
            peakEnvironments = Math.max(peakEnvironments, environments);
        }
        long billedMs = (duration + 999) / 1000;
        if (provisioned) {
            provisionedBilledMs += billedMs;
        } else {
            onDemandBilledMs += billedMs;
        }
        inFlight++;
        peakInFlight = Math.max(peakInFlight, inFlight);
        invocations++;
        sim.schedule(now + duration, endKind, token, (now << 3) | flags);
        return true;
    }

    /** Whether an invocation now would not be throttled. */
    public boolean canInvoke() {
        if (provisionedBusy < spec.provisioned()) {
            return true;
        }
        return spec.reservedConcurrency() >= 0 ? inFlight < spec.reservedConcurrency()
                : account.unreservedInUse() < account.unreserved();
    }

    private void end(int token, long data) {
        long now = sim.now();
        integrate(now);
        inFlight--;
        completed++;
        if ((data & POOLED) != 0) {
            account.releaseUnreserved();
        }
        if ((data & PROVISIONED) != 0) {
            provisionedBusy--;
        } else {
            idleSince.enqueue(now);
            if (!reclaimPending) {
                scheduleReclaim();
            }
        }
        listener.finished(token, data >>> 3, now);
    }

    private void reclaim() {
        reclaimPending = false;
        long now = sim.now();
        integrate(now);
        while (!idleSince.isEmpty() && idleSince.firstLong() + spec.keepWarmMicros() <= now) {
            idleSince.dequeueLong();
            environments--;
        }
        if (!idleSince.isEmpty()) {
            scheduleReclaim();
        }
    }

    private void scheduleReclaim() {
        reclaimPending = true;
        sim.schedule(Math.max(sim.now(), idleSince.firstLong() + spec.keepWarmMicros()), reclaimKind, 0, 0);
    }

    private void integrate(long now) {
        long dt = now - lastChange;
        concurrencyArea += dt * inFlight;
        environmentArea += dt * environments;
        lastChange = now;
    }

    /** Time-average of invocations running at once from 0 to {@code now} (now the latest event or later). */
    public double meanConcurrency(long now) {
        return now <= 0 ? 0 : (concurrencyArea + (now - lastChange) * (double) inFlight) / now;
    }

    /** Time-average of execution environments alive (busy, idle warm or provisioned) from 0 to {@code now}. */
    public double meanEnvironments(long now) {
        return now <= 0 ? 0 : (environmentArea + (now - lastChange) * (double) environments) / now;
    }

    /** Invocations running now. */
    public int inFlight() {
        return inFlight;
    }

    /** Execution environments alive now. */
    public int environments() {
        return environments;
    }

    /** Most invocations running at once so far. */
    public int peakInFlight() {
        return peakInFlight;
    }

    /** Most execution environments alive at once so far. */
    public int peakEnvironments() {
        return peakEnvironments;
    }

    /** Invocations started (not throttled). */
    public long invocations() {
        return invocations;
    }

    /** Invocations that started with a cold start. */
    public long coldStarts() {
        return coldStarts;
    }

    /** Invocations refused for want of concurrency. */
    public long throttles() {
        return throttles;
    }

    /** Invocations stopped at the timeout. */
    public long timeouts() {
        return timeouts;
    }

    /** Invocations ended. */
    public long completed() {
        return completed;
    }

    /** Billed milliseconds of the invocations on on-demand environments (init included). */
    public long onDemandBilledMs() {
        return onDemandBilledMs;
    }

    /** Billed milliseconds of the invocations on provisioned environments. */
    public long provisionedBilledMs() {
        return provisionedBilledMs;
    }
}
