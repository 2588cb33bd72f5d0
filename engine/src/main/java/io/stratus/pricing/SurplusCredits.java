package io.stratus.pricing;

import io.stratus.sim.Time;

/**
 * The charge for burstable instances' surplus CPU credits (T2 / T3 / T3a / T4g in unlimited mode),
 * as EC2 bills it for Linux: {@link PriceBook#surplusCreditUsdPerVcpuHour()} ($0.05) per vCPU-hour
 * of surplus, one credit being one vCPU for one minute (so 60 credits = 1 vCPU-hour = $0.05).
 *
 * <p>Which credits are charged is the hypervisor's accounting ({@link io.stratus.hypervisor.BurstCredits}):
 * surplus spent beyond 24 hours of earnings, and the surplus outstanding when the instance stops or
 * terminates (or the run ends, as if it stopped then). The meter reads an instance's cumulative
 * owed surplus each time it leaves running and books the increase in that clock hour, so a charge
 * EC2 makes at the end of an earlier hour (surplus beyond the 24-hour limit) is booked later here:
 * totals are exact, hourly placement is a simplification.
 *
 * <p>The price and its source are in {@code prices-us-east-1.properties}.
 */
public final class SurplusCredits {

    /** Credits in one vCPU-hour. */
    public static final double CREDITS_PER_VCPU_HOUR = Time.HOUR / (double) Time.MINUTE;

    private SurplusCredits() {
    }

    /** The charge for {@code credits} surplus credits at {@code prices}, USD. */
    public static double usd(PriceBook prices, double credits) {
        return credits / CREDITS_PER_VCPU_HOUR * prices.surplusCreditUsdPerVcpuHour();
    }
}
