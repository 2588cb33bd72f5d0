package io.stratus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratus.scenario.ScenarioLoaderTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code stratus merge} refuses a tampered shard, naming the shard's file and the row, before
 * anything is written: a deleted, duplicated or changed row, a renamed metric, a damaged manifest
 * hash, and NaN or Infinity values.
 */
class MergeIntegrityTest {

    private static final String RUNS = "runs-shard-1-of-2.csv";
    private static final String MANIFEST = "sweep-shard-1-of-2.json";

    @TempDir
    Path dir;

    private List<String> rows;

    @BeforeEach
    void sweepTwoShards() throws Exception {
        Path scenario = dir.resolve("tiny.yaml");
        Files.writeString(scenario, ScenarioLoaderTest.VALID_TEXT);
        for (String shard : List.of("0", "1")) {
            StratusCliTest.Result r = StratusCliTest.execute("sweep", scenario.toString(), "--quiet", "--out",
                    dir.resolve("s" + shard).toString(), "--set", "duration=10m", "--set", "services.web.instances=1,2",
                    "--replications", "2", "--shard", shard + "/2");
            assertThat(r.exit()).as(r.err()).isZero();
        }
        rows = Files.readAllLines(dir.resolve("s1").resolve(RUNS));
        assertThat(rows.size()).isGreaterThan(6);
    }

    /** Merges shard 0 with a copy of shard 1 whose runs file (or manifest) {@code edit} changed. */
    private StratusCliTest.Result mergeTampered(UnaryOperator<List<String>> editRows, UnaryOperator<String> editManifest)
            throws Exception {
        Path t = Files.createDirectories(dir.resolve("t" + System.nanoTime()));
        Files.write(t.resolve(RUNS), editRows.apply(new ArrayList<>(rows)));
        Files.writeString(t.resolve(MANIFEST), editManifest.apply(Files.readString(dir.resolve("s1").resolve(MANIFEST))));
        return StratusCliTest.execute("merge", dir.resolve("s0").toString(), t.toString(), "--out",
                dir.resolve("merged").toString());
    }

    private void assertRefused(StratusCliTest.Result r, String... expected) {
        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains(RUNS.equals(expected[0]) ? RUNS : expected[0]).contains(expected)
                .doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(dir.resolve("merged")).doesNotExist();
    }

    @Test
    void untouchedShardsMerge() throws Exception {
        StratusCliTest.Result r = mergeTampered(l -> l, m -> m);
        assertThat(r.exit()).as(r.err()).isZero();
    }

    @Test
    void aDeletedRowIsRefusedWithItsRow() throws Exception {
        String row4 = rows.get(3);
        assertRefused(mergeTampered(l -> { l.remove(3); return l; }, m -> m), RUNS + ":4: ",
                "the row of " + field(row4, 3) + "/" + field(row4, 4) + " is missing");
    }

    @Test
    void aDuplicatedRowIsRefusedWithItsRow() throws Exception {
        assertRefused(mergeTampered(l -> { l.add(3, l.get(2)); return l; }, m -> m), RUNS + ":4: ",
                "is not the shard's (duplicated or added)");
    }

    @Test
    void aChangedValueIsRefusedWithTheRunsRows() throws Exception {
        int last = rows.size() - 1;
        String row = rows.get(last);
        String changed = row.substring(0, row.lastIndexOf(',') + 1) + "12345";
        assertRefused(mergeTampered(l -> { l.set(last, changed); return l; }, m -> m), RUNS + ":",
                "a value differs from what the shard wrote");
    }

    @Test
    void aRenamedMetricIsRefusedWithItsRow() throws Exception {
        String row = rows.get(2);
        String renamed = row.replace("," + field(row, 4) + ",", ",renamed_metric,");
        assertRefused(mergeTampered(l -> { l.set(2, renamed); return l; }, m -> m), RUNS + ":3: ",
                "the row is " + field(row, 3) + "/renamed_metric where the shard wrote");
    }

    @Test
    void nonFiniteValuesAreRefusedWithTheirRow() throws Exception {
        for (String bad : List.of("NaN", "Infinity", "-Infinity", "1e400")) {
            String row = rows.get(1);
            String changed = row.substring(0, row.lastIndexOf(',') + 1) + bad;
            assertRefused(mergeTampered(l -> { l.set(1, changed); return l; }, m -> m), RUNS + ":2: ",
                    "value '" + bad + "' is not a finite decimal number");
        }
    }

    @Test
    void aShortOrGarbledManifestHashIsRefused() throws Exception {
        assertRefused(mergeTampered(l -> l, m -> m.replaceFirst("(\"scenarioSha256\" : \"[0-9a-f]{8})[0-9a-f]*\"", "$1\"")),
                MANIFEST, "is not a SHA-256");
        assertRefused(mergeTampered(l -> l, m -> m.replaceFirst("(\"sha256\" : \")[0-9a-f]{4}", "$1zzzz")),
                MANIFEST, "shard.digests entry", "is damaged");
        assertRefused(mergeTampered(l -> l, m -> m.replace("\"digests\"", "\"digestz\"")), MANIFEST,
                "the manifest has no 'digests'");
    }

    /** The {@code i}-th field of a runs.csv row of this sweep (no field of it is quoted). */
    private static String field(String row, int i) {
        return row.split(",", -1)[i + 1]; // after the combination and the one varying key
    }
}
