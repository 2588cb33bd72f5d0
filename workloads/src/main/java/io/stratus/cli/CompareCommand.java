package io.stratus.cli;

import io.stratus.pricing.PurchaseStrategy;
import io.stratus.report.AtomicFiles;
import io.stratus.report.CompareReport;
import io.stratus.report.CompareRow;
import io.stratus.report.OutputFolder;
import io.stratus.scenario.Scenario;
import io.stratus.scenario.ScenarioException;
import io.stratus.run.ScenarioRunner;
import io.stratus.sim.Time;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code stratus compare FILE}: runs the scenario once per purchase strategy of its
 * {@code compare:} section (same seed, so the same workload), in parallel over the cores, and
 * writes the comparison.
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Run a scenario under each purchase strategy of its compare: section (same seed)",
            "and write compare.md, compare.json, compare.csv and compare.png: total cost, cost per",
            "million requests, savings against on-demand, spot interruptions, requests lost, SLO,",
            "the cheapest strategy meeting it, and each commitment's break-even utilisation."})
final class CompareCommand implements java.util.concurrent.Callable<Integer> {

    /** Compared when the scenario has no compare: section. */
    static final List<String> DEFAULT_STRATEGIES = List.of("on-demand", "spot", "reserved-1y", "reserved-3y",
            "savings-plan-1y", "savings-plan-3y");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    ScenarioOptions scenarioOptions;

    @Mixin
    OutputOptions output;

    @Option(names = "--threads", paramLabel = "N", description = "Runs at once (default: the number of cores).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        Scenario scenario;
        try {
            scenario = scenarioOptions.load();
        } catch (ScenarioException e) {
            return ScenarioOptions.report(e, err);
        }
        if (threads < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--threads must be at least 1");
        }
        if (scenario.region() == null) {
            err.println(scenarioOptions.file + ": has only GPU clusters, whose nodes are on-demand instances "
                    + "under every strategy: there is nothing to compare. Their bill is in stratus run's summary; "
                    + "compare their placement policies with gpu-clusters.<name>.policies");
            return ExitCodes.BAD_INPUT;
        }
        Path folder = output.folder(scenarioOptions.file);
        try {
            OutputFolder.check(folder);
        } catch (OutputFolder.OutputFolderException e) {
            return OutputOptions.refuse(e, err);
        }
        List<PurchaseStrategy> strategies = scenario.compare().strategies();
        if (strategies.isEmpty()) {
            strategies = DEFAULT_STRATEGIES.stream().map(PurchaseStrategy::standard).toList();
        }
        List<CompareRow> rows = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, strategies.size()));
        try {
            List<Future<ScenarioRunner.Outcome>> runs = new ArrayList<>();
            for (PurchaseStrategy strategy : strategies) {
                runs.add(pool.submit(() -> new ScenarioRunner().run(scenario, null, strategy)));
            }
            for (Future<ScenarioRunner.Outcome> run : runs) {
                ScenarioRunner.Outcome o = run.get();
                rows.add(new CompareRow(o.cost().orElseThrow(), o.result()));
            }
        } catch (ExecutionException e) {
            return ExitCodes.ofFailedRun(e.getCause(), err);
        } finally {
            pool.shutdownNow();
        }
        CompareReport report = new CompareReport(scenario.name(), scenario.durationMicros(),
                scenario.compare().sloP99Micros() / (double) Time.MILLISECOND, rows);
        OutputFolder staged = OutputFolder.stage(folder, OutputFolder.COMPARE);
        try {
            Path dir = staged.dir();
            AtomicFiles.write(dir.resolve("compare.png"), report.renderChart());
            AtomicFiles.write(dir.resolve("compare.csv"), report.renderCsv());
            AtomicFiles.write(dir.resolve("compare.json"), report.renderJson());
            AtomicFiles.write(dir.resolve("compare.md"), report.renderMarkdown());
            staged.commit();
        } finally {
            staged.abandon();
        }
        if (!output.quiet) {
            PrintWriter stdout = spec.commandLine().getOut();
            stdout.print(report.renderText());
            stdout.printf("%nWrote %s (compare.md, compare.json, compare.csv, compare.png)%n", folder);
            stdout.flush();
        }
        return ExitCodes.DONE;
    }
}
