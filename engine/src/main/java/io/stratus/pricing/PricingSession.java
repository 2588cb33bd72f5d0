package io.stratus.pricing;

import io.stratus.compute.Fleet;
import io.stratus.sim.Simulation;
import io.stratus.spot.MeanRevertingSpotPrices;
import io.stratus.spot.SpotMarket;
import io.stratus.spot.SpotPriceProcess;
import io.stratus.storage.VolumeListener;
import java.util.List;
import java.util.Objects;

/**
 * Everything pricing needs during one run under one {@link PurchaseStrategy}, wired to a
 * simulation and its fleet: the {@link UsageMeter} (a fleet listener), the {@link EbsMeter} (a
 * {@link VolumeListener} to add to the run's {@link io.stratus.storage.BlockStorage}). After the
 * run, {@link #report} prices the usage and sizes the strategy's commitments.
 *
 * <p>Pricing only reads: each instance's purchase option is its launch's (the owners apply
 * {@link PurchaseStrategy#distribution()}), and spot interruptions come from a {@link SpotMarket}
 * the run owns ({@link #listenTo}: reclaims in the first hour are waived and counted).
 *
 * <pre>
 *   PurchaseStrategy strategy = PurchaseStrategy.mixed(2, 70);
 *   PricingSession pricing = PricingSession.attach(sim, fleet, strategy);
 *   SpotMarket market = SpotMarket.attach(sim, fleet, PriceBook.bundled().spot());
 *   pricing.listenTo(market);
 *   ... owners launch with strategy.distribution(), sim.runUntil(end) ...
 *   CostReport report = pricing.report(end, requestsServed);
 * </pre>
 * Strategies that differ only in commitments or in how the bill reads on-demand launches
 * (on-demand, reserved, savings plans, Dedicated Instances) can be priced from one run's usage
 * with {@link #reportAs} ({@link #canReportAs}); strategies that change how instances are
 * launched (spot, mixed) or sized from the run's peak (Dedicated Hosts) need their own run.
 */
public final class PricingSession {

    private final PurchaseStrategy strategy;
    private final PriceBook prices;
    private final SpotPriceProcess spotPrices;
    private final UsageMeter meter;
    private final EbsMeter volumes = new EbsMeter();
    private long closedAt = -1;
    private List<Charge> charges = List.of();

    private PricingSession(Fleet fleet, PurchaseStrategy strategy, PriceBook prices, SpotPriceProcess spotPrices) {
        this.strategy = Objects.requireNonNull(strategy, "strategy");
        this.prices = Objects.requireNonNull(prices, "prices");
        this.spotPrices = Objects.requireNonNull(spotPrices, "spotPrices");
        this.meter = new UsageMeter(strategy.assignment(), fleet::surplusCredits);
        fleet.addListener(meter);
    }

    /** Attaches with the bundled us-east-1 prices and spot prices generated from the run's seed. */
    public static PricingSession attach(Simulation sim, Fleet fleet, PurchaseStrategy strategy) {
        PriceBook prices = PriceBook.bundled();
        return attach(sim, fleet, strategy, prices,
                new MeanRevertingSpotPrices(prices.spot(), sim.random().masterSeed()));
    }

    /** Attaches with explicit prices (for replayed spot prices, or other price tables). */
    public static PricingSession attach(Simulation sim, Fleet fleet, PurchaseStrategy strategy, PriceBook prices,
                                        SpotPriceProcess spotPrices) {
        Objects.requireNonNull(sim, "sim");
        Objects.requireNonNull(fleet, "fleet");
        return new PricingSession(fleet, strategy, prices, spotPrices);
    }

    /** Hears the reclaims of {@code market}: the bill waives spot intervals EC2 ends in their first hour. */
    public void listenTo(SpotMarket market) {
        market.addListener(meter);
    }

    /** The instance usage meter. */
    public UsageMeter meter() {
        return meter;
    }

    /** The listener to add to the run's {@link io.stratus.storage.BlockStorage}: it meters every EBS volume. */
    public VolumeListener volumes() {
        return volumes;
    }

    /**
     * Sets the run's charges beyond instances and EBS volumes (load balancer, data transfer,
     * addresses, ...): every report from now on carries them as lines and in its totals.
     */
    public void charges(List<Charge> lines) {
        this.charges = List.copyOf(lines);
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
        if (!other.assignment().equals(strategy.assignment())) {
            if (!canReportAs(other)) {
                throw new IllegalArgumentException("strategy " + other.name() + " buys differently from "
                        + strategy.name() + ": it needs its own run");
            }
            usage = usage.relabelled(((PurchaseAssignment.Uniform) ((PurchaseAssignment.TenancyFirst)
                    other.assignment()).strategy()).terms());
        }
        Bill bill = new CostCalculator(prices, spotPrices).price(usage, volumes, other.commitments(usage, prices),
                endMicros).withCharges(charges);
        return CostReport.of(other.name(), bill, endMicros, requests, meter.interruptions(), usage.waivedIntervals());
    }

    /**
     * Whether {@link #reportAs} prices {@code other} exactly as a run under {@code other} would:
     * both strategies launch every instance on demand (so owners launch the same instances, no
     * spot market runs, and the simulation is the same), this session meters instances as
     * launched, and {@code other} reads them as launched too or gives every default-tenancy
     * instance the same terms other than a Dedicated Host (such as Dedicated Instances), which is
     * a relabelling of the same usage. Spot and mixed strategies, and Dedicated Hosts (sized from
     * the peak of vCPUs running at once), need their own run.
     */
    public boolean canReportAs(PurchaseStrategy other) {
        return other.priceableFromRunOf(strategy);
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
