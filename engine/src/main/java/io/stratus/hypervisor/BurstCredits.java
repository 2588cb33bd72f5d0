package io.stratus.hypervisor;

import io.stratus.sim.Time;
import java.util.Objects;

/**
 * The CPU credit balance of one burstable instance, exact in the fluid model. The same token
 * bucket serves gp2 volumes' I/O credits (earned at the baseline IOPS, spent at the IOPS done),
 * through the general constructor.
 *
 * <p>One credit is one vCPU at 100% for one minute. The instance earns at its baseline
 * ({@code baseline * vcpus} vCPUs) and spends at the vCPUs it uses; between two changes of its
 * CPU use both rates are constant, so the balance is a straight line, clamped at the cap of 24
 * hours of earnings. The balance is kept in vCPU-microseconds and settled from the exact busy
 * integral of the instance's CPU, so no credit is lost to rounding of rates.
 *
 * <p>In standard mode the balance never goes below zero: {@link FluidSharing} schedules an event at
 * the instant it reaches zero and throttles the instance to its baseline. In unlimited mode it
 * may go below zero: the negative part is <em>surplus credits</em>, paid back by later earnings.
 * EC2's billing rule for them (unlimited mode): surplus may build up to the same 24 hours of
 * earnings as the cap; surplus spent beyond that is <em>charged</em> at once and the outstanding
 * surplus stays at that limit ({@link #chargedSurplusCredits()}); what is still outstanding when
 * the instance leaves running (stop, terminate) is charged then (the caller reads
 * {@link #outstandingSurplusCredits()}). Surplus paid back by later earnings is never charged, so
 * an instance whose 24-hour average stays at its baseline pays nothing. Simplification: EC2
 * settles the charge at the end of each hour; the count here is exact, its timing is the
 * caller's (pricing books it when the instance leaves running).
 */
public final class BurstCredits {

    /** vCPU-microseconds in one credit. */
    public static final double MICROS_PER_CREDIT = Time.MINUTE;

    private final double earnRate;
    private final double cap;
    private final CpuCreditMode mode;
    private double balance;
    private long lastTime;
    private double lastBusy;
    private boolean throttled;
    private double charged;

    BurstCredits(VcpuProfile profile, long now, double busyNow) {
        this(profile.baselinePerVcpu() * profile.vcpus(), profile.baselinePerVcpu() * profile.vcpus() * Time.DAY,
                profile.launchCreditsPerVcpu() * profile.vcpus() * MICROS_PER_CREDIT, profile.creditMode(), now,
                busyNow);
    }

    /**
     * A general token bucket.
     *
     * @param earnRate units earned per microsecond (the baseline rate)
     * @param cap      most units banked
     * @param initial  units at the start (at most {@code cap})
     * @param mode     standard: throttled at zero; unlimited: may go negative
     * @param now      the start time
     * @param busyNow  the work integral (in the same units) at the start
     */
    public BurstCredits(double earnRate, double cap, double initial, CpuCreditMode mode, long now, double busyNow) {
        this.earnRate = earnRate;
        this.cap = cap;
        this.mode = Objects.requireNonNull(mode, "mode");
        this.balance = Math.min(cap, initial);
        this.lastTime = now;
        this.lastBusy = busyNow;
    }

    /** Brings the balance forward to {@code now}, given the work integral then. */
    public void settle(long now, double busyNow) {
        balance = Math.min(cap, balance + earnRate * (now - lastTime) - (busyNow - lastBusy));
        if (mode == CpuCreditMode.STANDARD && balance < 0) {
            balance = 0; // the exhaustion event fires at the whole microsecond after the crossing
        } else if (balance < -cap) {
            // surplus beyond 24 hours of earnings is charged at once; the line is straight between
            // settlements, so how much crossed the limit does not depend on when we settle
            charged += -cap - balance;
            balance = -cap;
        }
        lastTime = now;
        lastBusy = busyNow;
    }

    /**
     * Starts counting against a new work integral (a new server for the same bucket), after
     * earning for the idle time since the last settlement.
     */
    public void resume(long now, double busyNow) {
        settle(now, lastBusy);
        lastBusy = busyNow;
    }

    /**
     * When a standard-mode balance reaches zero if the instance keeps using {@code busyRate}
     * vCPUs, or {@link Long#MAX_VALUE} if it does not spend faster than it earns (or is unlimited
     * or already throttled).
     */
    public long exhaustionTime(double busyRate) {
        double slope = earnRate - busyRate;
        if (mode != CpuCreditMode.STANDARD || throttled || slope >= 0) {
            return Long.MAX_VALUE;
        }
        return Time.plusCeil(lastTime, Math.max(0, balance) / -slope);
    }

    /** The baseline (the earn rate), the most a throttled user may use. */
    public double baselineVcpus() {
        return earnRate;
    }

    /** Whether the user is held to its baseline. */
    public boolean throttled() {
        return throttled;
    }

    /** Holds the user to its baseline, or releases it. */
    public void throttle(boolean on) {
        throttled = on;
    }

    /** The balance in the bucket's own units (vCPU-microseconds, or I/O credits for gp2). */
    public double balance() {
        return balance;
    }

    /** The balance in credits at the last settlement (negative: surplus in unlimited mode). */
    public double balanceCredits() {
        return balance / MICROS_PER_CREDIT;
    }

    /** Surplus credits spent and not yet paid back. */
    public double outstandingSurplusCredits() {
        return Math.max(0, -balance) / MICROS_PER_CREDIT;
    }

    /**
     * Surplus credits already charged because the outstanding surplus passed 24 hours of earnings
     * (unlimited mode), at the last settlement; they are never paid back.
     */
    public double chargedSurplusCredits() {
        return charged / MICROS_PER_CREDIT;
    }

    /** The most credits the instance can bank: 24 hours of earnings. */
    public double capCredits() {
        return cap / MICROS_PER_CREDIT;
    }
}
