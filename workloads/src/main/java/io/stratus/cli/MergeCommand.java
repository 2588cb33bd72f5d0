package io.stratus.cli;

import io.stratus.report.OutputFolder;
import io.stratus.sweep.RunRecord;
import io.stratus.sweep.RunsCsv;
import io.stratus.sweep.Shard;
import io.stratus.sweep.SweepException;
import io.stratus.sweep.SweepManifest;
import io.stratus.sweep.SweepPlan;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code stratus merge DIR... --out DIR}: combines the shards of a sweep into the files the
 * unsharded sweep writes, byte for byte. Every shard's manifest must describe the same sweep
 * (scenario file name and content, seed, {@code --set} lists, replications, shard count), every
 * shard must be there once, and every run once, in the shard that owns it.
 */
@Command(name = "merge", mixinStandardHelpOptions = true,
        header = "Merge the shards of a sweep into one sweep's files.",
        description = {"Combine the shards of a sweep (the runs-shard-I-of-N.csv and",
            "sweep-shard-I-of-N.json that 'stratus sweep --shard I/N' writes, in the folders",
            "given) into the runs.csv, sweep.csv, sweep.md and sweep.json that the unsharded",
            "sweep writes, byte for byte. Refuses shards of different sweeps (scenario file",
            "and its content, seed, --set lists, replications, shard count), a missing or",
            "repeated shard, a missing or repeated run, and any row that differs from what",
            "the shard wrote (its manifest holds each run's metric names and the SHA-256 of",
            "its rows); then nothing is written.",
            "Example: stratus merge shard-0 shard-1 shard-2 --out results/runs/cafe-sweep"})
final class MergeCommand implements Callable<Integer> {

    private static final Pattern SHARD_FILE = Pattern.compile("runs-shard-(\\d+)-of-(\\d+)\\.csv");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "DIR",
            description = "Folders holding shards (or shard runs-shard-I-of-N.csv files themselves).")
    List<Path> inputs;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Output folder.")
    Path out;

    @Option(names = {"-q", "--quiet"}, description = "Print nothing but errors.")
    boolean quiet;

    private record ShardFiles(Path runs, Path manifest, SweepManifest.Read read) {
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        try {
            OutputFolder.check(out);
        } catch (OutputFolder.OutputFolderException e) {
            return OutputOptions.refuse(e, err);
        }
        try {
            List<RunRecord> runs = new ArrayList<>();
            SweepPlan plan = merge(runs);
            SweepCommand.writeAll(out, plan, runs);
            if (!quiet) {
                PrintWriter stdout = spec.commandLine().getOut();
                stdout.printf("%s: %d runs merged from %d shards%nWrote %s (runs.csv, sweep.csv, sweep.md, sweep.html, sweep.json)%n",
                        plan.scenarioName(), runs.size(), shardCount, out);
                stdout.flush();
            }
            return ExitCodes.DONE;
        } catch (SweepException e) {
            err.println("stratus: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
    }

    private int shardCount;

    /** Reads and checks every shard; fills {@code runs} in run order and returns the plan. */
    private SweepPlan merge(List<RunRecord> runs) throws SweepException, IOException {
        List<Path> files = new ArrayList<>();
        for (Path input : inputs) {
            if (Files.isDirectory(input)) {
                List<Path> found;
                try (Stream<Path> list = Files.list(input)) {
                    found = list.filter(p -> SHARD_FILE.matcher(p.getFileName().toString()).matches()).sorted().toList();
                }
                if (found.isEmpty()) {
                    throw new SweepException(input + ": no shard files (runs-shard-I-of-N.csv) in this folder");
                }
                files.addAll(found);
            } else if (Files.isRegularFile(input) && SHARD_FILE.matcher(input.getFileName().toString()).matches()) {
                files.add(input);
            } else if (Files.exists(input)) {
                throw new SweepException(input + ": neither a folder nor a shard file (runs-shard-I-of-N.csv)");
            } else {
                throw new SweepException(input + ": no such file or folder");
            }
        }
        TreeMap<Integer, ShardFiles> shards = new TreeMap<>();
        ShardFiles first = null;
        for (Path runsFile : files) {
            Matcher m = SHARD_FILE.matcher(runsFile.getFileName().toString());
            m.matches();
            String suffix = "shard-" + m.group(1) + "-of-" + m.group(2);
            Path manifest = runsFile.resolveSibling("sweep-" + suffix + ".json");
            if (!Files.isRegularFile(manifest)) {
                throw new SweepException(runsFile + ": its manifest " + manifest.getFileName() + " is missing (a shard "
                        + "writes it last: did this shard finish?)");
            }
            SweepManifest.Read read = SweepManifest.parse(Files.readString(manifest, StandardCharsets.UTF_8),
                    manifest.toString());
            Shard shard = read.shard().orElseThrow(() -> new SweepException(manifest + ": the manifest of a whole "
                    + "sweep, not of a shard"));
            if (!suffix.equals(shard.suffix())) {
                throw new SweepException(manifest + ": describes shard " + shard.index() + "/" + shard.count()
                        + ", but its file name says " + m.group(1) + "/" + m.group(2));
            }
            ShardFiles here = new ShardFiles(runsFile, manifest, read);
            if (first == null) {
                first = here;
            } else {
                String difference = difference(first.read(), read);
                if (difference != null) {
                    throw new SweepException(first.runs() + " and " + runsFile + " come from different sweeps: "
                            + difference);
                }
            }
            ShardFiles before = shards.putIfAbsent(shard.index(), here);
            if (before != null) {
                throw new SweepException("shard " + shard.index() + "/" + shard.count() + " is given twice: "
                        + before.runs() + " and " + runsFile);
            }
        }
        SweepPlan plan = first.read().plan();
        int count = first.read().shard().orElseThrow().count();
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            if (!shards.containsKey(i)) {
                missing.add("runs-shard-" + i + "-of-" + count + ".csv");
            }
        }
        if (!missing.isEmpty()) {
            throw new SweepException((missing.size() == 1 ? "a shard is missing: " : missing.size()
                    + " shards are missing: ") + String.join(", ", missing) + " (the sweep has " + count + " shards)");
        }
        RunRecord[] byIndex = new RunRecord[plan.runs()];
        for (ShardFiles s : shards.values()) {
            Shard shard = s.read().shard().orElseThrow();
            List<RunRecord> records = RunsCsv.parse(plan, Files.readString(s.runs(), StandardCharsets.UTF_8),
                    s.runs().toString());
            int row = 2; // the header is row 1
            for (RunRecord r : records) {
                int index = plan.index(r.combination(), r.replication());
                if (!shard.owns(index)) {
                    throw new SweepException(s.runs() + ": holds run " + index + " (combination " + r.combination()
                            + ", replication " + r.replication() + "), which is shard " + index % count + "'s");
                }
                s.read().digest().check(index, r, row, s.runs().toString());
                row += r.metrics().size();
                byIndex[index] = r;
            }
            int expected = SweepManifest.shardRuns(plan, shard);
            if (records.size() != expected) {
                int absent = firstAbsent(byIndex, shard);
                throw new SweepException(s.runs() + ": holds " + records.size() + " runs, but shard " + shard.index()
                        + "/" + count + " has " + expected + "; missing: run " + absent + " (combination "
                        + absent / plan.replications() + ", replication " + absent % plan.replications()
                        + ") (was the file cut short?)");
            }
        }
        runs.addAll(Arrays.asList(byIndex));
        shardCount = count;
        return plan;
    }

    private static int firstAbsent(RunRecord[] byIndex, Shard shard) {
        for (int i = shard.index(); i < byIndex.length; i += shard.count()) {
            if (byIndex[i] == null) {
                return i;
            }
        }
        return -1;
    }

    /** What tells two shards' sweeps apart, or null when they are the same sweep. */
    private static String difference(SweepManifest.Read a, SweepManifest.Read b) {
        SweepPlan p = a.plan();
        SweepPlan q = b.plan();
        if (!p.scenarioFile().equals(q.scenarioFile())) {
            return "scenario file " + p.scenarioFile() + " vs " + q.scenarioFile();
        }
        if (!p.scenarioSha256().equals(q.scenarioSha256())) {
            return "the scenario file " + p.scenarioFile() + " differs in content (SHA-256 "
                    + p.scenarioSha256().substring(0, 12) + "... vs " + q.scenarioSha256().substring(0, 12) + "...)";
        }
        if (!p.scenarioName().equals(q.scenarioName())) {
            return "scenario " + p.scenarioName() + " vs " + q.scenarioName();
        }
        if (p.masterSeed() != q.masterSeed()) {
            return "master seed " + p.masterSeed() + " vs " + q.masterSeed();
        }
        if (!p.sets().equals(q.sets())) {
            return "--set " + describe(p) + " vs " + describe(q);
        }
        if (p.replications() != q.replications()) {
            return "--replications " + p.replications() + " vs " + q.replications();
        }
        int n = a.shard().orElseThrow().count();
        int m = b.shard().orElseThrow().count();
        if (n != m) {
            return "--shard I/" + n + " vs I/" + m;
        }
        return null;
    }

    private static String describe(SweepPlan p) {
        return p.sets().stream().map(s -> s.key() + "=" + String.join(",", s.values()))
                .reduce((x, y) -> x + " --set " + y).orElse("(none)");
    }
}
