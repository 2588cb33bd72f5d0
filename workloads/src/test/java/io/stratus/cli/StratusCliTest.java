package io.stratus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratus.scenario.ScenarioLoaderTest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class StratusCliTest {

    record Result(int exit, String out, String err) {
    }

    static Result execute(String... args) {
        CommandLine cli = StratusCli.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute(args);
        return new Result(exit, out.toString(), err.toString());
    }

    @Test
    void runWritesSummaryAndTimingAndIsDeterministic(@TempDir Path dir) throws Exception {
        Path scenario = dir.resolve("tiny.yaml");
        Files.writeString(scenario, ScenarioLoaderTest.VALID_TEXT);
        Result first = execute("run", scenario.toString(), "--out", dir.resolve("a").toString());
        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.out()).contains("web").contains("2 x m5.large").contains("On-demand cost");
        Result second = execute("run", scenario.toString(), "--out", dir.resolve("b").toString());
        assertThat(second.exit()).isZero();
        byte[] a = Files.readAllBytes(dir.resolve("a/summary.json"));
        assertThat(a).isEqualTo(Files.readAllBytes(dir.resolve("b/summary.json")));
        assertThat(new String(a, java.nio.charset.StandardCharsets.UTF_8)).contains("\"scenario\" : \"tiny\"");
        assertThat(dir.resolve("a/timing.json")).exists();
        Result otherSeed = execute("run", scenario.toString(), "--seed", "8", "--out", dir.resolve("c").toString());
        assertThat(Files.readAllBytes(dir.resolve("c/summary.json"))).isNotEqualTo(a);
    }

    @Test
    void badScenarioExitsTwoWithPositionsAndWritesNothing(@TempDir Path dir) throws Exception {
        Path scenario = dir.resolve("bad.yaml");
        Files.writeString(scenario, ScenarioLoaderTest.VALID_TEXT.replace("m5.large", "m5.huge"));
        Path out = dir.resolve("out");
        Result r = execute("run", scenario.toString(), "--out", out.toString());
        assertThat(r.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains(scenario + ":10:").contains("services.web.launch.type")
                .doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(out).doesNotExist();
    }

    @Test
    void validateReportsValidOrProblems(@TempDir Path dir) throws Exception {
        Path good = dir.resolve("good.yaml");
        Files.writeString(good, ScenarioLoaderTest.VALID_TEXT);
        Result ok = execute("validate", good.toString());
        assertThat(ok.exit()).isZero();
        assertThat(ok.out()).contains("valid");
        Result missing = execute("validate", dir.resolve("nope.yaml").toString());
        assertThat(missing.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(missing.err()).contains("no such file");
    }

    @Test
    void setOverridesAnyFieldAndIsValidatedLikeTheFile(@TempDir Path dir) throws Exception {
        Path scenario = dir.resolve("tiny.yaml");
        Files.writeString(scenario, ScenarioLoaderTest.VALID_TEXT);
        Result ok = execute("run", scenario.toString(), "--set", "services.web.instances=3", "--set", "duration=30m",
                "--out", dir.resolve("o").toString());
        assertThat(ok.exit()).as(ok.err()).isZero();
        assertThat(ok.out()).contains("3 x m5.large").contains("30m");
        Result bad = execute("validate", scenario.toString(), "--set", "services.web.instance=3");
        assertThat(bad.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(bad.err()).contains("--set services.web.instance=3").contains("did you mean 'instances'");
        Result badValue = execute("validate", scenario.toString(), "--set", "duration=forever");
        assertThat(badValue.err()).contains("--set duration=forever: duration: 'forever' is not a duration");
    }

    @Test
    void badArgumentsExitTwo() {
        assertThat(execute("run").exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(execute("frobnicate").exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(execute().exit()).isEqualTo(ExitCodes.BAD_INPUT);
    }

    @Test
    void generatesACompletionScriptAndHelpEverywhere() {
        Result r = execute("generate-completion");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("complete -F").contains("validate").contains("catalog");
        for (String command : new String[] {"run", "validate", "catalog"}) {
            Result help = execute(command, "--help");
            assertThat(help.exit()).isZero();
            assertThat(help.out()).contains("Usage: stratus " + command);
        }
    }

    @Test
    void catalogFilters() {
        Result r = execute("catalog", "--family", "m5", "--min-vcpus", "96");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("m5.24xlarge").contains("m5.metal").doesNotContain("m5.large ");
        assertThat(execute("catalog", "--family", "zz9").exit()).isEqualTo(ExitCodes.BAD_INPUT);
    }
}
