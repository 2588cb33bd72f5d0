package io.stratus.cli;

import io.stratus.report.AtomicFiles;
import io.stratus.report.Charts;
import io.stratus.report.MetricsCsv;
import io.stratus.report.OutputFolder;
import io.stratus.report.SummaryHtml;
import io.stratus.report.SummaryJson;
import io.stratus.report.SummaryMarkdown;
import io.stratus.report.SummaryTable;
import io.stratus.scenario.Scenario;
import io.stratus.scenario.ScenarioException;
import io.stratus.run.ContrastRuns;
import io.stratus.run.ScenarioRunner;
import io.stratus.sim.Time;
import io.stratus.trace.TraceFormatException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code stratus run FILE}: runs a scenario, prints the summary, writes the output files. */
@Command(name = "run", mixinStandardHelpOptions = true,
        header = "Run a scenario; write its summary, metrics and charts.",
        description = {"Run a scenario: print a summary table and write, in the output folder,",
            "summary.md, summary.json, metrics.csv, timing.json and PNG charts",
            "(capacity, utilisation, latency, cost)."})
final class RunCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    ScenarioOptions scenarioOptions;

    @Mixin
    OutputOptions output;

    @Option(names = "--no-charts", description = "Skip the PNG charts.")
    boolean noCharts;

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        Scenario scenario;
        try {
            scenario = scenarioOptions.load();
        } catch (ScenarioException e) {
            return ScenarioOptions.report(e, spec.commandLine().getErr());
        }
        Path folder = output.folder(scenarioOptions.file);
        try {
            OutputFolder.check(folder);
        } catch (OutputFolder.OutputFolderException e) {
            return OutputOptions.refuse(e, spec.commandLine().getErr());
        }
        ScenarioRunner.Outcome outcome;
        try (TerminalProgress progress = new TerminalProgress(!output.quiet && System.console() != null)) {
            outcome = ContrastRuns.run(scenario, progress);
        } catch (IOException e) { // a malformed trace line (TraceFormatException) or an unreadable trace
            return ExitCodes.ofFailedRun(e, spec.commandLine().getErr());
        }
        OutputFolder staged = OutputFolder.stage(folder, OutputFolder.RUN);
        List<String> charts;
        try {
            Path dir = staged.dir();
            double sloMs = scenario.compare().sloP99Micros() / (double) Time.MILLISECOND;
            charts = noCharts ? List.of() : Charts.writeAll(dir, scenario.name(), outcome.metrics(), sloMs);
            AtomicFiles.write(dir.resolve("metrics.csv"), MetricsCsv.render(outcome.metrics()));
            AtomicFiles.write(dir.resolve("timing.json"), SummaryJson.timing(outcome.timing()));
            AtomicFiles.write(dir.resolve("summary.json"), SummaryJson.summary(outcome.result(), outcome.cost()));
            AtomicFiles.write(dir.resolve("summary.md"), SummaryMarkdown.render(outcome.result(), charts, outcome.cost()));
            AtomicFiles.write(dir.resolve("summary.html"), SummaryHtml.render(outcome.result(), outcome.metrics(), sloMs));
            staged.commit();
        } finally {
            staged.abandon();
        }
        if (!output.quiet) {
            stdout.print(SummaryTable.render(outcome.result(), outcome.cost()));
            stdout.printf("%nWrote %s (summary.md, summary.html, summary.json, metrics.csv, timing.json%s)%n"
                            + "%.1f s wall, %,d events, %.1f M events/s%n",
                    folder, charts.isEmpty() ? "" : ", " + charts.size() + (charts.size() == 1 ? " chart" : " charts"),
                    outcome.timing().wallNanos() / 1e9, outcome.timing().events(),
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
}
