package io.stratus.cli;

import io.stratus.compute.InstanceCatalog;
import io.stratus.report.AtomicFiles;
import io.stratus.report.OutputFolder;
import io.stratus.scenario.Problem;
import io.stratus.scenario.Scenario;
import io.stratus.scenario.ScenarioException;
import io.stratus.scenario.ScenarioLoader;
import io.stratus.run.ScenarioRunner;
import io.stratus.sweep.HeadlineMetrics;
import io.stratus.sweep.RunRecord;
import io.stratus.sweep.RunsCsv;
import io.stratus.sweep.ArrayJobIndex;
import io.stratus.sweep.Shard;
import io.stratus.sweep.ShardDigest;
import io.stratus.sweep.SweepException;
import io.stratus.sweep.SweepHtml;
import io.stratus.sweep.SweepManifest;
import io.stratus.sweep.SweepPlan;
import io.stratus.sweep.SweepReport;
import io.stratus.sweep.SweepSet;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code stratus sweep FILE --set key=v1,v2 --replications N}: runs every combination of the
 * listed values, each N times, spread over a pool of threads (each run single-threaded), and
 * writes the runs and their statistics. The plan, the seeds and the files are described in
 * {@link SweepPlan}, {@link RunsCsv}, {@link SweepReport} and {@link SweepManifest}.
 *
 * <p>Results are collected in run order whatever finishes first, so the files are byte-identical
 * for any {@code --threads}. Every combination is loaded and validated before anything runs.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        header = "Run every combination of values, with replications.",
        description = {"Run a scenario for every combination of the values listed with --set (their",
            "Cartesian product), each --replications times, over the cores, one run per",
            "thread. Replication r of every combination runs with the same seed (common",
            "random numbers): replication 0 with the master seed, r > 0 with one derived from",
            "it and r. Writes runs.csv (every run's headline numbers: combination, values,",
            "replication, seed, workload, metric, value), sweep.csv and sweep.md (per",
            "combination and metric: mean, standard deviation, 95%% confidence half-width",
            "from Student's t, n) and sweep.json (what was swept), byte-identical for any",
            "--threads. At most 10,000 runs.",
            "With --shard I/N only the runs whose index modulo N is I run, and only",
            "runs-shard-I-of-N.csv and sweep-shard-I-of-N.json are written: one task of a",
            "Kubernetes Indexed Job, an AWS Batch or Slurm array; 'stratus merge' combines",
            "the N shards into what the unsharded sweep writes.",
            "Example:",
            "  stratus sweep scenarios/cafe.yaml --set duration=1d --replications 5 \\",
            "    --set services.web.auto-scaling.target-tracking.target=40%%,60%%,80%%"})
final class SweepCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The scenario file (YAML).")
    Path file;

    @Option(names = "--set", paramLabel = "KEY=V1[,V2...]",
            description = "A scenario field by its dotted path and its values, separated by commas "
                    + "(not those inside [..], {..} or quotes), e.g. --set services.web.instances=2,4,8. "
                    + "Repeatable: every combination runs. A single value is a plain override for every run, "
                    + "e.g. --set duration=1d.")
    List<String> sets = new ArrayList<>();

    @Option(names = "--replications", paramLabel = "N", defaultValue = "1",
            description = "Runs per combination, each with its own seed (default: ${DEFAULT-VALUE}).")
    int replications;

    @Option(names = "--shard", paramLabel = "I/N|auto[/N]",
            description = "Run only the runs whose index modulo N is I (0 <= I < N) and write runs-shard-I-of-N.csv. "
                    + "auto reads I (and N where the engine gives it) from a Kubernetes Indexed Job "
                    + "(JOB_COMPLETION_INDEX), a Slurm array (SLURM_ARRAY_TASK_ID, _MIN, _COUNT) or an AWS Batch "
                    + "array job (AWS_BATCH_JOB_ARRAY_INDEX, AWS_BATCH_JOB_ARRAY_SIZE); auto/N gives N. "
                    + "Examples in deploy/.")
    String shard;

    /** Where {@code --shard auto} reads the array-job index: the process environment (tests give their own). */
    Map<String, String> environment = System.getenv();

    @Option(names = "--threads", paramLabel = "N", description = "Runs at once (default: the number of cores).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--seed", paramLabel = "N", description = "Master seed; overrides the file's seed.")
    Long seed;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Output folder (default: results/runs/<scenario file name>-sweep).")
    Path out;

    @Option(names = "--allow-path", paramLabel = "DIR",
            description = "Let trace paths lead into DIR too (repeatable), as for stratus run.")
    List<Path> allowPaths = new ArrayList<>();

    @Option(names = {"-q", "--quiet"}, description = "Print nothing but errors.")
    boolean quiet;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        if (threads < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--threads must be at least 1");
        }
        List<SweepSet> parsed = new ArrayList<>();
        Optional<Shard> slice;
        try {
            for (String s : sets) {
                parsed.add(SweepSet.parse(s));
            }
            SweepPlan.checkSize(parsed, replications);
            slice = shard == null ? Optional.empty() : Optional.of(ArrayJobIndex.isAuto(shard)
                    ? ArrayJobIndex.resolve(shard, environment) : Shard.parse(shard));
        } catch (SweepException e) {
            err.println("stratus: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        Path folder = out != null ? out : Path.of("results", "runs", RunCommand.baseName(file) + "-sweep");
        try {
            OutputFolder.check(folder);
        } catch (OutputFolder.OutputFolderException e) {
            return OutputOptions.refuse(e, err);
        }
        // every combination is loaded and checked before anything runs; each problem is reported once
        SweepPlan draft = new SweepPlan(file.getFileName().toString(), "", "", 0, parsed, replications);
        ScenarioLoader loader = new ScenarioLoader(InstanceCatalog.bundled(), allowPaths);
        List<Scenario> scenarios = new ArrayList<>();
        Set<String> problems = new LinkedHashSet<>();
        for (int c = 0; c < draft.combinations(); c++) {
            try {
                scenarios.add(loader.load(file, draft.overrides(c)));
            } catch (ScenarioException e) {
                e.problems().stream().map(Problem::toString).forEach(problems::add);
                if (e.problems().stream().allMatch(p -> !p.file().startsWith("--set "))) {
                    break; // the file itself is wrong: the same for every combination
                }
            }
        }
        if (!problems.isEmpty()) {
            problems.forEach(err::println);
            return ExitCodes.BAD_INPUT;
        }
        long master = seed != null ? seed : scenarios.get(0).seed();
        SweepPlan plan = new SweepPlan(draft.scenarioFile(), sha256(Files.readAllBytes(file)), scenarios.get(0).name(),
                master, parsed, replications);

        List<Integer> mine = new ArrayList<>();
        for (int i = 0; i < plan.runs(); i++) {
            if (slice.isEmpty() || slice.get().owns(i)) {
                mine.add(i);
            }
        }
        int poolSize = Math.max(1, Math.min(threads, mine.size()));
        long start = System.nanoTime();
        List<RunRecord> runs = new ArrayList<>();
        RunsProgress progress = new RunsProgress(!quiet && System.console() != null, "sweep", mine.size());
        ExecutorService pool = Executors.newFixedThreadPool(poolSize);
        try {
            List<Future<RunRecord>> futures = new ArrayList<>();
            for (int index : mine) {
                int c = index / plan.replications();
                int r = index % plan.replications();
                long runSeed = plan.seed(r);
                Scenario scenario = scenarios.get(c).withSeed(runSeed);
                futures.add(pool.submit(() -> {
                    ScenarioRunner.Outcome o = new ScenarioRunner().run(scenario, null);
                    progress.done();
                    return new RunRecord(c, r, runSeed, HeadlineMetrics.of(o.result()));
                }));
            }
            for (Future<RunRecord> f : futures) {
                runs.add(f.get()); // in run order, whatever finished first
            }
        } catch (ExecutionException e) {
            progress.close();
            return ExitCodes.ofFailedRun(e.getCause(), err);
        } finally {
            pool.shutdownNow();
        }
        progress.close();
        double wall = (System.nanoTime() - start) / 1e9;

        String written;
        if (slice.isPresent()) {
            String suffix = slice.get().suffix();
            byte[] csv = RunsCsv.render(plan, runs);
            OutputFolder staged = OutputFolder.stage(folder, OutputFolder.shard(suffix));
            try {
                AtomicFiles.write(staged.dir().resolve("runs-" + suffix + ".csv"), csv);
                AtomicFiles.write(staged.dir().resolve("sweep-" + suffix + ".json"),
                        SweepManifest.render(plan, slice, ShardDigest.of(plan, runs)));
                staged.commit();
            } finally {
                staged.abandon();
            }
            written = "runs-" + suffix + ".csv, sweep-" + suffix + ".json";
        } else {
            writeAll(folder, plan, runs);
            written = "runs.csv, sweep.csv, sweep.md, sweep.html, sweep.json";
        }
        if (!quiet) {
            PrintWriter stdout = spec.commandLine().getOut();
            stdout.printf("%s: %d %s x %d %s = %d runs%s, %d ran on %d %s in %.1f s%nWrote %s (%s)%n",
                    plan.scenarioName(), plan.combinations(), plan.combinations() == 1 ? "combination" : "combinations",
                    plan.replications(), plan.replications() == 1 ? "replication" : "replications", plan.runs(),
                    slice.map(s -> " (shard " + s.index() + "/" + s.count() + ")").orElse(""), mine.size(), poolSize,
                    poolSize == 1 ? "thread" : "threads", wall, folder, written);
            stdout.flush();
        }
        return ExitCodes.DONE;
    }

    /** The files of a whole sweep, from its runs in run order: what a sweep and a merge write. */
    static void writeAll(Path folder, SweepPlan plan, List<RunRecord> runs) throws IOException {
        List<SweepReport.Row> rows = SweepReport.rows(plan, runs);
        OutputFolder staged = OutputFolder.stage(folder, OutputFolder.SWEEP);
        try {
            Path dir = staged.dir();
            AtomicFiles.write(dir.resolve("runs.csv"), RunsCsv.render(plan, runs));
            AtomicFiles.write(dir.resolve("sweep.csv"), SweepReport.renderCsv(plan, rows));
            AtomicFiles.write(dir.resolve("sweep.md"), SweepReport.renderMarkdown(plan, rows));
            AtomicFiles.write(dir.resolve("sweep.html"), SweepHtml.render(plan, rows));
            AtomicFiles.write(dir.resolve("sweep.json"), SweepManifest.render(plan, Optional.empty(), null));
            staged.commit();
        } finally {
            staged.abandon();
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java", e);
        }
    }
}
