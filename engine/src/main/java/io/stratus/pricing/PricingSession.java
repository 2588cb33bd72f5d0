package io.stratus.pricing;

import io.stratus.compute.Fleet;
import io.stratus.pricing.spot.MeanRevertingSpotPrices;
import io.stratus.pricing.spot.SpotMarket;
import io.stratus.pricing.spot.SpotPriceProcess;
import io.stratus.sim.Simulation;
import io.stratus.storage.VolumeListener;
import java.util.Objects;
import java.util.Optional;
import java.util.function.IntConsumer;

/**
 * Everything pricing needs during one run under one {@link PurchaseStrategy}, wired to a
 * simulation and its fleet: the {@link UsageMeter} (a fleet listener), the {@link EbsMeter} (a
 * {@link VolumeListener} to add to the run's {@link io.stratus.storage.BlockStorage}), and, when the strategy buys spot, the
 * {@link SpotMarket} that interrupts spot instances. After the run, {@link #report} prices the
 * usage and sizes the strategy's commitments.
 *
 * <pre>
 *   PricingSession pricing = PricingSession.attach(sim, fleet, PurchaseStrategy.mixed(2, 0.7));
 *   pricing.spotMarket().ifPresent(m -&gt; m.addListener(myWorkload));   // optional
 *   ... launch instances, sim.runUntil(end) ...
 *   CostReport report = pricing.report(end, requestsServed);
 * </pre>
 * Strategies that differ only in commitments (on-demand, reserved, savings plans) can be priced
 * from one run's usage with {@link #reportAs}; strategies that change how instances are bought
 * (spot, dedicated) need their own run.
 */
public final class PricingSession {

    private final PurchaseStrategy strategy;
    private final PriceBook prices;
    private final SpotPriceProcess spotPrices;
    private final UsageMeter meter;
    private final EbsMeter volumes = new EbsMeter();
    private final SpotMarket spotMarket;
    private long closedAt = -1;

    private PricingSession(Simulation sim, Fleet fleet, PurchaseStrategy strategy, PriceBook prices,
                           SpotPriceProcess spotPrices, IntConsumer reclaimAction) {
        this.strategy = Objects.requireNonNull(strategy, "strategy");
        this.prices = Objects.requireNonNull(prices, "prices");
        this.spotPrices = Objects.requireNonNull(spotPrices, "spotPrices");
        this.meter = new UsageMeter(strategy.assignment());
        fleet.addListener(meter);
        if (strategy.usesSpot()) {
            PurchaseAssignment assignment = strategy.assignment();
            spotMarket = new SpotMarket(sim, fleet,
                    id -> assignment.termsOf(fleet.instance(id)).option() == PurchaseOption.SPOT, prices.spot(),
                    reclaimAction);
            spotMarket.addListener(meter);
            fleet.addListener(spotMarket);
        } else {
            spotMarket = null;
        }
    }

    /** Attaches with the bundled us-east-1 prices and spot prices generated from the run's seed. */
    public static PricingSession attach(Simulation sim, Fleet fleet, PurchaseStrategy strategy) {
        PriceBook prices = PriceBook.bundled();
        return attach(sim, fleet, strategy, prices,
                new MeanRevertingSpotPrices(prices.spot(), sim.random().masterSeed()));
    }

    /** Attaches with explicit prices (for replayed spot prices, or other price tables); reclaimed spot instances are terminated. */
    public static PricingSession attach(Simulation sim, Fleet fleet, PurchaseStrategy strategy, PriceBook prices,
                                        SpotPriceProcess spotPrices) {
        Objects.requireNonNull(fleet, "fleet");
        return attach(sim, fleet, strategy, prices, spotPrices, fleet::terminate);
    }

    /**
     * Attaches with explicit prices and what reclaiming a spot instance does to it: terminate
     * ({@code fleet::terminate}), or stop where the fleet supports it (the spot "interruption
     * behaviour" setting).
     */
    public static PricingSession attach(Simulation sim, Fleet fleet, PurchaseStrategy strategy, PriceBook prices,
                                        SpotPriceProcess spotPrices, IntConsumer reclaimAction) {
        Objects.requireNonNull(sim, "sim");
        Objects.requireNonNull(fleet, "fleet");
        Objects.requireNonNull(reclaimAction, "reclaimAction");
        return new PricingSession(sim, fleet, strategy, prices, spotPrices, reclaimAction);
    }

    /** The instance usage meter. */
    public UsageMeter meter() {
        return meter;
    }

    /** The listener to add to the run's {@link io.stratus.storage.BlockStorage}: it meters every EBS volume. */
    public VolumeListener volumes() {
        return volumes;
    }

    /** The spot market, when the strategy buys spot. */
    public Optional<SpotMarket> spotMarket() {
        return Optional.ofNullable(spotMarket);
    }

    /** Ends metering at {@code endMicros} (idempotent for the same time) and prices the run under its strategy. */
    public CostReport report(long endMicros, long requests) {
        return reportAs(strategy, endMicros, requests);
    }

    /**
     * Prices this run's usage with the commitments of {@code other}. Meaningful when
     * {@code other} assigns purchase options as this session's strategy did (for example
     * on-demand usage priced as reserved or under a savings plan).
     */
    public CostReport reportAs(PurchaseStrategy other, long endMicros, long requests) {
        close(endMicros);
        UsageLedger usage = meter.ledger();
        Bill bill = new CostCalculator(prices, spotPrices).price(usage, volumes, other.commitments(usage, prices),
                endMicros);
        long interruptions = spotMarket == null ? 0 : spotMarket.interruptions();
        return CostReport.of(other.name(), bill, endMicros, requests, interruptions, usage.waivedIntervals());
    }

    private void close(long endMicros) {
        if (closedAt < 0) {
            meter.close(endMicros);
            volumes.close(endMicros);
            closedAt = endMicros;
        } else if (closedAt != endMicros) {
            throw new IllegalStateException("the session was closed at " + closedAt + ", not " + endMicros);
        }
    }
}
