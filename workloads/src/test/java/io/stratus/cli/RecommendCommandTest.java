package io.stratus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecommendCommandTest {

    @Test
    void recommendsACommitmentOfEachKindDeterministically(@TempDir Path dir) throws Exception {
        Path scenario = dir.resolve("s.yaml");
        Files.writeString(scenario, CompareRepricingTest.SCENARIO);
        StratusCliTest.Result r = StratusCliTest.execute("recommend", scenario.toString(), "--replications", "2",
                "--out", dir.resolve("a").toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("compute savings plan 1y").contains("reserved 3y-standard-no-upfront")
                .contains("Least expected cost over 2 replications");
        JsonNode json = new ObjectMapper().readTree(dir.resolve("a/recommend.json").toFile());
        JsonNode options = json.get("options");
        assertThat(options).hasSize(5);
        double onDemand = options.get(0).get("totalUsd").get("mean").asDouble();
        for (JsonNode o : options) {
            // each is the least expected cost of its kind, and no commitment at all is one of the candidates
            assertThat(o.get("totalUsd").get("mean").asDouble()).as(o.get("option").asText()).isLessThanOrEqualTo(onDemand);
            double saved = o.get("savingsUsd").get("mean").asDouble();
            assertThat(saved).isCloseTo(onDemand - o.get("totalUsd").get("mean").asDouble(),
                    org.assertj.core.api.Assertions.within(1e-3));
        }
        assertThat(options.get(1).get("commitment").asText()).startsWith("compute-1y $");
        assertThat(options.get(1).get("coverage").asDouble()).isBetween(0.0, 1.0);
        assertThat(options.get(1).get("utilisation").asDouble()).isBetween(0.0, 1.0);
        assertThat(dir.resolve("a/recommend.md")).exists();
        StratusCliTest.execute("recommend", scenario.toString(), "--replications", "2", "--threads", "1", "--quiet",
                "--out", dir.resolve("b").toString());
        assertThat(Files.readString(dir.resolve("b/recommend.json"))).isEqualTo(Files.readString(dir.resolve("a/recommend.json")));
    }

    @Test
    void aScenarioOfGpuClustersAloneHasNothingToCommitTo(@TempDir Path dir) throws Exception {
        StratusCliTest.Result r = StratusCliTest.execute("recommend", "scenarios/gpu-fragmentation.yaml", "--quiet",
                "--out", dir.toString());
        assertThat(r.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(dir).isEmptyDirectory();
    }
}
