package io.stratus.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratus.compute.InstanceCatalog;
import io.stratus.scenario.Scenario;
import io.stratus.scenario.ScenarioLoader;
import io.stratus.spot.AllocationStrategy;
import io.stratus.spot.SpotModel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The driver of {@code results/spot-pools.md}: runs {@code scenarios/spot-pools.yaml} under each
 * spot allocation strategy for 20 seeds (1 to 20) and tabulates the interruptions per strategy and
 * per capacity pool against the Spot Advisor bucket each pool was fitted to. Off by default; run
 * with
 * <pre>
 *   mvn -B -o -pl engine,workloads test -Dtest=SpotPoolsResults -Dsurefire.failIfNoSpecifiedTests=false \
 *       -Dstratus.spotPoolsResults=$PWD/results/spot-pools-table.md
 * </pre>
 * It checks what every run must satisfy (pools add up to the service's counts) as it goes.
 */
@EnabledIfSystemProperty(named = "stratus.spotPoolsResults", matches = ".+")
class SpotPoolsResults {

    private static final int SEEDS = 20;
    private static final double[] MONTHLY = {0.025, 0.075, 0.125, 0.175, 0.25};
    private static final String[] BUCKET = {"<5%", "5-10%", "10-15%", "15-20%", ">20%"};

    @Test
    void tabulate() throws Exception {
        StringBuilder md = new StringBuilder();
        Map<String, double[]> byPool = new TreeMap<>(); // pool -> {hours, reclaimed}, over strategies and seeds
        md.append("| strategy | reclaimed per run: mean | p5 | p95 | runs with none | spot cost USD: mean | p5 | p95 |\n");
        md.append("|---|--:|--:|--:|--:|--:|--:|--:|\n");
        StringBuilder pools = new StringBuilder();
        for (AllocationStrategy strategy : AllocationStrategy.values()) {
            double[] reclaimed = new double[SEEDS];
            double[] cost = new double[SEEDS];
            Map<String, double[]> mine = new TreeMap<>();
            for (int seed = 1; seed <= SEEDS; seed++) {
                Scenario s = new ScenarioLoader(InstanceCatalog.bundled()).load(Path.of("scenarios", "spot-pools.yaml"),
                        Map.of("services.fleet.auto-scaling.mixed-instances.spot-allocation-strategy",
                                strategy.apiName())).withSeed(seed);
                SpotOutcome o = new ScenarioRunner().run(s, null).result().services().get(0).spot();
                assertThat(o.pools().stream().mapToLong(SpotPoolOutcome::reclaimed).sum()).isEqualTo(o.reclaimed());
                reclaimed[seed - 1] = o.reclaimed();
                cost[seed - 1] = o.spotUsd();
                for (SpotPoolOutcome p : o.pools()) {
                    double[] a = mine.computeIfAbsent(p.pool(), k -> new double[3]);
                    a[0] += p.instanceHours();
                    a[1] += p.reclaimed();
                    a[2] += p.launched();
                    double[] all = byPool.computeIfAbsent(p.pool(), k -> new double[2]);
                    all[0] += p.instanceHours();
                    all[1] += p.reclaimed();
                }
            }
            md.append(String.format(Locale.ROOT, "| %s | %.2f | %.0f | %.0f | %d | %.2f | %.2f | %.2f |\n",
                    strategy.apiName(), mean(reclaimed), pct(reclaimed, 5), pct(reclaimed, 95),
                    Arrays.stream(reclaimed).filter(r -> r == 0).count(), mean(cost), pct(cost, 5), pct(cost, 95)));
            pools.append("\n").append(strategy.apiName()).append(":\n\n");
            pools.append("| pool | bucket | launched | instance-months | reclaimed | per instance-month | fitted |\n");
            pools.append("|---|---|--:|--:|--:|--:|--:|\n");
            mine.forEach((pool, a) -> pools.append(row(pool, a[2], a[0], a[1])));
        }
        md.append("\nPer pool and strategy, summed over the 20 seeds:\n").append(pools);
        md.append("\nAll strategies together, per pool:\n\n");
        md.append("| pool | bucket | launched | instance-months | reclaimed | per instance-month | fitted |\n");
        md.append("|---|---|--:|--:|--:|--:|--:|\n");
        byPool.forEach((pool, a) -> md.append(row(pool, Double.NaN, a[0], a[1])));
        Files.writeString(Path.of(System.getProperty("stratus.spotPoolsResults")), md.toString(), StandardCharsets.UTF_8);
    }

    private static String row(String pool, double launched, double hours, double reclaimed) {
        int bucket = SpotModel.bundled().interruptionBucket(InstanceCatalog.bundled().get(pool.substring(0,
                pool.indexOf('@'))));
        double months = hours / SpotModel.HOURS_PER_MONTH;
        return String.format(Locale.ROOT, "| %s | %s | %s | %.1f | %.0f | %s | %.4f |\n", pool, BUCKET[bucket],
                Double.isNaN(launched) ? "" : String.format(Locale.ROOT, "%.0f", launched), months, reclaimed,
                months == 0 ? "-" : String.format(Locale.ROOT, "%.4f", reclaimed / months),
                -Math.log(1 - MONTHLY[bucket]));
    }

    private static double mean(double[] v) {
        return Arrays.stream(v).average().orElse(Double.NaN);
    }

    /** The nearest-rank percentile. */
    private static double pct(double[] v, int p) {
        double[] s = v.clone();
        Arrays.sort(s);
        int rank = (int) Math.ceil(p / 100.0 * s.length);
        return s[Math.max(0, rank - 1)];
    }
}
