package io.stratus.cli;

import io.stratus.pricing.PurchaseStrategy;
import io.stratus.report.CompareReport;
import io.stratus.report.CompareView;
import io.stratus.report.CompareRow;
import io.stratus.report.OutputFolder;
import io.stratus.scenario.Scenario;
import io.stratus.scenario.ScenarioException;
import io.stratus.report.ReplicatedCompareReport;
import io.stratus.run.CompareRuns;
import io.stratus.run.ScenarioRunner;
import io.stratus.sweep.SweepPlan;
import io.stratus.sim.Time;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code stratus compare FILE}: runs the scenario under each purchase strategy of its
 * {@code compare:} section (same seed, so the same workload), over {@code --replications} seeds,
 * in parallel over the cores, and writes the comparison. Strategies that cannot change what
 * happens are priced from the on-demand run's usage ({@link CompareRuns}).
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        header = "Price a scenario under each purchase strategy.",
        description = {"Run a scenario under each purchase strategy of its compare: section (same seed)",
            "and write compare.md, compare.html, compare.json, compare.csv, compare.png and compare.svg: total cost, cost per",
            "million requests, savings against on-demand, spot interruptions, requests lost, SLO,",
            "the cheapest strategy meeting it, and each commitment's break-even utilisation.",
            "On-demand, reserved, savings-plan and dedicated-instance strategies cannot change what",
            "happens: they are priced from one on-demand run's usage; spot and mixed strategies",
            "(and dedicated hosts) are simulated."})
final class CompareCommand implements java.util.concurrent.Callable<Integer> {

    /** Compared when the scenario has no compare: section. */
    static final List<String> DEFAULT_STRATEGIES = List.of("on-demand", "spot", "reserved-1y", "reserved-3y",
            "savings-plan-1y", "savings-plan-3y");

    /** The most replications a comparison runs. */
    static final int MAX_REPLICATIONS = 1_000;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    ScenarioOptions scenarioOptions;

    @Mixin
    OutputOptions output;

    @Option(names = "--threads", paramLabel = "N", description = "Runs at once (default: the number of cores).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--replications", paramLabel = "N", description = {
        "Seeds per strategy (default: ${DEFAULT-VALUE}): replication 0 with the scenario's seed, r > 0 with one",
        "derived from it and r, the same for every strategy. With N > 1 the report gives the mean, 5th and 95th",
        "percentiles of cost, interruptions, requests lost and p99, and the probability of meeting the SLO; the",
        "cheapest strategy meeting it must meet it in at least 95% of the replications."})
    int replications = 1;

    @Option(names = "--simulate-each", description = {"Simulate every strategy on its own run, even those priced",
        "from the on-demand run's usage (on-demand, reserved, savings plans, Dedicated Instances): slower, the same",
        "numbers; for checking."})
    boolean simulateEach;

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
        if (replications < 1 || replications > MAX_REPLICATIONS) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--replications must be from 1 to " + MAX_REPLICATIONS);
        }
        if (scenario.region() == null) {
            err.println(scenarioOptions.file + ": has only GPU clusters, whose nodes are on-demand instances "
                    + "under every strategy: there is nothing to compare. Their bill is in stratus run's summary; "
                    + "compare their placement policies with gpu-clusters.<name>.policies");
            return ExitCodes.BAD_INPUT;
        }
        if (scenario.services().stream().anyMatch(s -> s.fargate() != null)) {
            err.println(scenarioOptions.file + ": compare prices EC2 purchase options, and a Fargate service has "
                    + "none (its tasks are billed by Fargate): compare the EC2 services in a scenario without it");
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
        long[] seeds = new long[replications];
        for (int r = 0; r < replications; r++) {
            seeds[r] = SweepPlan.seed(scenario.seed(), r);
        }
        List<List<ScenarioRunner.Outcome>> runs;
        try (RunsProgress progress = new RunsProgress(!output.quiet && System.console() != null, "compare", 0)) {
            runs = CompareRuns.run(scenario, strategies, seeds, threads, !simulateEach, progress);
        } catch (ExecutionException e) {
            return ExitCodes.ofFailedRun(e.getCause(), err);
        }
        double sloMs = scenario.compare().sloP99Micros() / (double) Time.MILLISECOND;
        String text;
        if (replications == 1) {
            List<CompareRow> rows = runs.get(0).stream().map(CompareCommand::row).toList();
            CompareReport report = new CompareReport(scenario.name(), scenario.durationMicros(), sloMs, rows);
            write(folder, report.view(), report.renderCsv(), report.renderJson(), report.renderMarkdown());
            text = report.renderText();
        } else {
            List<List<CompareRow>> byStrategy = new ArrayList<>();
            for (int s = 0; s < strategies.size(); s++) {
                int strategy = s;
                byStrategy.add(runs.stream().map(r -> row(r.get(strategy))).toList());
            }
            ReplicatedCompareReport report = new ReplicatedCompareReport(scenario.name(), scenario.durationMicros(),
                    sloMs, seeds, byStrategy);
            write(folder, report.view(), report.renderCsv(), report.renderJson(), report.renderMarkdown());
            text = report.renderText();
        }
        if (!output.quiet) {
            PrintWriter stdout = spec.commandLine().getOut();
            stdout.print(text);
            stdout.printf("%nWrote %s (compare.md, compare.html, compare.json, compare.csv, compare.png, compare.svg)%n", folder);
            stdout.flush();
        }
        return ExitCodes.DONE;
    }

    private static CompareRow row(ScenarioRunner.Outcome o) {
        return new CompareRow(o.cost().orElseThrow(), o.result());
    }

    /** Writes the files as a whole ({@link OutputFolder#writeAll}). */
    private static void write(Path folder, CompareView view, byte[] csv, byte[] json, byte[] md) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("compare.png", view.png());
        files.put("compare.svg", view.svg());
        files.put("compare.html", view.html());
        files.put("compare.csv", csv);
        files.put("compare.json", json);
        files.put("compare.md", md);
        OutputFolder.writeAll(folder, OutputFolder.COMPARE, files);
    }
}
