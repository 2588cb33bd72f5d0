package io.stratus.hypervisor;

import io.stratus.sim.Time;
import java.util.Arrays;
import java.util.Objects;

/**
 * The vCPUs of one instance shared by processor sharing among its active requests, each request
 * using at most one vCPU.
 *
 * <p>Model: with {@code c} vCPUs and {@code n} active jobs, the instance demands
 * {@code min(n, c)} vCPUs; the host grants it a fraction {@code share} of that demand (1 unless
 * neighbours contend for the hardware threads) and its work progresses at {@code efficiency}
 * (1 unless memory is overcommitted and paging). Every job then progresses at rate
 * {@code r(n) = share * efficiency * W(min(n, c)) / n}, where {@code W(b)} is the work rate of
 * {@code b} busy vCPUs in reference-vCPU seconds per second ({@link VcpuSpeed#workRate}: {@code b}
 * for the reference vCPU, so {@code r(n) = share * efficiency * min(1, c / n)}). The part of the
 * demand not granted is <em>steal time</em>: a runnable vCPU waiting for a hardware thread. Instead of updating every job at each
 * change, the CPU keeps a <em>virtual time</em> {@code V} that advances at {@code r(n)}: a job of
 * size {@code s} arriving when virtual time is {@code V0} finishes when {@code V} reaches
 * {@code V0 + s}. Finish tags are fixed at arrival, so the next completion is the smallest tag in
 * a min-heap, and an arrival or a departure costs O(log n), not a pass over the jobs.
 *
 * <p>Assumptions: an instance's vCPUs are identical; within the instance, context switching is free; work is CPU
 * time in microseconds on the reference vCPU ({@link VcpuSpeed}); busy and steal time are vCPU time
 * on this instance (what its utilisation and CPU credits count). Virtual time is a {@code double}; completion instants are rounded up to
 * the next whole microsecond, and jobs whose tag is within {@link #TOLERANCE} of the virtual
 * time are treated as done, so floating-point rounding can neither lose a completion nor loop.
 *
 * <p>This class is pure state and arithmetic: it knows nothing of events. {@link FluidSharing}
 * schedules the completion events.
 */
public final class ProcessorSharingCpu {

    /** Work (in microseconds) below which a job counts as finished, absorbing rounding error. */
    public static final double TOLERANCE = 1e-6;

    private final int vcpus;
    private final VcpuSpeed speed;
    private int active;
    private double virtualTime;
    private long lastUpdate;
    private double busyVcpuMicros;
    private double stealVcpuMicros;
    private double share = 1.0;
    private double efficiency = 1.0;
    private double[] finishTag = new double[8];
    private long[] arrivalTime = new long[8];

    /**
     * @param vcpus the instance's vCPUs
     * @param now   the time the CPU starts
     */
    public ProcessorSharingCpu(int vcpus, long now) {
        this(vcpus, now, VcpuSpeed.REFERENCE);
    }

    /**
     * @param vcpus the instance's vCPUs
     * @param now   the time the CPU starts
     * @param speed how fast its vCPUs work relative to the reference vCPU, and with busy siblings
     */
    public ProcessorSharingCpu(int vcpus, long now, VcpuSpeed speed) {
        if (vcpus <= 0) {
            throw new IllegalArgumentException("vcpus must be positive, got " + vcpus);
        }
        this.vcpus = vcpus;
        this.speed = Objects.requireNonNull(speed, "speed");
        this.lastUpdate = now;
    }

    /** How fast its vCPUs work relative to the reference vCPU. */
    public VcpuSpeed speed() {
        return speed;
    }

    /** The instance's vCPUs. */
    public int vcpus() {
        return vcpus;
    }

    /** Jobs in progress. */
    public int active() {
        return active;
    }

    /**
     * The rate each active job progresses at, in reference-vCPU microseconds per microsecond:
     * share * efficiency * W(min(active, vcpus)) / active (share * efficiency * min(1, vcpus / active)
     * on the reference vCPU).
     */
    public double rate() {
        if (active == 0) {
            return share * efficiency * speed.speed();
        }
        double perJob = speed.workRate(Math.min(active, vcpus), vcpus) / active;
        return perJob * share * efficiency;
    }

    /** vCPUs the jobs could use: min(active, vcpus). */
    public int demand() {
        return Math.min(active, vcpus);
    }

    /** vCPUs in use now: the granted share of the demand. */
    public double busyRate() {
        return demand() * share;
    }

    /** The fraction of the demand the host grants. */
    public double share() {
        return share;
    }

    /** The speed of the granted vCPUs relative to an unloaded host (memory paging slows them). */
    public double efficiency() {
        return efficiency;
    }

    /**
     * Sets the granted fraction of the demand and the efficiency from {@code now} on (work up to
     * now is accounted at the old values).
     */
    public void setShare(long now, double share, double efficiency) {
        if (!(share > 0 && share <= 1) || !(efficiency > 0 && efficiency <= 1)) {
            throw new IllegalArgumentException("share and efficiency must be in (0, 1], got " + share
                    + " and " + efficiency);
        }
        advance(now);
        this.share = share;
        this.efficiency = efficiency;
    }

    /** vCPU-microseconds of CPU time used so far (up to the last update), rounded down. */
    public long busyVcpuMicros() {
        return (long) busyVcpuMicros;
    }

    /** vCPU-microseconds of CPU time used so far, unrounded (credits are computed from it). */
    public double busyVcpuMicrosExact() {
        return busyVcpuMicros;
    }

    /** vCPU-microseconds a runnable vCPU waited for a hardware thread (steal time), up to the last update. */
    public double stealVcpuMicros() {
        return stealVcpuMicros;
    }

    /** Brings virtual time and the busy counter forward to {@code now}. */
    public void advance(long now) {
        long dt = now - lastUpdate;
        if (dt < 0) {
            throw new IllegalArgumentException("time went backwards: " + now + " < " + lastUpdate);
        }
        if (dt > 0 && active > 0) {
            virtualTime += rate() * dt;
            int demand = demand();
            busyVcpuMicros += demand * share * dt;
            stealVcpuMicros += demand * (1 - share) * dt;
        }
        lastUpdate = now;
    }

    /** Adds a job of {@code work} reference-vCPU microseconds arriving at {@code now}. */
    public void arrive(long now, long work) {
        arrive(now, work, now);
    }

    /**
     * Adds a job of {@code work} microseconds at {@code now} that reports {@code tag} as its
     * arrival time when it finishes (for a request whose earlier stages started before now).
     */
    public void arrive(long now, long work, long tag) {
        if (work < 0) {
            throw new IllegalArgumentException("work must not be negative, got " + work);
        }
        advance(now);
        if (active == finishTag.length) {
            finishTag = Arrays.copyOf(finishTag, active * 2);
            arrivalTime = Arrays.copyOf(arrivalTime, active * 2);
        }
        siftUp(active++, virtualTime + work, tag);
    }

    /** Whether the earliest job is finished at the current virtual time. */
    public boolean hasFinishedJob() {
        return active > 0 && finishTag[0] - virtualTime <= TOLERANCE;
    }

    /**
     * Removes the earliest-finishing job (call {@link #advance} first) and returns its arrival
     * time.
     */
    public long removeFinished() {
        if (active == 0) {
            throw new IllegalStateException("no job to remove");
        }
        long arrival = arrivalTime[0];
        int last = --active;
        if (last > 0) {
            siftDown(0, finishTag[last], arrivalTime[last]);
        }
        return arrival;
    }

    /**
     * When the earliest job finishes if nothing else changes, in whole microseconds (rounded up),
     * or {@link Long#MAX_VALUE} if the CPU is idle.
     */
    public long nextCompletionTime() {
        if (active == 0) {
            return Long.MAX_VALUE;
        }
        double remaining = finishTag[0] - virtualTime;
        if (remaining <= TOLERANCE) {
            return lastUpdate;
        }
        return Time.plusCeil(lastUpdate, remaining / rate());
    }

    /** Drops every job (for example when the instance stops); returns how many were dropped. */
    public int clear(long now) {
        advance(now);
        int dropped = active;
        active = 0;
        return dropped;
    }

    private void siftUp(int pos, double tag, long arrival) {
        while (pos > 0) {
            int parent = (pos - 1) >>> 1;
            if (finishTag[parent] <= tag) {
                break;
            }
            finishTag[pos] = finishTag[parent];
            arrivalTime[pos] = arrivalTime[parent];
            pos = parent;
        }
        finishTag[pos] = tag;
        arrivalTime[pos] = arrival;
    }

    private void siftDown(int pos, double tag, long arrival) {
        int n = active;
        while (true) {
            int child = 2 * pos + 1;
            if (child >= n) {
                break;
            }
            if (child + 1 < n && finishTag[child + 1] < finishTag[child]) {
                child++;
            }
            if (finishTag[child] >= tag) {
                break;
            }
            finishTag[pos] = finishTag[child];
            arrivalTime[pos] = arrivalTime[child];
            pos = child;
        }
        finishTag[pos] = tag;
        arrivalTime[pos] = arrival;
    }
}
