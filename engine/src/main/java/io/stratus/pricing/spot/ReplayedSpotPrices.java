package io.stratus.pricing.spot;

import io.stratus.compute.InstanceType;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Spot prices replayed from a recorded history: for each pool, one price per clock hour from the
 * start of the run; after the last recorded hour the last price holds. Pools without a history
 * fall back to another process.
 */
public final class ReplayedSpotPrices implements SpotPriceProcess {

    private final Map<String, double[]> hourly = new HashMap<>();
    private final SpotPriceProcess fallback;

    public ReplayedSpotPrices(SpotPriceProcess fallback) {
        this.fallback = Objects.requireNonNull(fallback, "fallback");
    }

    /** Sets the hourly history of one pool (copied). */
    public ReplayedSpotPrices pool(String type, int zone, double[] usdPerHour) {
        if (usdPerHour.length == 0) {
            throw new IllegalArgumentException("a replayed history needs at least one hour");
        }
        for (double p : usdPerHour) {
            if (!(p >= 0)) {
                throw new IllegalArgumentException("bad spot price " + p + " for " + type);
            }
        }
        hourly.put(type + "@" + zone, usdPerHour.clone());
        return this;
    }

    @Override
    public double usdPerHour(InstanceType type, int zone, long hour) {
        double[] prices = hourly.get(type.name() + "@" + zone);
        if (prices == null) {
            return fallback.usdPerHour(type, zone, hour);
        }
        return prices[(int) Math.min(hour, prices.length - 1)];
    }
}
