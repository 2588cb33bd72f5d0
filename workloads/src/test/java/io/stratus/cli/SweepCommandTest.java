package io.stratus.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stratus.scenario.ScenarioLoaderTest;
import io.stratus.sim.RandomStreams;
import io.stratus.sweep.Statistics;
import io.stratus.sweep.SweepPlan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepCommandTest {

    private static final String[] FILES = {"runs.csv", "sweep.csv", "sweep.md", "sweep.json"};

    @TempDir
    Path dir;

    private Path scenario;

    @BeforeEach
    void writeScenario() throws Exception {
        scenario = dir.resolve("tiny.yaml");
        Files.writeString(scenario, ScenarioLoaderTest.VALID_TEXT);
    }

    private StratusCliTest.Result sweep(String out, String... args) {
        List<String> all = new ArrayList<>(List.of("sweep", scenario.toString(), "--quiet", "--out",
                dir.resolve(out).toString(), "--set", "duration=10m"));
        all.addAll(List.of(args));
        return StratusCliTest.execute(all.toArray(String[]::new));
    }

    /** runs.csv rows as field lists, header dropped (no field of these sweeps needs quoting). */
    private List<String[]> rows(Path runsCsv) throws Exception {
        List<String> lines = Files.readAllLines(runsCsv);
        return lines.subList(1, lines.size()).stream().map(l -> l.split(",", -1)).toList();
    }

    @Test
    void runsTheProductWithTheDocumentedOrderAndCommonSeeds() throws Exception {
        StratusCliTest.Result r = sweep("s", "--set", "services.web.instances=1,2",
                "--set", "services.web.requests.service.cpu=10ms,20ms,30ms", "--replications", "2", "--seed", "5");
        assertThat(r.exit()).as(r.err()).isZero();
        List<String> lines = Files.readAllLines(dir.resolve("s/runs.csv"));
        assertThat(lines.get(0)).isEqualTo("combination,services.web.instances,services.web.requests.service.cpu,"
                + "replication,seed,workload,metric,value");
        long seed1 = RandomStreams.seedFor(5, "replication-1");
        assertThat(SweepPlan.seed(5, 0)).isEqualTo(5);
        assertThat(SweepPlan.seed(5, 1)).isEqualTo(seed1);
        // the first --set varies slowest; replications innermost
        Map<String, String> runsSeen = new TreeMap<>();
        for (String[] f : rows(dir.resolve("s/runs.csv"))) {
            runsSeen.put(f[0] + "/" + f[3], f[1] + " " + f[2] + " seed " + f[4]);
        }
        assertThat(runsSeen).hasSize(12).containsEntry("0/0", "1 10ms seed 5").containsEntry("0/1", "1 10ms seed " + seed1)
                .containsEntry("1/0", "1 20ms seed 5").containsEntry("2/1", "1 30ms seed " + seed1)
                .containsEntry("3/0", "2 10ms seed 5").containsEntry("5/1", "2 30ms seed " + seed1);
        List<String> order = rows(dir.resolve("s/runs.csv")).stream().map(f -> f[0] + "/" + f[3]).distinct().toList();
        assertThat(order).containsExactly("0/0", "0/1", "1/0", "1/1", "2/0", "2/1", "3/0", "3/1", "4/0", "4/1", "5/0", "5/1");

        // common random numbers: within a replication, every combination sees the same arrivals
        Map<String, List<String>> requests = rows(dir.resolve("s/runs.csv")).stream()
                .filter(f -> f[5].equals("service:web") && f[6].equals("requests"))
                .collect(Collectors.groupingBy(f -> f[3], TreeMap::new, Collectors.mapping(f -> f[7], Collectors.toList())));
        assertThat(requests.get("0")).hasSize(6).containsOnly(requests.get("0").get(0));
        assertThat(requests.get("1")).hasSize(6).containsOnly(requests.get("1").get(0));
        assertThat(requests.get("0").get(0)).isNotEqualTo(requests.get("1").get(0));

        // replication 0 reproduces a plain run with the master seed
        assertThat(StratusCliTest.execute("run", scenario.toString(), "--quiet", "--no-charts", "--seed", "5",
                "--set", "duration=10m", "--set", "services.web.instances=2", "--set", "services.web.requests.service.cpu=20ms",
                "--out", dir.resolve("run").toString()).exit()).isZero();
        JsonNode summary = new ObjectMapper().readTree(dir.resolve("run/summary.json").toFile());
        JsonNode web = summary.get("services").get(0);
        Map<String, String> run40 = rows(dir.resolve("s/runs.csv")).stream()
                .filter(f -> f[0].equals("4") && f[3].equals("0"))
                .collect(Collectors.toMap(f -> f[5] + " " + f[6], f -> f[7]));
        assertThat(run40.get("service:web requests")).isEqualTo(web.get("requests").asText());
        assertThat(new java.math.BigDecimal(run40.get("service:web latency_p99_ms")))
                .isEqualByComparingTo(web.get("latencyMs").get("p99").decimalValue());
        assertThat(new java.math.BigDecimal(run40.get("scenario cost_usd")))
                .isEqualByComparingTo(summary.get("costUsd").decimalValue());

        JsonNode manifest = new ObjectMapper().readTree(dir.resolve("s/sweep.json").toFile());
        assertThat(manifest.get("runs").asInt()).isEqualTo(12);
        assertThat(manifest.get("scenarioFile").asText()).isEqualTo("tiny.yaml");
        assertThat(Files.readString(dir.resolve("s/sweep.md"))).contains("## service:web")
                .contains("swept: `services.web.instances` = `1`, `2`").contains("fixed: `duration` = `10m`");
    }

    @Test
    void outputIsByteIdenticalForAnyThreadCount() throws Exception {
        String[] args = {"--set", "services.web.instances=1,2", "--replications", "3"};
        assertThat(sweep("t1", concat(args, "--threads", "1")).exit()).isZero();
        assertThat(sweep("t2", concat(args, "--threads", "2")).exit()).isZero();
        for (String f : FILES) {
            assertThat(Files.readAllBytes(dir.resolve("t2").resolve(f))).as(f)
                    .isEqualTo(Files.readAllBytes(dir.resolve("t1").resolve(f)));
        }
    }

    @Test
    void mergedShardsEqualTheUnshardedSweepByteForByte() throws Exception {
        String[] args = {"--set", "services.web.instances=1,2,3", "--replications", "3", "--threads", "2"};
        assertThat(sweep("whole", args).exit()).isZero();
        StratusCliTest.Result s0 = sweep("shard0", concat(args, "--shard", "0/2"));
        StratusCliTest.Result s1 = sweep("shard1", concat(args, "--shard", "1/2"));
        assertThat(s0.exit()).as(s0.err()).isZero();
        assertThat(s1.exit()).as(s1.err()).isZero();
        try (Stream<Path> files = Files.list(dir.resolve("shard0"))) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("runs-shard-0-of-2.csv", "sweep-shard-0-of-2.json");
        }
        assertThat(rows(dir.resolve("shard0/runs-shard-0-of-2.csv")).stream().map(f -> f[0] + "/" + f[2]).distinct())
                .containsExactly("0/0", "0/2", "1/1", "2/0", "2/2"); // global indexes 0, 2, 4, 6, 8
        StratusCliTest.Result m = StratusCliTest.execute("merge", dir.resolve("shard1").toString(),
                dir.resolve("shard0").toString(), "--out", dir.resolve("merged").toString());
        assertThat(m.exit()).as(m.err()).isZero();
        assertThat(m.out()).contains("9 runs merged from 2 shards");
        for (String f : FILES) {
            assertThat(Files.readAllBytes(dir.resolve("merged").resolve(f))).as(f)
                    .isEqualTo(Files.readAllBytes(dir.resolve("whole").resolve(f)));
        }
    }

    @Test
    void confidenceIntervalMatchesAHandComputation() throws Exception {
        // 1..5: mean 3, sd sqrt(10/4) = 1.58114, t(0.975, 4) = 2.776445, half-width 2.776445 * 1.58114 / sqrt(5)
        Statistics s = Statistics.of(new double[] {1, 2, 3, 4, 5});
        assertThat(s.n()).isEqualTo(5);
        assertThat(s.mean()).isEqualTo(3.0);
        assertThat(s.sd()).isCloseTo(1.5811388, within(1e-7));
        assertThat(s.halfWidth()).isCloseTo(1.9632432, within(1e-6));
        Statistics one = Statistics.of(new double[] {4});
        assertThat(one.mean()).isEqualTo(4);
        assertThat(one.sd()).isNaN();
        assertThat(one.halfWidth()).isNaN();
        Statistics same = Statistics.of(new double[] {0.384278, 0.384278, 0.384278});
        assertThat(same.mean()).isEqualTo(0.384278);
        assertThat(same.sd()).isZero();
        assertThat(same.halfWidth()).isZero();

        // and sweep.csv against the replications in runs.csv, by hand with t(0.975, 2) = 4.302653
        assertThat(sweep("ci", "--set", "services.web.instances=1,2", "--replications", "3").exit()).isZero();
        double[] p99 = rows(dir.resolve("ci/runs.csv")).stream()
                .filter(f -> f[0].equals("1") && f[4].equals("service:web") && f[5].equals("latency_p99_ms"))
                .mapToDouble(f -> Double.parseDouble(f[6])).toArray();
        assertThat(p99).hasSize(3);
        double mean = (p99[0] + p99[1] + p99[2]) / 3;
        double sd = Math.sqrt((Math.pow(p99[0] - mean, 2) + Math.pow(p99[1] - mean, 2) + Math.pow(p99[2] - mean, 2)) / 2);
        double half = 4.302653 * sd / Math.sqrt(3);
        List<String> lines = Files.readAllLines(dir.resolve("ci/sweep.csv"));
        assertThat(lines.get(0)).isEqualTo("combination,services.web.instances,workload,metric,n,mean,sd,ci95_half_width");
        String[] row = lines.stream().map(l -> l.split(",", -1))
                .filter(f -> f[0].equals("1") && f[2].equals("service:web") && f[3].equals("latency_p99_ms"))
                .findFirst().orElseThrow();
        assertThat(row[1]).isEqualTo("2");
        assertThat(row[4]).isEqualTo("3");
        assertThat(Double.parseDouble(row[5])).isCloseTo(mean, within(Math.abs(mean) * 1e-5));
        assertThat(Double.parseDouble(row[6])).isCloseTo(sd, within(Math.abs(sd) * 1e-5 + 1e-12));
        assertThat(Double.parseDouble(row[7])).isCloseTo(half, within(Math.abs(half) * 1e-5 + 1e-12));
    }

    @Test
    void badValueIsTheUsualScenarioErrorNamingTheSetAndWritesNothing() {
        StratusCliTest.Result r = sweep("bad", "--set", "services.web.instances=1,lots,2");
        assertThat(r.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("--set services.web.instances=lots").contains("services.web.instances")
                .doesNotContain("=1:").doesNotContain("Exception");
        assertThat(dir.resolve("bad")).doesNotExist();
    }

    @Test
    void refusesBadSweepArgumentsAndWritesNothing() {
        assertBad(sweep("bad", "--replications", "0"), "--replications 0: a sweep needs at least 1 replication");
        assertBad(sweep("bad", "--shard", "2/2"), "--shard 2/2: the shard index runs from 0 to 1");
        assertBad(sweep("bad", "--shard", "two"), "expected INDEX/COUNT");
        assertBad(sweep("bad", "--set", "services.web.instances=1,2", "--set", "services.web.instances=3"),
                "is given twice");
        assertBad(sweep("bad", "--set", "services.web.instances=1,1"), "listed twice");
        assertBad(sweep("bad", "--set", "seed=1,2"), "give the master seed with --seed");
        assertBad(sweep("bad", "--set", "services.web.instances=1,2,3,4,5,6,7,8,9,10", "--replications", "1001"),
                "the sweep has 10,010 runs (10 x 1001 replications); at most 10,000 are allowed");
        assertThat(dir.resolve("bad")).doesNotExist();
    }

    @Test
    void mergeRefusesShardsOfDifferentSweepsAMissingShardAndACutShort() throws Exception {
        String[] args = {"--set", "services.web.instances=1,2", "--replications", "2"};
        assertThat(sweep("a0", concat(args, "--shard", "0/2")).exit()).isZero();
        assertThat(sweep("a1", concat(args, "--shard", "1/2")).exit()).isZero();
        assertThat(sweep("b1", concat(args, "--shard", "1/2", "--seed", "8")).exit()).isZero();
        assertThat(sweep("c1", "--set", "services.web.instances=1,3", "--replications", "2", "--shard", "1/2").exit())
                .isZero();

        assertBad(merge("a0", "b1"), "come from different sweeps: master seed 7 vs 8");
        assertBad(merge("a0", "c1"), "come from different sweeps: --set duration=10m --set services.web.instances=1,2 "
                + "vs duration=10m --set services.web.instances=1,3");
        assertBad(merge("a0"), "a shard is missing: runs-shard-1-of-2.csv (the sweep has 2 shards)");
        assertBad(merge("a0", "a1", "a1"), "shard 1/2 is given twice");
        assertBad(merge("a0", "nowhere"), "nowhere: no such file or folder");

        // a shard cut short (its last run lost)
        Path cut = dir.resolve("cut");
        Files.createDirectories(cut);
        List<String> lines = Files.readAllLines(dir.resolve("a1/runs-shard-1-of-2.csv"));
        String lastRun = lines.get(lines.size() - 1).split(",")[0] + "," + lines.get(lines.size() - 1).split(",")[1];
        Files.write(cut.resolve("runs-shard-1-of-2.csv"), lines.stream().filter(l -> !l.startsWith(lastRun + ",")).toList());
        Files.copy(dir.resolve("a1/sweep-shard-1-of-2.json"), cut.resolve("sweep-shard-1-of-2.json"));
        assertBad(merge("a0", "cut"), "holds 1 runs, but shard 1/2 has 2; missing: run 3 (combination 1, replication 1)");

        // a shard whose manifest is missing (did not finish)
        Path unfinished = dir.resolve("unfinished");
        Files.createDirectories(unfinished);
        Files.copy(dir.resolve("a1/runs-shard-1-of-2.csv"), unfinished.resolve("runs-shard-1-of-2.csv"));
        assertBad(merge("a0", "unfinished"), "its manifest sweep-shard-1-of-2.json is missing");

        // a changed scenario file between shards
        Files.writeString(scenario, ScenarioLoaderTest.VALID_TEXT + "# edited\n");
        assertThat(sweep("d1", concat(args, "--shard", "1/2")).exit()).isZero();
        assertBad(merge("a0", "d1"), "the scenario file tiny.yaml differs in content");

        assertThat(dir.resolve("merged")).doesNotExist();
    }

    @Test
    void bothCommandsHaveHelp() {
        StratusCliTest.Result sweep = StratusCliTest.execute("sweep", "--help");
        assertThat(sweep.exit()).isZero();
        assertThat(sweep.out()).contains("common", "random numbers", "--replications", "--shard", "--threads",
                "95% confidence half-width", "40%,60%,80%");
        StratusCliTest.Result merge = StratusCliTest.execute("merge", "--help");
        assertThat(merge.exit()).isZero();
        assertThat(merge.out()).contains("byte for byte", "--out");
        assertThat(StratusCliTest.execute("merge").exit()).isEqualTo(ExitCodes.BAD_INPUT);
    }

    private StratusCliTest.Result merge(String... shardDirs) {
        List<String> args = new ArrayList<>(List.of("merge"));
        Arrays.stream(shardDirs).map(d -> dir.resolve(d).toString()).forEach(args::add);
        args.addAll(List.of("--out", dir.resolve("merged").toString()));
        return StratusCliTest.execute(args.toArray(String[]::new));
    }

    private static void assertBad(StratusCliTest.Result r, String message) {
        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains(message).doesNotContain("Exception");
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
