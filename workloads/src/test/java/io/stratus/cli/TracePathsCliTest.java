package io.stratus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratus.scenario.ScenarioLoaderTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Trace paths stay inside the scenario's folder (or its project) unless --allow-path names
 * another; a file that is not a trace never has its content quoted; a damaged .gz is named.
 */
class TracePathsCliTest {

    private static final String SECRET = "root:x:0:0:SECRET-CONTENT:/root:/bin/bash";

    @TempDir
    Path dir;

    private Path scenarioReading(Path folder, String path) throws Exception {
        Path scenario = Files.createDirectories(folder).resolve("s.yaml");
        Files.writeString(scenario, ScenarioLoaderTest.VALID_TEXT.replace("arrival: { poisson: { rate: 10/s } }",
                "arrival: { trace: { format: request-rate-csv, path: " + path + " } }"));
        return scenario;
    }

    @Test
    void pathsLeavingTheScenarioFolderAreRefusedByEveryCommand() throws Exception {
        Path secret = Files.writeString(Files.createDirectories(dir.resolve("home")).resolve("passwd"), SECRET + "\n");
        Path scenario = scenarioReading(dir.resolve("home/downloads"), "../passwd");
        for (List<String> command : List.of(List.of("validate"), List.of("run", "--out", dir.resolve("o").toString()),
                List.of("compare", "--out", dir.resolve("o").toString()),
                List.of("sweep", "--out", dir.resolve("o").toString()))) {
            String[] args = new String[command.size() + 1];
            args[0] = command.get(0);
            args[1] = scenario.toString();
            for (int i = 1; i < command.size(); i++) {
                args[i + 1] = command.get(i);
            }
            StratusCliTest.Result r = StratusCliTest.execute(args);
            assertThat(r.exit()).as(command + ": " + r.err()).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(r.err()).contains(scenario + ":12:").contains(secret + " is outside the folders")
                    .contains("--allow-path").doesNotContain("SECRET");
        }
        assertThat(dir.resolve("o")).doesNotExist();
        StratusCliTest.Result etc = StratusCliTest.execute("validate",
                scenarioReading(dir.resolve("x"), "/etc/passwd").toString());
        assertThat(etc.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(etc.err()).contains("/etc/passwd is outside the folders");
    }

    @Test
    void anAllowedFileThatIsNotATraceIsNotQuoted() throws Exception {
        Path home = Files.createDirectories(dir.resolve("home"));
        Files.writeString(home.resolve("passwd"), SECRET + "\n" + SECRET + "\n");
        Path scenario = scenarioReading(home.resolve("downloads"), "../passwd");
        StratusCliTest.Result r = StratusCliTest.execute("run", scenario.toString(), "--allow-path", home.toString(),
                "--out", dir.resolve("o").toString());
        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains(home.resolve("passwd") + ":1:").doesNotContain("SECRET").doesNotContain("root:x");
        assertThat(dir.resolve("o")).doesNotExist();
    }

    @Test
    void aDamagedGzipTraceIsNamed() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("gz"));
        Files.write(folder.resolve("t.csv.gz"), "period,count\nthis is not gzip\n".getBytes(StandardCharsets.UTF_8));
        Path scenario = scenarioReading(folder, "t.csv.gz");
        StratusCliTest.Result r = StratusCliTest.execute("run", scenario.toString(), "--out", dir.resolve("o").toString());
        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains(folder.resolve("t.csv.gz") + ": is not a complete gzip file")
                .doesNotContain("\tat ");
    }
}
