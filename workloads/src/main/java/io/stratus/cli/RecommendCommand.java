package io.stratus.cli;

import io.stratus.pricing.PurchaseStrategy;
import io.stratus.pricing.commitment.ReservedOffering;
import io.stratus.report.OutputFolder;
import io.stratus.report.RecommendReport;
import io.stratus.run.CommitmentSearch;
import io.stratus.run.ScenarioRunner;
import io.stratus.run.UsagePricer;
import io.stratus.scenario.Scenario;
import io.stratus.scenario.ScenarioException;
import io.stratus.sweep.SweepPlan;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code stratus recommend FILE}: simulates the scenario on demand over {@code --replications}
 * seeds and searches, for Compute Savings Plans and standard Reserved Instances (1 and 3 years,
 * no upfront), the commitment of least expected cost ({@link CommitmentSearch}), reported with its
 * savings, utilisation, coverage and risk band ({@link RecommendReport}).
 */
@Command(name = "recommend", mixinStandardHelpOptions = true,
        header = "Find the commitments of least expected cost.",
        description = {"Simulate a scenario on demand over several seeds and recommend the Savings Plan",
            "commitment ($/hour) and the Reserved Instances that minimise the expected cost, with their",
            "savings, utilisation, coverage and the risk band across replications (as Cost Explorer",
            "does from history, for a simulated future). Writes recommend.md and recommend.json."})
final class RecommendCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    ScenarioOptions scenarioOptions;

    @Mixin
    OutputOptions output;

    @Option(names = "--replications", paramLabel = "N",
            description = "Seeds simulated, as compare and sweep derive them (default: ${DEFAULT-VALUE}).")
    int replications = 5;

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
        if (threads < 1 || replications < 1 || replications > CompareCommand.MAX_REPLICATIONS) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--threads must be at least 1 and "
                    + "--replications from 1 to " + CompareCommand.MAX_REPLICATIONS);
        }
        if (scenario.region() == null) {
            err.println(scenarioOptions.file + ": has only GPU clusters, whose nodes are on-demand instances "
                    + "under every strategy: there is no commitment to recommend");
            return ExitCodes.BAD_INPUT;
        }
        if (scenario.services().stream().anyMatch(s -> s.fargate() != null)) {
            err.println(scenarioOptions.file + ": a Fargate service's tasks are billed by Fargate, not as "
                    + "instances a reservation or EC2 commitment could cover: recommend for a scenario without it");
            return ExitCodes.BAD_INPUT;
        }
        Path folder = output.folder(scenarioOptions.file);
        try {
            OutputFolder.check(folder);
        } catch (OutputFolder.OutputFolderException e) {
            return OutputOptions.refuse(e, err);
        }
        long[] seeds = new long[replications];
        List<UsagePricer> runs = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, replications));
        try {
            List<Future<UsagePricer>> tasks = new ArrayList<>();
            for (int r = 0; r < replications; r++) {
                seeds[r] = SweepPlan.seed(scenario.seed(), r);
                Scenario seeded = scenario.withSeed(seeds[r]);
                tasks.add(pool.submit(() -> new ScenarioRunner().runForPricing(seeded, PurchaseStrategy.onDemand())));
            }
            for (Future<UsagePricer> t : tasks) {
                runs.add(t.get());
            }
        } catch (ExecutionException e) {
            return ExitCodes.ofFailedRun(e.getCause(), err);
        } finally {
            pool.shutdownNow();
        }
        CommitmentSearch search = new CommitmentSearch(runs);
        List<CommitmentSearch.Candidate> best = new ArrayList<>();
        for (int term : new int[] {1, 3}) {
            best.add(search.bestComputePlan(term));
        }
        for (int term : new int[] {1, 3}) {
            best.add(search.bestReservations(new ReservedOffering(term, ReservedOffering.OfferingClass.STANDARD,
                    ReservedOffering.Payment.NO_UPFRONT)));
        }
        RecommendReport report = new RecommendReport(scenario.name(), scenario.durationMicros(), seeds,
                search.onDemand(), best);
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("recommend.json", report.renderJson());
        files.put("recommend.md", report.renderMarkdown());
        OutputFolder.writeAll(folder, OutputFolder.RECOMMEND, files);
        if (!output.quiet) {
            PrintWriter stdout = spec.commandLine().getOut();
            stdout.print(report.renderText());
            stdout.printf("%nWrote %s (recommend.md, recommend.json)%n", folder);
            stdout.flush();
        }
        return ExitCodes.DONE;
    }
}
