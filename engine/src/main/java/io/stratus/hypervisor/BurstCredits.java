package io.stratus.hypervisor;

import io.stratus.sim.Time;

/**
 * The CPU credit balance of one burstable instance, exact in the fluid model.
 *
 * <p>One credit is one vCPU at 100% for one minute. The instance earns at its baseline
 * ({@code baseline * vcpus} vCPUs) and spends at the vCPUs it uses; between two changes of its
 * CPU use both rates are constant, so the balance is a straight line, clamped at the cap of 24
 * hours of earnings. The balance is kept in vCPU-microseconds and settled from the exact busy
 * integral of the instance's CPU, so no credit is lost to rounding of rates.
 *
 * <p>In standard mode the balance never goes below zero: {@link CpuSharing} schedules an event at
 * the instant it reaches zero and throttles the instance to its baseline. In unlimited mode it
 * may go below zero: the negative part is <em>surplus credits</em>, paid back by later earnings;
 * what is outstanding when the instance leaves running is counted as billable surplus.
 * Simplification: EC2 also bills surplus beyond 24 hours of earnings at once, and averages
 * utilisation over 24 h; here surplus is billed only when the instance leaves running.
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

    BurstCredits(VcpuProfile profile, long now, double busyNow) {
        this.earnRate = profile.baselinePerVcpu() * profile.vcpus();
        this.cap = earnRate * Time.DAY;
        this.mode = profile.creditMode();
        this.balance = Math.min(cap, profile.launchCreditsPerVcpu() * profile.vcpus() * MICROS_PER_CREDIT);
        this.lastTime = now;
        this.lastBusy = busyNow;
    }

    /** Brings the balance forward to {@code now}, given the instance's busy integral then. */
    void settle(long now, double busyNow) {
        balance = Math.min(cap, balance + earnRate * (now - lastTime) - (busyNow - lastBusy));
        if (mode == CpuCreditMode.STANDARD && balance < 0) {
            balance = 0; // the exhaustion event fires at the whole microsecond after the crossing
        }
        lastTime = now;
        lastBusy = busyNow;
    }

    /**
     * When a standard-mode balance reaches zero if the instance keeps using {@code busyRate}
     * vCPUs, or {@link Long#MAX_VALUE} if it does not spend faster than it earns (or is unlimited
     * or already throttled).
     */
    long exhaustionTime(double busyRate) {
        double slope = earnRate - busyRate;
        if (mode != CpuCreditMode.STANDARD || throttled || slope >= 0) {
            return Long.MAX_VALUE;
        }
        return lastTime + (long) Math.ceil(Math.max(0, balance) / -slope);
    }

    /** The baseline in vCPUs, the most a throttled instance may use. */
    double baselineVcpus() {
        return earnRate;
    }

    boolean throttled() {
        return throttled;
    }

    void throttle(boolean on) {
        throttled = on;
    }

    /** The balance in credits at the last settlement (negative: surplus in unlimited mode). */
    public double balanceCredits() {
        return balance / MICROS_PER_CREDIT;
    }

    /** Surplus credits spent and not yet paid back. */
    public double outstandingSurplusCredits() {
        return Math.max(0, -balance) / MICROS_PER_CREDIT;
    }

    /** The most credits the instance can bank: 24 hours of earnings. */
    public double capCredits() {
        return cap / MICROS_PER_CREDIT;
    }
}
