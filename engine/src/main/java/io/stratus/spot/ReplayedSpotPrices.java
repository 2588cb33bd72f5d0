package io.stratus.spot;

import io.stratus.compute.InstanceType;
import io.stratus.sim.Time;
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

    /**
     * An hourly series from a recorded price history: the price in effect at the start of each
     * of {@code hours} clock hours (the last change at or before it, else the first price), as
     * the spot model was fitted.
     *
     * @param changeMicros times of the price changes, ascending, relative to the run's start
     * @param usdPerHour   the price from each change on
     */
    public static double[] hourly(long[] changeMicros, double[] usdPerHour, int hours) {
        if (changeMicros.length != usdPerHour.length || changeMicros.length == 0 || hours <= 0) {
            throw new IllegalArgumentException("need as many prices as change times, at least one, and hours > 0");
        }
        for (int i = 1; i < changeMicros.length; i++) {
            if (changeMicros[i] < changeMicros[i - 1]) {
                throw new IllegalArgumentException("price change times must be ascending");
            }
        }
        double[] out = new double[hours];
        int next = 0;
        double price = usdPerHour[0];
        for (int h = 0; h < hours; h++) {
            long start = h * Time.HOUR;
            while (next < changeMicros.length && changeMicros[next] <= start) {
                price = usdPerHour[next++];
            }
            out[h] = price;
        }
        return out;
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
