package io.stratus.pricing;

import io.stratus.compute.Instance;
import io.stratus.compute.InstanceListener;
import io.stratus.compute.InstanceState;
import io.stratus.compute.InstanceType;
import io.stratus.compute.PurchaseOption;
import io.stratus.infra.Tenancy;
import io.stratus.sim.Time;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * On-demand billing for Linux instances, as EC2 bills it: per second while running, with a
 * minimum of 60 seconds each time the instance enters running; nothing in any other state.
 *
 * <p>A thin view over a {@link UsageMeter} with every default-tenancy instance on demand: each
 * running interval is billed when it ends, in whole seconds rounded up (EC2 bills in one-second
 * increments), at the instance type's us-east-1 Linux on-demand price from the catalogue.
 * Intervals still open when the run ends are billed up to that moment by {@link #close(long)},
 * as if the instances were stopped then.
 *
 * <p>Tenancy decides the price, by the rule of {@link PurchaseAssignment#respectingTenancy()}
 * (the meter's): a Dedicated Instance (tenancy dedicated) is billed the same way at the dedicated
 * price ({@link PriceBook#dedicatedInstanceUsdPerHour}). The per-region fee of Dedicated
 * Instances is not in {@link #totalUsd()}: it is per account, not per instance or workload, so it
 * is charged once over all the meters of a run ({@link DedicatedRegionFee#usd}, from each
 * {@link #ledger()}). An instance with tenancy host is not billed here at all: on EC2 an instance
 * on a Dedicated Host costs nothing per instance-second; the host is billed per host-hour for as
 * long as it is allocated ({@link HostAllocation}).
 *
 * <p>Billed time is accumulated as exact integers; money is computed from it only when asked,
 * so the total does not depend on the order intervals ended.
 */
public final class OnDemandBilling implements InstanceListener {

    /** The minimum billed each time an instance enters running. */
    public static final long MINIMUM_SECONDS = 60;

    private static final PurchaseAssignment ON_DEMAND = PurchaseAssignment.all(PurchaseOption.ON_DEMAND)
            .respectingTenancy();

    private final UsageMeter meter;

    /** Billing without burstable surplus credits. */
    public OnDemandBilling() {
        this(id -> 0);
    }

    /**
     * Billing that also charges burstable surplus credits ({@link SurplusCredits}), read from
     * {@code surplusCredits} (such as {@link io.stratus.compute.Fleet#surplusCredits}).
     */
    public OnDemandBilling(java.util.function.IntToDoubleFunction surplusCredits) {
        this.meter = new UsageMeter(ON_DEMAND, surplusCredits);
    }

    @Override
    public void stateChanged(Instance instance, InstanceState from, InstanceState to, long now) {
        if (instance.spec().tenancy() == Tenancy.HOST) {
            return; // its Dedicated Host is billed, per host-hour, not the instance
        }
        meter.stateChanged(instance, from, to, now);
    }

    /** Bills the running intervals still open at {@code now} (the end of the run). */
    public void close(long now) {
        meter.close(now);
    }

    /**
     * When EC2 started billing the running interval {@code instance} entered at {@code runningAt}:
     * then, except on its first boot, where EC2 put it in running before its user data ran
     * (the simulator's instance enters running once the user data is done, when it can serve), so
     * billing starts the AMI's user-data time earlier.
     */
    public static long billedSince(Instance instance, long runningAt) {
        return instance.boots() == 1 ? runningAt - instance.spec().ami().userDataMicros() : runningAt;
    }

    /** Seconds billed for one running interval of {@code micros} microseconds. */
    public static long billableSeconds(long micros) {
        long seconds = (micros + Time.SECOND - 1) / Time.SECOND;
        return Math.max(MINIMUM_SECONDS, seconds);
    }

    /**
     * The hourly price {@code stratus run} bills {@code instance} at, by its tenancy: on demand
     * for default tenancy, the dedicated price for a Dedicated Instance (the region fee apart),
     * nothing for an instance on a Dedicated Host.
     */
    public static double usdPerHour(Instance instance) {
        return usdPerHour(ON_DEMAND.termsOf(instance).option(), instance.type());
    }

    private static double usdPerHour(PurchaseOption option, InstanceType type) {
        PriceBook prices = PriceBook.bundled();
        switch (option) {
            case ON_DEMAND:
                return prices.onDemandUsdPerHour(type);
            case DEDICATED_INSTANCE:
                return prices.dedicatedInstanceUsdPerHour(type);
            case DEDICATED_HOST:
                return 0;
            default:
                throw new AssertionError(option); // no spot in on-demand billing
        }
    }

    /** Seconds billed so far, per instance type (default and dedicated tenancy together). */
    public Map<String, Long> billedSecondsByType() {
        Map<String, Long> micros = new TreeMap<>();
        meter.ledger().micros().forEach((key, m) -> micros.merge(key.type().name(), m, Long::sum));
        micros.replaceAll((type, m) -> m / Time.SECOND);
        return Collections.unmodifiableMap(micros);
    }

    /**
     * Total billed so far, USD: instances at their tenancy's price and their burstable surplus
     * credits, without the Dedicated Instance region fee.
     */
    public double totalUsd() {
        return usd(null) + surplusCreditsUsd();
    }

    /** The part of {@link #totalUsd()} that is burstable surplus credits, USD ({@link SurplusCredits}). */
    public double surplusCreditsUsd() {
        return SurplusCredits.usd(PriceBook.bundled(), meter.ledger().totalSurplusCredits());
    }

    /** The part of {@link #totalUsd()} that is Dedicated Instances (at the dedicated price), USD. */
    public double dedicatedInstanceUsd() {
        return usd(PurchaseOption.DEDICATED_INSTANCE);
    }

    /** The usage metered so far (for the region fee over a run's meters, {@link DedicatedRegionFee}). */
    public UsageLedger ledger() {
        return meter.ledger();
    }

    /** Billed so far on {@code only} (every option for null), USD; whole seconds per type and option, then priced. */
    private double usd(PurchaseOption only) {
        Map<PurchaseOption, Map<String, Long>> micros = new TreeMap<>();
        Map<String, InstanceType> types = new TreeMap<>();
        meter.ledger().micros().forEach((key, m) -> {
            if (only == null || key.option() == only) {
                micros.computeIfAbsent(key.option(), o -> new TreeMap<>()).merge(key.type().name(), m, Long::sum);
                types.put(key.type().name(), key.type());
            }
        });
        double total = 0;
        for (Map.Entry<PurchaseOption, Map<String, Long>> byOption : micros.entrySet()) {
            for (Map.Entry<String, Long> e : byOption.getValue().entrySet()) {
                total += e.getValue() / Time.SECOND * usdPerHour(byOption.getKey(), types.get(e.getKey())) / 3600.0;
            }
        }
        return total;
    }
}
