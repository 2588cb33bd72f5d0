package io.stratus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Runs the array-job examples of {@code deploy/} as their engines would: the sweep command each
 * file holds, once per task with the environment variables that engine sets for the task
 * ({@code --shard auto} reads them), then {@code stratus merge} over the tasks' folder; the result
 * must equal the unsharded sweep byte for byte. The sweep is shortened to ten simulated minutes and
 * two replications (6 runs over the 4 tasks) and writes into a temporary folder.
 */
class DeploymentManifestsTest {

    private static final Path DEPLOY = Path.of("..", "deploy");

    @TempDir
    Path dir;

    @Test
    void kubernetesIndexedJob() throws Exception {
        JsonNode job = new YAMLMapper().readTree(DEPLOY.resolve("kubernetes/sweep-job.yaml").toFile());
        assertThat(job.at("/spec/completionMode").asText()).isEqualTo("Indexed");
        int tasks = job.at("/spec/completions").asInt();
        List<String> args = new ArrayList<>();
        job.at("/spec/template/spec/containers/0/args").forEach(a -> args.add(a.asText()));
        runAsArrayJob("k8s", args, tasks, i -> Map.of("JOB_COMPLETION_INDEX", Integer.toString(i)));
    }

    @Test
    void slurmArray() throws Exception {
        List<String> lines = Files.readAllLines(DEPLOY.resolve("slurm/sweep.sbatch"));
        String array = lines.stream().filter(l -> l.startsWith("#SBATCH --array=")).findFirst().orElseThrow()
                .substring("#SBATCH --array=".length());
        int min = Integer.parseInt(array.split("-")[0]);
        int max = Integer.parseInt(array.split("-")[1]);
        String command = lines.stream().filter(l -> l.startsWith("./stratus sweep ")).findFirst().orElseThrow();
        List<String> args = new ArrayList<>(List.of(command.substring("./stratus ".length()).split(" +")));
        int tasks = max - min + 1;
        runAsArrayJob("slurm", args, tasks, i -> Map.of("SLURM_ARRAY_TASK_ID", Integer.toString(min + i),
                "SLURM_ARRAY_TASK_MIN", Integer.toString(min), "SLURM_ARRAY_TASK_MAX", Integer.toString(max),
                "SLURM_ARRAY_TASK_COUNT", Integer.toString(tasks), "SLURM_ARRAY_TASK_STEP", "1",
                "SLURM_ARRAY_JOB_ID", "4242"));
    }

    @Test
    void awsBatchArrayJob() throws Exception {
        ObjectMapper json = new ObjectMapper();
        JsonNode definition = json.readTree(DEPLOY.resolve("aws-batch/job-definition.json").toFile());
        int tasks = json.readTree(DEPLOY.resolve("aws-batch/submit-job.json").toFile()).at("/arrayProperties/size").asInt();
        List<String> command = new ArrayList<>();
        definition.at("/containerProperties/command").forEach(a -> command.add(a.asText()));
        Map<String, String> defined = new HashMap<>();
        definition.at("/containerProperties/environment").forEach(e -> defined.put(e.get("name").asText(),
                e.get("value").asText()));
        assertThat(defined).containsEntry("AWS_BATCH_JOB_ARRAY_SIZE", Integer.toString(tasks));
        runAsArrayJob("batch", command.subList(1, command.size()), tasks, i -> {
            Map<String, String> env = new HashMap<>(defined);
            env.put("AWS_BATCH_JOB_ARRAY_INDEX", Integer.toString(i));
            env.put("AWS_BATCH_JOB_ID", "example:" + i);
            return env;
        });
    }

    private void runAsArrayJob(String name, List<String> manifestArgs, int tasks, IntFunction<Map<String, String>> env)
            throws Exception {
        assertThat(manifestArgs.get(0)).isEqualTo("sweep");
        assertThat(manifestArgs).contains("--shard");
        Path shards = dir.resolve(name + "-shards");
        List<String> args = shortened(manifestArgs, shards);
        for (int i = 0; i < tasks; i++) {
            StratusCliTest.Result r = sweep(args, env.apply(i));
            assertThat(r.exit()).as(name + " task " + i + ": " + r.err()).isZero();
        }
        StratusCliTest.Result merged = StratusCliTest.execute("merge", shards.toString(), "--out",
                dir.resolve(name + "-merged").toString());
        assertThat(merged.exit()).as(merged.err()).isZero();
        assertThat(merged.out()).contains("6 runs merged from " + tasks + " shards");

        List<String> plain = shortened(manifestArgs, dir.resolve(name + "-plain"));
        int shard = plain.indexOf("--shard");
        plain.subList(shard, shard + 2).clear();
        assertThat(StratusCliTest.execute(plain.toArray(String[]::new)).exit()).isZero();
        try (Stream<Path> files = Files.list(dir.resolve(name + "-plain"))) {
            for (Path f : files.toList()) {
                assertThat(dir.resolve(name + "-merged").resolve(f.getFileName())).as(f.getFileName().toString())
                        .hasSameBinaryContentAs(f);
            }
        }
    }

    /** The manifest's arguments on this checkout, in a temporary folder, 10 minutes and 2 replications. */
    private static List<String> shortened(List<String> manifestArgs, Path out) {
        List<String> a = new ArrayList<>();
        for (int i = 0; i < manifestArgs.size(); i++) {
            String v = manifestArgs.get(i);
            String previous = i == 0 ? "" : manifestArgs.get(i - 1);
            if (v.startsWith("workloads/")) {
                v = Path.of("..").resolve(v).toString();
            } else if (v.equals("duration=1d")) {
                v = "duration=10m";
            } else if (previous.equals("--replications")) {
                v = "2";
            } else if (previous.equals("--out")) {
                v = out.toString();
            }
            a.add(v);
        }
        a.add("--quiet");
        return a;
    }

    private static StratusCliTest.Result sweep(List<String> args, Map<String, String> env) {
        CommandLine cli = StratusCli.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        SweepCommand sweep = cli.getSubcommands().get("sweep").getCommand();
        sweep.environment = env;
        int exit = cli.execute(args.toArray(String[]::new));
        return new StratusCliTest.Result(exit, out.toString(), err.toString());
    }
}
