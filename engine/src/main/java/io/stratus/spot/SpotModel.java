package io.stratus.spot;

import io.stratus.compute.InstanceCatalog;
import io.stratus.compute.InstanceCategory;
import io.stratus.compute.InstanceType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The fitted spot market of us-east-1: per instance type, the mean spot price as a fraction of
 * on-demand and the Spot Advisor interruption bucket; for all pools, the parameters of a
 * mean-reverting (Ornstein-Uhlenbeck) log-price process. Everything here is fitted by
 * {@code results/pricing/fit_spot_model.py}; see {@code results/spot-model.md}.
 *
 * <p>Interruption buckets (Spot Advisor: the share of spot instances of a type that AWS
 * interrupted in the last month) become a constant per-instance hazard: the bucket's midpoint
 * {@code p} (2.5%, 7.5%, 12.5%, 17.5%, and 25% assumed for "over 20%") is read as the
 * probability that one instance running for a month of 730 hours is interrupted, so the hazard
 * is {@code -ln(1 - p) / 730} per instance-hour. A type missing from the table takes its
 * category's median fraction and bucket. The {@link SpotMarket} realises that hazard by capacity
 * pool: drops of a pool's spare capacity reclaim several of its instances at once, at a rate
 * that gives each instance this hazard ({@link CapacityPool}).
 */
public final class SpotModel {

    /** The bundled resource. */
    public static final String RESOURCE = "/io/stratus/pricing/spot-model-us-east-1.csv";
    /** Hours in the month of the Spot Advisor's interruption frequency. */
    public static final double HOURS_PER_MONTH = 730;
    /** Monthly interruption probability assumed for each Spot Advisor bucket 0..4. */
    private static final double[] BUCKET_MONTHLY = {0.025, 0.075, 0.125, 0.175, 0.25};

    /**
     * Hourly AR(1) coefficient of the log price: the median of the three regional fits of the
     * t3.micro 2025-11..2026-02 series (us-west-2: 0.8926; eu-west-1 0.8922, us-east-1 0.9033),
     * a reversion rate of 0.114 per hour, half-life about 6 hours.
     */
    public static final double HOURLY_PERSISTENCE = 0.8926;
    /**
     * Standard deviation of the stationary log price around its mean: the median regional fit
     * (us-west-2: 0.0867; eu-west-1 0.0443; us-east-1 0.2583, inflated because that series
     * mixes zones with different price levels).
     */
    public static final double STATIONARY_SD = 0.0867;

    private static volatile SpotModel bundled;

    private final Map<String, double[]> byType;
    private final Map<InstanceCategory, double[]> byCategory;

    private SpotModel(Map<String, double[]> byType, Map<InstanceCategory, double[]> byCategory) {
        this.byType = byType;
        this.byCategory = byCategory;
    }

    /** The bundled us-east-1 model, with category fallbacks from the bundled catalogue. */
    public static SpotModel bundled() {
        SpotModel m = bundled;
        if (m == null) {
            synchronized (SpotModel.class) {
                m = bundled;
                if (m == null) {
                    try (InputStream in = SpotModel.class.getResourceAsStream(RESOURCE)) {
                        if (in == null) {
                            throw new IllegalStateException("bundled resource " + RESOURCE + " is missing");
                        }
                        m = read(in, InstanceCatalog.bundled());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    bundled = m;
                }
            }
        }
        return m;
    }

    private static SpotModel read(InputStream in, InstanceCatalog catalog) throws IOException {
        Map<String, double[]> types = new HashMap<>();
        Map<InstanceCategory, List<Double>> fractions = new EnumMap<>(InstanceCategory.class);
        Map<InstanceCategory, List<Double>> buckets = new EnumMap<>(InstanceCategory.class);
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        int lineNo = 0;
        while ((line = reader.readLine()) != null) {
            lineNo++;
            if (line.isBlank() || line.startsWith("#") || line.startsWith("instance_type,")) {
                continue;
            }
            String[] f = line.split(",", -1);
            if (f.length != 4) {
                throw new IllegalArgumentException(RESOURCE + ":" + lineNo + ": expected 4 columns");
            }
            double fraction = Double.parseDouble(f[1]);
            double bucket = f[3].isEmpty() ? Double.NaN : Integer.parseInt(f[3]);
            InstanceCategory category = catalog.get(f[0]).category();
            fractions.computeIfAbsent(category, c -> new ArrayList<>()).add(fraction);
            if (!Double.isNaN(bucket)) {
                buckets.computeIfAbsent(category, c -> new ArrayList<>()).add(bucket);
            }
            types.put(f[0], new double[] {fraction, bucket});
        }
        List<Double> allBuckets = new ArrayList<>();
        buckets.values().forEach(allBuckets::addAll);
        double overallBucket = median(allBuckets);
        List<Double> allFractions = new ArrayList<>();
        fractions.values().forEach(allFractions::addAll);
        Map<InstanceCategory, double[]> categories = new EnumMap<>(InstanceCategory.class);
        for (InstanceCategory c : InstanceCategory.values()) {
            double fraction = fractions.containsKey(c) ? median(fractions.get(c)) : median(allFractions);
            double bucket = buckets.containsKey(c) ? median(buckets.get(c)) : overallBucket;
            categories.put(c, new double[] {fraction, Math.rint(bucket)});
        }
        return new SpotModel(types, categories);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** Mean spot price of {@code type} as a fraction of its on-demand price. */
    public double meanFraction(InstanceType type) {
        double[] t = byType.get(type.name());
        return t != null ? t[0] : byCategory.get(type.category())[0];
    }

    /** The Spot Advisor interruption bucket of {@code type}, 0 ("under 5%") to 4 ("over 20%"). */
    public int interruptionBucket(InstanceType type) {
        double[] t = byType.get(type.name());
        double bucket = t != null && !Double.isNaN(t[1]) ? t[1] : byCategory.get(type.category())[1];
        return (int) bucket;
    }

    /** The interruption hazard of one running instance of {@code type}, per hour. */
    public double hazardPerHour(InstanceType type) {
        return hazardPerHour(interruptionBucket(type));
    }

    /** The per-instance-hour hazard of a Spot Advisor bucket. */
    public static double hazardPerHour(int bucket) {
        if (bucket < 0 || bucket >= BUCKET_MONTHLY.length) {
            throw new IllegalArgumentException("interruption buckets are 0 to 4, got " + bucket);
        }
        return -Math.log(1 - BUCKET_MONTHLY[bucket]) / HOURS_PER_MONTH;
    }
}
