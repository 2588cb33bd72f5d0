package io.stratus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratus.cli.StratusCliTest.Result;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Issue 19: a busy but valid scenario ends with a verdict, never with an {@link OutOfMemoryError}
 * and a stack trace. The three busy fixtures of the issue (one instance at 100,000 requests/s, a
 * trace row asking for {@code Long.MAX_VALUE} requests, a queue at 20,000 messages/s), each run
 * through the whole command line; and running out of memory, provoked in-process and in a
 * JVM with a tiny heap, ends with one line naming the scenario and the heap option.
 */
class OverloadTest {

    static final Path BUSY = Path.of("src", "test", "resources", "busy");

    @Test
    void oneInstanceAt100kRequestsPerSecondRefusesBeyondItsMaxInFlightAndSaysSo(@TempDir Path dir) throws IOException {
        Result r = StratusCliTest.execute("run", BUSY.resolve("one-instance-100k.yaml").toString(),
                "--set", "duration=1m", "--no-charts", "--out", dir.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("Overloaded: web is overloaded:")
                .contains("load-balancer.max-in-flight").contains("add instances");
        String json = Files.readString(dir.resolve("summary.json"));
        assertThat(json).contains("\"refusedOverloaded\"");
        assertThat(Files.readString(dir.resolve("summary.md"))).contains("**Overloaded:** web is overloaded");
        // at most max-in-flight (10,000 by default) ever in progress on the one instance
        assertThat(json).containsPattern("\"inFlightAtEnd\" : (\\d{1,4}|10000),");
    }

    @Test
    void maxInFlightIsTheScenariosToSet(@TempDir Path dir) throws IOException {
        Result r = StratusCliTest.execute("run", BUSY.resolve("one-instance-100k.yaml").toString(),
                "--set", "duration=10s", "--set", "services.web.load-balancer.max-in-flight=50",
                "--set", "services.web.launch.ami.boot=0s", "--no-charts", "--out", dir.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(Files.readString(dir.resolve("summary.json"))).containsPattern("\"inFlightAtEnd\" : ([0-4]?\\d|50),");
    }

    @Test
    void aTraceRowOfLongMaxValueRequestsIsRefusedWithItsFileAndLine(@TempDir Path dir) {
        Path out = dir.resolve("out");
        Result r = StratusCliTest.execute("run", BUSY.resolve("trace-huge-count.yaml").toString(),
                "--no-charts", "--out", out.toString());
        assertThat(r.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("huge-count.csv:1:1: a count of 9223372036854775807 requests in 1m")
                .contains("at most 10000000/s").doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(out).doesNotExist();
    }

    @Test
    void aQueueAt20kMessagesPerSecondRefusesBeyondMaxMessagesAndSaysSo(@TempDir Path dir) throws IOException {
        Result r = StratusCliTest.execute("run", BUSY.resolve("queue-20k.yaml").toString(),
                "--set", "duration=80s", "--set", "queues.orders.max-messages=200000", "--no-charts",
                "--out", dir.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("Overloaded: orders is overloaded:").contains("max-messages");
        assertThat(Files.readString(dir.resolve("summary.json"))).contains("\"messagesRefusedOverloaded\"")
                .containsPattern("\"messagesWaitingAtEnd\" : (1\\d{0,5}|200000),");
    }

    /** A command whose run exhausts the heap, standing in for any simulation that does. */
    @CommandLine.Command(name = "exhaust")
    static final class Exhaust implements Callable<Integer> {
        @CommandLine.Parameters(index = "0")
        String file;

        @Override
        public Integer call() {
            throw new OutOfMemoryError("Java heap space"); // a controlled allocation failure
        }
    }

    @Test
    void runningOutOfMemoryIsOneLineNamingTheScenarioAndTheHeapOption() {
        CommandLine cli = StratusCli.commandLine().addSubcommand(new Exhaust());
        java.io.StringWriter err = new java.io.StringWriter();
        cli.setErr(new java.io.PrintWriter(err));
        int exit = cli.execute("exhaust", "busy.yaml");
        assertThat(exit).isEqualTo(ExitCodes.SIMULATION_FAILED);
        assertThat(err.toString()).startsWith("stratus: out of memory running busy.yaml (the Java heap is at most ")
                .contains("STRATUS_JAVA_OPTS=-Xmx").contains("./stratus exhaust busy.yaml").doesNotContain("\tat ");
        assertThat(err.toString().lines()).hasSize(1);
    }

    @Test
    void runningOutOfMemoryInAWorkerThreadIsTheSameLine() {
        java.io.StringWriter err = new java.io.StringWriter();
        CommandLine cli = StratusCli.commandLine();
        cli.setErr(new java.io.PrintWriter(err));
        cli.addSubcommand("exhaust-worker", new Callable<Integer>() {
            @CommandLine.Parameters(index = "0")
            String file;

            @Override
            public Integer call() {
                java.io.StringWriter inner = new java.io.StringWriter();
                return ExitCodes.ofFailedRun(new java.util.concurrent.ExecutionException(
                        new OutOfMemoryError("Java heap space")).getCause(), new java.io.PrintWriter(inner));
            }
        });
        int exit = cli.execute("exhaust-worker", "sweep.yaml");
        assertThat(exit).isEqualTo(ExitCodes.SIMULATION_FAILED);
        assertThat(err.toString()).startsWith("stratus: out of memory running sweep.yaml");
    }

    @Test
    void aRealOutOfMemoryErrorInATinyHeapEndsWithOneLineAndExitOne(@TempDir Path dir) throws Exception {
        // hosts fit the scenario limits but not a 16 MiB heap: the run dies allocating them
        Path scenario = dir.resolve("big.yaml");
        Files.writeString(scenario, Files.readString(BUSY.resolve("one-instance-100k.yaml"))
                .replace("count: 1 }", "count: 1000000 }"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(List.of(java, "-Xmx16m", "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), StratusCli.class.getName(), "run", scenario.toString(),
                "--no-charts", "--quiet", "--out", dir.resolve("out").toString()))
                .redirectOutput(dir.resolve("stdout").toFile()).redirectError(dir.resolve("stderr").toFile()).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String err = Files.readString(dir.resolve("stderr"), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(err).isEqualTo(ExitCodes.SIMULATION_FAILED);
        assertThat(err).startsWith("stratus: out of memory running " + scenario).contains("-Xmx")
                .doesNotContain("\tat ");
        assertThat(err.lines()).hasSize(1);
        assertThat(new File(dir.toFile(), "out")).doesNotExist();
    }
}
