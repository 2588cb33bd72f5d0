package io.stratus.spot;

import io.stratus.compute.InstanceType;
import io.stratus.sim.RandomStream;
import io.stratus.sim.RandomStreams;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Spot prices generated per pool by a mean-reverting log-price model fitted to the modern
 * (2025-2026) spot market: the log price follows an AR(1) process, the hourly discretisation of
 * an Ornstein-Uhlenbeck process,
 * <pre>
 *   y(h+1) = m + phi (y(h) - m) + s sqrt(1 - phi^2) e(h),   e ~ N(0, 1),   price = min(on-demand, exp(y))
 * </pre>
 * with {@code phi} and the stationary deviation {@code s} from {@link SpotModel}, {@code y(0)}
 * drawn from the stationary law, and {@code m = ln(on-demand x mean fraction) - s^2 / 2} so the
 * mean price is the type's fitted mean fraction of on-demand. Spot prices never exceed on-demand
 * (the default maximum price).
 *
 * <p>Each pool draws from its own stream named after the pool, and its path is generated hour
 * after hour from hour 0, so prices do not depend on which pools are asked for, or in what order.
 */
public final class MeanRevertingSpotPrices implements SpotPriceProcess {

    private final SpotModel model;
    private final long seed;
    private final double persistence;
    private final double stationarySd;
    private final Map<String, Path> paths = new HashMap<>();

    /** The fitted model under a seed. */
    public MeanRevertingSpotPrices(SpotModel model, long seed) {
        this(model, seed, SpotModel.HOURLY_PERSISTENCE, SpotModel.STATIONARY_SD);
    }

    /** A model with explicit dynamics (persistence 0 gives independent hourly prices). */
    public MeanRevertingSpotPrices(SpotModel model, long seed, double persistence, double stationarySd) {
        this.model = Objects.requireNonNull(model, "model");
        if (!(persistence >= 0 && persistence < 1) || !(stationarySd >= 0)) {
            throw new IllegalArgumentException("need 0 <= persistence < 1 and sd >= 0");
        }
        this.seed = seed;
        this.persistence = persistence;
        this.stationarySd = stationarySd;
    }

    @Override
    public double usdPerHour(InstanceType type, int zone, long hour) {
        if (hour < 0) {
            throw new IllegalArgumentException("negative hour " + hour);
        }
        String pool = type.name() + "@" + zone;
        Path path = paths.computeIfAbsent(pool, p -> new Path(type, RandomStreams.seedFor(seed, "spot-price/" + p)));
        return Math.min(type.onDemandUsdPerHour(), Math.exp(path.logPrice((int) hour)));
    }

    private final class Path {
        private final RandomStream random;
        private final double mean;
        private double[] y = new double[64];
        private int size;

        Path(InstanceType type, long poolSeed) {
            this.random = new RandomStream(poolSeed);
            this.mean = Math.log(type.onDemandUsdPerHour() * model.meanFraction(type))
                    - stationarySd * stationarySd / 2;
            y[size++] = mean + stationarySd * gaussian();
        }

        double logPrice(int hour) {
            while (size <= hour) {
                if (size == y.length) {
                    y = Arrays.copyOf(y, size * 2);
                }
                double innovation = stationarySd * Math.sqrt(1 - persistence * persistence);
                y[size] = mean + persistence * (y[size - 1] - mean) + innovation * gaussian();
                size++;
            }
            return y[hour];
        }

        /** Box-Muller on the pool's own stream (one of the two normals is dropped for simplicity). */
        private double gaussian() {
            double u = 1.0 - random.nextDouble();
            double v = random.nextDouble();
            return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
        }
    }
}
