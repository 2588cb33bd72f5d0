package io.stratus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratus.report.OutputFolder;
import io.stratus.scenario.ScenarioLoaderTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The output folder of run, compare, recommend, sweep and merge: checked before anything runs (exit 2 with
 * the reason), replaced as a whole, with no stale file of an earlier run left, and the other
 * commands' files kept.
 */
class OutputFolderCliTest {

    private static final Pattern STACK_TRACE = Pattern.compile("\\tat |Exception");

    @TempDir
    Path dir;

    private Path scenario;

    @BeforeEach
    void writeScenario() throws Exception {
        scenario = dir.resolve("tiny.yaml");
        Files.writeString(scenario, ScenarioLoaderTest.VALID_TEXT);
    }

    private void assertRefusedBeforeRunning(StratusCliTest.Result r, String expected) {
        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains(expected).doesNotContain("simulation failed").doesNotContainPattern(STACK_TRACE);
        assertThat(r.out()).isEmpty();
    }

    private StratusCliTest.Result execute(String command, String out) {
        return switch (command) {
            case "run" -> StratusCliTest.execute("run", scenario.toString(), "--out", out);
            case "compare" -> StratusCliTest.execute("compare", scenario.toString(), "--out", out);
            case "recommend" -> StratusCliTest.execute("recommend", scenario.toString(), "--out", out);
            case "sweep" -> StratusCliTest.execute("sweep", scenario.toString(), "--out", out, "--set", "duration=10m");
            default -> StratusCliTest.execute("merge", dir.toString(), "--out", out);
        };
    }

    @Test
    void unwritableOutputsAreRefusedBeforeAnyCommandRuns() throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "keep me");
        Path dangling = Files.createSymbolicLink(dir.resolve("dangling"), dir.resolve("nowhere/at/all"));
        Path foreign = Files.createDirectories(dir.resolve("home"));
        Files.writeString(foreign.resolve("pom.xml"), "<project/>");
        for (String command : List.of("run", "compare", "recommend", "sweep", "merge")) {
            assertRefusedBeforeRunning(execute(command, file.toString()), file + ": exists and is not a folder");
            assertRefusedBeforeRunning(execute(command, "/proc/stratus-out"), "/proc/stratus-out: cannot write in /proc");
            assertRefusedBeforeRunning(execute(command, dangling.toString()), "a link to nothing");
            assertRefusedBeforeRunning(execute(command, ""), "--out is empty");
            assertRefusedBeforeRunning(execute(command, foreign.toString()), "holds pom.xml, which Stratus did not write");
        }
        assertThat(Files.readString(file)).isEqualTo("keep me");
        assertThat(foreign.resolve("pom.xml")).exists();
        assertThat(Files.isSymbolicLink(dangling)).isTrue();
    }

    @Test
    void aRerunLeavesNoStaleFileAndKeepsTheOtherCommandsFiles() throws Exception {
        Path out = dir.resolve("out");
        assertThat(execute("run", out.toString()).exit()).isZero();
        assertThat(execute("compare", out.toString()).exit()).isZero();
        List<String> charts = names(out).stream().filter(n -> n.endsWith(".png") && !n.startsWith("compare")).toList();
        assertThat(charts).isNotEmpty();
        StratusCliTest.Result again = StratusCliTest.execute("run", scenario.toString(), "--out", out.toString(),
                "--no-charts", "--seed", "9");
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(names(out)).doesNotContainAnyElementsOf(charts)
                .contains("summary.md", "summary.json", "metrics.csv", "timing.json",
                        "compare.md", "compare.json", "compare.csv", "compare.png");
        assertThat(Files.readString(out.resolve("summary.json"))).contains("\"seed\" : 9");
        assertThat(names(dir)).noneMatch(n -> n.contains("staging") || n.contains(".old-"));
    }

    @Test
    void filesStagedButNotCommittedNeverMixWithTheEarlierRun() throws Exception {
        Path out = dir.resolve("out");
        assertThat(execute("run", out.toString()).exit()).isZero();
        byte[] before = Files.readAllBytes(out.resolve("summary.json"));
        List<String> earlier = names(out);
        // a command killed after writing some new files, before its commit
        OutputFolder staged = OutputFolder.stage(out, OutputFolder.RUN);
        Files.writeString(staged.dir().resolve("summary.json"), "{ \"half\" : true }");
        Files.writeString(staged.dir().resolve("latency.png"), "new chart");
        assertThat(names(out)).isEqualTo(earlier);
        assertThat(Files.readAllBytes(out.resolve("summary.json"))).isEqualTo(before);
        // the staging folder is beside the target, hidden, and the target still accepts the next run
        assertThat(staged.dir().getParent()).isEqualTo(out.toAbsolutePath().getParent());
        assertThat(staged.dir().getFileName().toString()).startsWith(".out.staging-");
        Path killed = Files.createDirectories(dir.resolve(".out.staging-" + Integer.MAX_VALUE + "-1"));
        Files.writeString(killed.resolve("summary.json"), "{ \"half\" : true }");
        assertThat(execute("run", out.toString()).exit()).isZero();
        assertThat(Files.readAllBytes(out.resolve("summary.json"))).isEqualTo(before);
        assertThat(killed).as("a killed process's staging folder").doesNotExist();
        assertThat(staged.dir()).as("a live process's staging folder").exists();
        staged.abandon();
        assertThat(staged.dir()).doesNotExist();
    }

    @Test
    void sameOverrideTwiceIsRefused() {
        String twice = "--set services.web.instances=3: services.web.instances: the key is set twice "
                + "(--set services.web.instances=1 and --set services.web.instances=3); give each key once";
        for (String command : List.of("run", "compare")) {
            assertRefusedBeforeRunning(StratusCliTest.execute(command, scenario.toString(), "--out",
                    dir.resolve("x").toString(), "--set", "services.web.instances=1", "--set",
                    "services.web.instances=3"), twice);
        }
        assertRefusedBeforeRunning(StratusCliTest.execute("validate", scenario.toString(), "--set",
                "services.web.instances=1", "--set", "services.web.instances=3"), twice);
        assertThat(dir.resolve("x")).doesNotExist();
    }

    private static List<String> names(Path folder) throws Exception {
        try (Stream<Path> list = Files.list(folder)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
