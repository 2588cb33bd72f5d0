package io.stratus.pricing;

import io.stratus.compute.Instance;
import io.stratus.compute.InstanceListener;
import io.stratus.compute.InstanceState;
import io.stratus.compute.PurchaseOption;
import io.stratus.sim.Time;
import io.stratus.spot.SpotInterruptionListener;
import io.stratus.spot.SpotPriceProcess;
import it.unimi.dsi.fastutil.ints.Int2ObjectLinkedOpenHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.IntPredicate;
import java.util.function.IntToDoubleFunction;

/**
 * What {@code stratus run} bills one owner's spot instances: each spot instance-hour at the
 * simulated spot price of its pool (type and zone) for that clock hour, as {@link CostCalculator}
 * bills spot under a {@code compare} strategy, by the same {@link UsageMeter} rules: per second
 * with a 60-second minimum each time an instance enters running, and nothing for an interval EC2
 * reclaims within its first hour (it must hear the run's spot market, {@link SpotInterruptionListener}).
 *
 * <p>It hears only instances that {@code owns} accepts and that were launched as spot; the owner's
 * other instances are billed by its {@link OnDemandBilling}. Given a source of surplus credits, it
 * also charges spot burstable instances' surplus credits in unlimited mode ({@link SurplusCredits},
 * booked by the {@link UsageMeter} as {@link OnDemandBilling} books them), as {@link CostCalculator}
 * does under a {@code compare} strategy: EC2 charges surplus credits whatever the purchase option.
 */
public final class SpotBilling implements InstanceListener, SpotInterruptionListener {

    private final SpotPriceProcess prices;
    private final IntPredicate owns;
    private final UsageMeter meter;
    private final Int2ObjectLinkedOpenHashMap<Instance> running = new Int2ObjectLinkedOpenHashMap<>();

    /** Bills the spot instances {@code owns} accepts at {@code prices}, without burstable surplus credits. */
    public SpotBilling(SpotPriceProcess prices, IntPredicate owns) {
        this(prices, owns, id -> 0);
    }

    /**
     * Bills the spot instances {@code owns} accepts at {@code prices}, and their burstable surplus
     * credits read from {@code surplusCredits} (such as {@link io.stratus.compute.Fleet#surplusCredits}).
     */
    public SpotBilling(SpotPriceProcess prices, IntPredicate owns, IntToDoubleFunction surplusCredits) {
        this.prices = Objects.requireNonNull(prices, "prices");
        this.owns = Objects.requireNonNull(owns, "owns");
        this.meter = new UsageMeter(PurchaseAssignment.asLaunched(), surplusCredits);
    }

    /** Whether this bill is the one for {@code instance} (owned and launched as spot). */
    public boolean bills(Instance instance) {
        return instance.spec().purchase() == PurchaseOption.SPOT && owns.test(instance.id());
    }

    @Override
    public void stateChanged(Instance instance, InstanceState from, InstanceState to, long now) {
        if (!bills(instance)) {
            return;
        }
        meter.stateChanged(instance, from, to, now);
        if (to == InstanceState.RUNNING) {
            running.put(instance.id(), instance);
        } else if (from == InstanceState.RUNNING) {
            running.remove(instance.id());
        }
    }

    @Override
    public void reclaimed(Instance instance, long now) {
        if (bills(instance)) {
            meter.reclaimed(instance, now);
        }
    }

    /** Bills the running intervals still open at {@code now}, the end of the run. */
    public void close(long now) {
        meter.close(now);
        running.clear();
    }

    /**
     * Billed so far (closed intervals), USD: each hour's billable seconds of each pool at that hour's
     * price, and the surplus credits booked ({@link #surplusCreditsUsd()}).
     */
    public double totalUsd() {
        double total = surplusCreditsUsd();
        for (Map.Entry<UsageKey, Long> e : meter.ledger().micros().entrySet()) {
            UsageKey k = e.getKey();
            // as CostCalculator prices a spot row, so run and compare agree
            total += e.getValue() * prices.usdPerHour(k.type(), k.zone(), k.hour()) / Time.HOUR;
        }
        return total;
    }

    /** The part of {@link #totalUsd()} that is burstable surplus credits, USD ({@link SurplusCredits}). */
    public double surplusCreditsUsd() {
        return SurplusCredits.usd(PriceBook.bundled(), meter.ledger().totalSurplusCredits());
    }

    /** {@link #totalUsd()} plus the intervals still open as if they ended {@code now}, at the current hour's price. */
    public double costSoFarUsd(long now) {
        double cost = totalUsd();
        long hour = now / Time.HOUR;
        for (Instance instance : running.values()) {
            cost += OnDemandBilling.billableSeconds(now - OnDemandBilling.billedSince(instance, instance.stateSince()))
                    * prices.usdPerHour(instance.type(), instance.zone(), hour) / 3600;
        }
        return cost;
    }

    /** Billable seconds so far (closed intervals). */
    public long billedSeconds() {
        long micros = 0;
        for (long m : meter.ledger().micros().values()) {
            micros += m;
        }
        return micros / Time.SECOND;
    }

    /** Billable seconds so far (closed intervals) per pool, {@code TYPE@ZONE}, in name order. */
    public SortedMap<String, Long> billedSecondsByPool() {
        SortedMap<String, Long> micros = new TreeMap<>();
        meter.ledger().micros().forEach((k, m) -> micros.merge(k.type().name() + "@" + k.zone(), m, Long::sum));
        micros.replaceAll((pool, m) -> m / Time.SECOND);
        return micros;
    }

    /** Spot intervals EC2 reclaimed in their first hour, not billed. */
    public long waivedIntervals() {
        return meter.ledger().waivedIntervals();
    }
}
