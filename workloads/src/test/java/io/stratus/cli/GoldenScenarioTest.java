package io.stratus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden tests: every bundled scenario in {@code workloads/scenarios/} runs for thirty simulated
 * minutes, and its {@code summary.json} must equal the committed golden file byte for byte.
 *
 * <p>Every bundled scenario's traces are in the repository, so none is skipped: a fresh clone runs
 * them all.
 *
 * <p>After a deliberate change of results, regenerate the golden files with
 * {@code mvn -B verify -Dstratus.updateGolden=true} and review the diff before committing.
 */
class GoldenScenarioTest {

    private static final Path SCENARIOS = Path.of("scenarios");
    private static final Path GOLDEN = Path.of("src", "test", "resources", "golden");
    private static final String DURATION = "30m";
    /**
     * Settings a scenario needs besides the short duration: its faults moved into the thirty
     * minutes (a fault window must end within the run), so the golden file covers them too.
     */
    private static final java.util.Map<String, List<String>> ALSO = java.util.Map.of("zone-outage.yaml",
            List.of("--set", "faults.zone-outages=[{zone: us-east-1a, start: 10m, duration: 10m}]"));

    static Stream<Path> scenarios() throws IOException {
        try (Stream<Path> files = Files.list(SCENARIOS)) {
            return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    /**
     * Little's law, L = lambda W, on each service's totals: L is the exact time-average of the
     * requests in the system, lambda the throughput and W the mean latency of completed requests;
     * they differ only by the requests still in the system at the end, so they must agree within 2%.
     */
    private static void littlesLawHolds(JsonNode summary) {
        for (JsonNode queue : summary.get("queues")) {
            // no message lost: each is deleted, dead-lettered, expired or still waiting
            assertThat(queue.get("messagesDeleted").asLong() + queue.get("messagesDeadLettered").asLong()
                    + queue.get("messagesExpired").asLong() + queue.get("messagesWaitingAtEnd").asLong())
                    .as("messages of %s", queue.get("name").asText()).isEqualTo(queue.get("messagesSent").asLong());
        }
        for (JsonNode gpu : summary.path("gpuClusters")) {
            // no pod lost: each is placed, still pending or was deleted while pending
            JsonNode pods = gpu.get("pods");
            assertThat(pods.get("placed").asLong() + pods.get("pendingAtEnd").asLong()
                    + pods.get("neverPlaced").asLong())
                    .as("pods of %s under %s", gpu.get("name").asText(), gpu.get("policy").asText())
                    .isEqualTo(pods.get("arrived").asLong());
        }
        for (JsonNode service : summary.get("services")) {
            double lambda = service.get("throughputPerSecond").asDouble();
            double w = service.get("latencyMs").get("mean").asDouble() / 1000;
            double l = service.get("meanRequestsInSystem").asDouble();
            assertThat(l).as("L of %s against lambda W = %s x %s", service.get("name").asText(), lambda, w)
                    .isCloseTo(lambda * w, Percentage.withPercentage(2));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void summaryMatchesGolden(Path scenario, @TempDir Path out) throws IOException {
        List<String> args = new java.util.ArrayList<>(List.of("run", scenario.toString(), "--quiet", "--no-charts",
                "--set", "duration=" + DURATION, "--out", out.toString()));
        args.addAll(ALSO.getOrDefault(scenario.getFileName().toString(), List.of()));
        StratusCliTest.Result r = StratusCliTest.execute(args.toArray(String[]::new));
        assertThat(r.exit()).as(r.err()).isZero();
        byte[] actual = Files.readAllBytes(out.resolve("summary.json"));
        littlesLawHolds(new ObjectMapper().readTree(actual));
        String name = RunCommand.baseName(scenario) + ".summary.json";
        Path golden = GOLDEN.resolve(name);
        if (Boolean.getBoolean("stratus.updateGolden")) {
            Files.createDirectories(GOLDEN);
            Files.write(golden, actual);
        }
        assertThat(golden).as("golden file %s (regenerate with -Dstratus.updateGolden=true)", golden).exists();
        assertThat(new String(actual, StandardCharsets.UTF_8))
                .isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    }
}
