package io.stratus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratus.scenario.ScenarioLoaderTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Services whose requests replay a request-rate trace. */
class TraceScenarioTest {

    private static final Path WORLDCUP = Path.of("src/test/resources/traces/worldcup98/"
            + "worldcup98_requests_per_minute_head.csv").toAbsolutePath();

    private static String withTrace(String trace) {
        return ScenarioLoaderTest.VALID_TEXT.replace("arrival: { poisson: { rate: 10/s } }", "arrival: " + trace);
    }

    @Test
    void evenlySpreadReplayDeliversTheTraceCount(@TempDir Path dir) throws Exception {
        // the excerpt's 60 minutes hold this many requests; even spreading replays each exactly
        long expected = Files.readAllLines(WORLDCUP).stream().skip(1)
                .mapToLong(l -> Long.parseLong(l.substring(l.indexOf(',') + 1))).sum();
        Path scenario = dir.resolve("wc.yaml");
        Files.writeString(scenario, withTrace("{ trace: { format: request-rate-csv, path: " + WORLDCUP
                + ", spread: even } }"));
        StratusCliTest.Result r = StratusCliTest.execute("run", scenario.toString(), "--quiet", "--no-charts",
                "--set", "duration=2h", "--out", dir.resolve("o").toString(), "--allow-path", WORLDCUP.getParent().toString());
        assertThat(r.exit()).as(r.err()).isZero();
        String summary = Files.readString(dir.resolve("o/summary.json"));
        assertThat(summary).contains("\"requests\" : " + expected + ",");
    }

    @Test
    void missingTraceFileIsAValidationError(@TempDir Path dir) throws Exception {
        Path scenario = dir.resolve("wc.yaml");
        Files.writeString(scenario, withTrace("{ trace: { format: request-rate-csv, path: nowhere.csv } }"));
        StratusCliTest.Result r = StratusCliTest.execute("validate", scenario.toString());
        assertThat(r.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains(scenario + ":12:").contains("services.web.requests.arrival.trace.path")
                .contains("no trace file at " + dir.resolve("nowhere.csv"));
    }

    @Test
    void malformedTraceLineStopsTheRunWithItsPositionAndWritesNothing(@TempDir Path dir) throws Exception {
        Path trace = dir.resolve("bad.csv");
        Files.writeString(trace, "period,count\n1998-04-30 21:30:00,2\n1998-04-30 21:31:00,eleven\n");
        Path scenario = dir.resolve("wc.yaml");
        Files.writeString(scenario, withTrace("{ trace: { format: request-rate-csv, path: bad.csv } }"));
        Path out = dir.resolve("o");
        StratusCliTest.Result r = StratusCliTest.execute("run", scenario.toString(), "--out", out.toString());
        assertThat(r.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains(trace + ":3:").doesNotContain("\tat ");
        assertThat(out).doesNotExist();
    }
}
