package io.stratus.cli;

import io.stratus.report.AtomicFiles;
import io.stratus.report.SummaryJson;
import io.stratus.report.SummaryTable;
import io.stratus.scenario.Problem;
import io.stratus.scenario.Scenario;
import io.stratus.scenario.ScenarioException;
import io.stratus.scenario.ScenarioRunner;
import io.stratus.sim.Time;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code stratus run FILE}: runs a scenario, prints the summary, writes the output files. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run a scenario: print a summary table and write summary.json and timing.json.")
final class RunCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    ScenarioOptions scenarioOptions;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Output folder (default: results/runs/<scenario file name>).")
    Path out;

    @Option(names = {"-q", "--quiet"}, description = "Print nothing but errors.")
    boolean quiet;

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        Scenario scenario;
        try {
            scenario = scenarioOptions.load();
        } catch (ScenarioException e) {
            for (Problem p : e.problems()) {
                stderr.println(p);
            }
            return ExitCodes.BAD_INPUT;
        }
        Path folder = out != null ? out : Path.of("results", "runs", baseName(scenarioOptions.file));
        Progress progress = new Progress(stderr, !quiet && System.console() != null);
        ScenarioRunner.Outcome outcome = new ScenarioRunner().run(scenario, progress);
        progress.finish();
        AtomicFiles.write(folder.resolve("summary.json"), SummaryJson.summary(outcome.result()));
        AtomicFiles.write(folder.resolve("timing.json"), SummaryJson.timing(outcome.timing()));
        if (!quiet) {
            stdout.print(SummaryTable.render(outcome.result()));
            stdout.printf("%nWrote %s and timing.json (%.1f s wall, %,d events, %.1f M events/s)%n",
                    folder.resolve("summary.json"), outcome.timing().wallNanos() / 1e9, outcome.timing().events(),
                    outcome.timing().eventsPerSecond() / 1e6);
            stdout.flush();
        }
        return ExitCodes.DONE;
    }

    static String baseName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /** A one-line progress report on the terminal, only for runs longer than a second. */
    private static final class Progress implements ScenarioRunner.ProgressListener {
        private final PrintWriter err;
        private final boolean enabled;
        private final long started = System.nanoTime();
        private boolean shown;

        Progress(PrintWriter err, boolean enabled) {
            this.err = err;
            this.enabled = enabled;
        }

        @Override
        public void progress(long simulated, long total, long events) {
            long wall = System.nanoTime() - started;
            if (!enabled || wall < 1_000_000_000L) {
                return;
            }
            shown = true;
            int percent = (int) (100 * simulated / total);
            int bar = percent / 4;
            err.printf("\r[%-25s] %3d%%  %s of %s simulated  %.1f M events/s ", "#".repeat(bar), percent,
                    Time.format(simulated), Time.format(total), events / (wall / 1e9) / 1e6);
            err.flush();
        }

        void finish() {
            if (shown) {
                err.print("\r" + " ".repeat(100) + "\r");
                err.flush();
            }
        }
    }
}
