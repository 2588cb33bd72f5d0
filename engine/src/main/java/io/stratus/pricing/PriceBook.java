package io.stratus.pricing;

import io.stratus.compute.InstanceCatalog;
import io.stratus.compute.InstanceType;
import io.stratus.pricing.commitment.ReservedRates;
import io.stratus.pricing.commitment.SizeFlexibility;
import io.stratus.spot.SpotModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.Properties;

/**
 * The list prices of us-east-1 that bills are computed from: on-demand from the instance
 * catalogue, reserved ratios ({@link ReservedRates}), the fitted spot model ({@link SpotModel}),
 * and dedicated-tenancy and EBS prices from {@code prices-us-east-1.properties}, where each
 * number has its source and date. Immutable.
 *
 * <p>Assumptions: Linux, shared tenancy unless dedicated; a Dedicated Instance costs the shared
 * price times a premium factor; a Dedicated Host of a family costs its host shape's (metal)
 * on-demand price times a premium factor.
 */
public final class PriceBook {

    /** The bundled properties resource. */
    public static final String RESOURCE = "/io/stratus/pricing/prices-us-east-1.properties";

    private static volatile PriceBook bundled;

    private final InstanceCatalog catalog;
    private final ReservedRates reserved;
    private final SpotModel spot;
    private final SizeFlexibility sizes;
    private final EbsPrices ebs;
    private final double dedicatedRegionFee;
    private final double dedicatedInstanceFactor;
    private final double dedicatedHostFactor;
    private final double surplusCreditUsd;

    public PriceBook(InstanceCatalog catalog, ReservedRates reserved, SpotModel spot, Properties prices) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.reserved = Objects.requireNonNull(reserved, "reserved");
        this.spot = Objects.requireNonNull(spot, "spot");
        this.sizes = new SizeFlexibility(catalog);
        this.ebs = new EbsPrices(prices);
        this.dedicatedRegionFee = Double.parseDouble(required(prices, "dedicated.region-fee-usd-per-hour"));
        this.dedicatedInstanceFactor = Double.parseDouble(required(prices, "dedicated.instance-premium-factor"));
        this.dedicatedHostFactor = Double.parseDouble(required(prices, "dedicated.host-premium-factor"));
        this.surplusCreditUsd = Double.parseDouble(required(prices, "burstable.surplus-usd-per-vcpu-hour"));
    }

    /** The bundled us-east-1 prices. */
    public static PriceBook bundled() {
        PriceBook b = bundled;
        if (b == null) {
            synchronized (PriceBook.class) {
                b = bundled;
                if (b == null) {
                    Properties p = new Properties();
                    try (InputStream in = PriceBook.class.getResourceAsStream(RESOURCE)) {
                        if (in == null) {
                            throw new IllegalStateException("bundled resource " + RESOURCE + " is missing");
                        }
                        p.load(in);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    b = new PriceBook(InstanceCatalog.bundled(), ReservedRates.bundled(), SpotModel.bundled(), p);
                    bundled = b;
                }
            }
        }
        return b;
    }

    /** The properties of a bundled price resource (a missing one is a packaging error). */
    static Properties resource(String name) {
        Properties p = new Properties();
        try (InputStream in = PriceBook.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    static String required(Properties p, String key) {
        String v = p.getProperty(key);
        if (v == null) {
            throw new IllegalArgumentException("price property '" + key + "' is missing");
        }
        return v.strip();
    }

    /** The instance catalogue. */
    public InstanceCatalog catalog() {
        return catalog;
    }

    /** Reserved-instance (and derived Savings Plan) ratios. */
    public ReservedRates reserved() {
        return reserved;
    }

    /** The fitted spot model. */
    public SpotModel spot() {
        return spot;
    }

    /** Normalization factors for size-flexible reservations. */
    public SizeFlexibility sizes() {
        return sizes;
    }

    /** EBS prices. */
    public EbsPrices ebs() {
        return ebs;
    }

    /** Linux shared-tenancy on-demand price. */
    public double onDemandUsdPerHour(InstanceType type) {
        if (!type.isPriced()) {
            throw new IllegalArgumentException("instance type " + type.name() + " has no on-demand price in the catalogue");
        }
        return type.onDemandUsdPerHour();
    }

    /** Price of a Dedicated Instance of {@code type}, without the region fee. */
    public double dedicatedInstanceUsdPerHour(InstanceType type) {
        return onDemandUsdPerHour(type) * dedicatedInstanceFactor;
    }

    /** The per-region fee for each hour in which any Dedicated Instance runs. */
    public double dedicatedRegionFeeUsdPerHour() {
        return dedicatedRegionFee;
    }

    /** Price of one vCPU-hour of burstable surplus credits, Linux ({@link SurplusCredits}). */
    public double surplusCreditUsdPerVcpuHour() {
        return surplusCreditUsd;
    }

    /** Price of one Dedicated Host of {@code family} per host-hour. */
    public double dedicatedHostUsdPerHour(String family) {
        return onDemandUsdPerHour(catalog.hostShapeOf(family)) * dedicatedHostFactor;
    }
}
