package io.stratus.spot;

import io.stratus.compute.Instance;
import io.stratus.compute.InstanceListener;
import io.stratus.compute.InstanceState;
import io.stratus.compute.PurchaseOption;
import io.stratus.sim.Simulation;
import io.stratus.sim.Time;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Interrupts spot instances whose pool price rises above the user's maximum price, through
 * {@link SpotMarket#interrupt} (so with the usual two-minute notice). Prices change only at
 * clock hours ({@link SpotPriceProcess}), so the price is checked when a spot instance enters
 * running and at the start of every clock hour while any spot instance runs.
 *
 * <p>Optional: without it (the AWS default maximum is the on-demand price, which the fitted
 * prices never exceed) spot instances are interrupted only by the market's hazard and by capacity
 * pressure.
 */
public final class MaxPriceInterruptions implements InstanceListener {

    private final Simulation sim;
    private final SpotMarket market;
    private final SpotPriceProcess prices;
    private final double maxUsdPerHour;
    // ordered by id so that checks interrupt in a fixed order
    private final Map<Integer, Instance> running = new TreeMap<>();
    private final int checkKind;
    private boolean checkScheduled;

    /**
     * @param maxUsdPerHour the maximum price the user pays, USD per hour
     */
    public MaxPriceInterruptions(Simulation sim, SpotMarket market, SpotPriceProcess prices, double maxUsdPerHour) {
        this.sim = Objects.requireNonNull(sim, "sim");
        this.market = Objects.requireNonNull(market, "market");
        this.prices = Objects.requireNonNull(prices, "prices");
        if (!(maxUsdPerHour > 0)) {
            throw new IllegalArgumentException("the maximum price must be positive, got " + maxUsdPerHour);
        }
        this.maxUsdPerHour = maxUsdPerHour;
        this.checkKind = sim.registerKind("spot-max-price-check", (s, d) -> checkAll());
    }

    @Override
    public void stateChanged(Instance instance, InstanceState from, InstanceState to, long now) {
        if (to == InstanceState.RUNNING && instance.spec().purchase() == PurchaseOption.SPOT) {
            running.put(instance.id(), instance);
            check(instance, now / Time.HOUR);
            scheduleNextCheck();
        } else if (from == InstanceState.RUNNING) {
            running.remove(instance.id());
        }
    }

    private void scheduleNextCheck() {
        if (!checkScheduled && !running.isEmpty()) {
            sim.schedule((sim.now() / Time.HOUR + 1) * Time.HOUR, checkKind, 0, 0);
            checkScheduled = true;
        }
    }

    private void checkAll() {
        checkScheduled = false;
        long hour = sim.now() / Time.HOUR;
        for (Instance instance : List.copyOf(running.values())) {
            check(instance, hour);
        }
        scheduleNextCheck();
    }

    private void check(Instance instance, long hour) {
        if (prices.usdPerHour(instance.type(), instance.zone(), hour) > maxUsdPerHour) {
            market.interrupt(instance.id());
        }
    }
}
