package io.stratus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stratus.scenario.ScenarioLoaderTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompareCommandTest {

    private static final String COMPARE = "compare:\n  slo: { p99: 500ms }\n  strategies:\n"
            + "    - on-demand\n    - spot\n    - reserved-1y\n    - mixed: { on-demand-base: 1, spot-share: 100% }\n";

    @Test
    void comparesStrategiesOnTheSameWorkload(@TempDir Path dir) throws Exception {
        Path scenario = dir.resolve("tiny.yaml");
        Files.writeString(scenario, ScenarioLoaderTest.VALID_TEXT + COMPARE);
        StratusCliTest.Result r = StratusCliTest.execute("compare", scenario.toString(), "--out",
                dir.resolve("a").toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("on-demand").contains("reserved-1y").contains("Cheapest strategy meeting the SLO");
        for (String f : new String[] {"compare.md", "compare.json", "compare.csv", "compare.png"}) {
            assertThat(dir.resolve("a").resolve(f)).exists();
        }
        JsonNode json = new ObjectMapper().readTree(dir.resolve("a/compare.json").toFile());
        JsonNode strategies = json.get("strategies");
        assertThat(strategies).hasSize(4);
        assertThat(strategies.get(0).get("strategy").asText()).isEqualTo("on-demand");
        // the on-demand strategy's total is the plain run's on-demand bill
        StratusCliTest.Result run = StratusCliTest.execute("run", scenario.toString(), "--quiet", "--no-charts",
                "--out", dir.resolve("run").toString());
        assertThat(run.exit()).isZero();
        JsonNode summary = new ObjectMapper().readTree(dir.resolve("run/summary.json").toFile());
        assertThat(strategies.get(0).get("totalUsd").asDouble()).isEqualTo(summary.get("costUsd").asDouble());
        // every strategy served the same customers; spot costs less than on-demand
        assertThat(strategies.get(1).get("totalUsd").asDouble()).isLessThan(strategies.get(0).get("totalUsd").asDouble());
        assertThat(strategies.get(2).get("commitments")).isNotEmpty();
        // same scenario and seed: the same comparison, byte for byte
        StratusCliTest.execute("compare", scenario.toString(), "--threads", "1", "--quiet", "--out",
                dir.resolve("b").toString());
        assertThat(Files.readString(dir.resolve("b/compare.json"))).isEqualTo(Files.readString(dir.resolve("a/compare.json")));
    }

    @Test
    void aSingleListedStrategyIsComparedAloneAndNoSectionComparesTheDefaults(@TempDir Path dir) throws Exception {
        Path one = dir.resolve("one.yaml");
        Files.writeString(one, ScenarioLoaderTest.VALID_TEXT + "compare:\n  strategies: [spot]\n");
        assertThat(StratusCliTest.execute("compare", one.toString(), "--quiet", "--out", dir.resolve("one").toString())
                .exit()).isZero();
        JsonNode listed = new ObjectMapper().readTree(dir.resolve("one/compare.json").toFile()).get("strategies");
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("strategy").asText()).isEqualTo("spot");
        Path none = dir.resolve("none.yaml");
        Files.writeString(none, ScenarioLoaderTest.VALID_TEXT);
        assertThat(StratusCliTest.execute("compare", none.toString(), "--quiet", "--out", dir.resolve("none").toString())
                .exit()).isZero();
        JsonNode defaults = new ObjectMapper().readTree(dir.resolve("none/compare.json").toFile()).get("strategies");
        assertThat(defaults).hasSize(CompareCommand.DEFAULT_STRATEGIES.size());
    }

    @Test
    void unknownStrategyIsABadInputWithSuggestion(@TempDir Path dir) throws Exception {
        Path scenario = dir.resolve("tiny.yaml");
        Files.writeString(scenario, ScenarioLoaderTest.VALID_TEXT + "compare:\n  strategies: [on-demand, reserved-2y]\n");
        StratusCliTest.Result r = StratusCliTest.execute("compare", scenario.toString());
        assertThat(r.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains(scenario + ":15:").contains("compare.strategies.1")
                .contains("unknown purchase strategy 'reserved-2y'").contains("did you mean 'reserved-1y'");
    }

    @Test
    void aScenarioOfGpuClustersAloneHasNothingToPrice(@TempDir Path dir) throws Exception {
        StratusCliTest.Result r = StratusCliTest.execute("compare", "scenarios/gpu-fragmentation.yaml", "--quiet",
                "--out", dir.toString());
        assertThat(r.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("nothing to compare");
        assertThat(dir).isEmptyDirectory();
    }
}
