package io.stratus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.stratus.compute.InstanceCatalog;
import io.stratus.report.MetricsCsv;
import io.stratus.report.SummaryJson;
import io.stratus.report.SummaryMarkdown;
import io.stratus.report.SummaryTable;
import io.stratus.run.ContrastRuns;
import io.stratus.run.ScenarioRunner;
import io.stratus.scenario.Scenario;
import io.stratus.scenario.ScenarioException;
import io.stratus.scenario.ScenarioLoader;
import io.stratus.sim.Time;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue 19: mutation fuzzing of every bundled scenario, in-process, with a fixed seed. Each mutant
 * (a value replaced by a hostile or extreme one, a number scaled by powers of ten keeping its unit,
 * a key deleted, renamed or duplicated, a value's type changed, a line deleted or duplicated) is
 * loaded as {@code stratus validate} does; a sample of the valid ones is run for a short simulated
 * time and every output is rendered as {@code stratus run} renders it. The exit code must be 0 or
 * 2 (1 would be a simulation failure: a bug), no exception may escape, and every output keeps its
 * invariants: no NaN or infinity, no negative zero, p50 <= p95 <= p99 <= max, utilisation and steal
 * within 0 and 1, costs not negative.
 */
class ScenarioFuzzTest {

    private static final long SEED = 20_261_203L;
    private static final int MUTANTS = 5_000;
    private static final int RUNS = 120;

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> HOSTILE = List.of("0", "-1", "1", "1e308", "-1e308", "1e-300",
            "9223372036854775807", "-9223372036854775808", "9223372036854775808", "0.0", "-0.0", ".nan", ".inf",
            "-.inf", "NaN", "", "abc", "true", "null", "~", "0s", "1us", "0%", "100%", "101%", "-1%", "3650d",
            "3651d", "0/s", "10000000/s", "10000001/s", "1e-9/s", "00:00", "24:00", "1B", "1EB", "m5.lrage",
            "[]", "{}", "[a, a]", "{x: 1}", "'", "\u202e", "*a");

    private final ScenarioLoader loader = new ScenarioLoader(InstanceCatalog.bundled());

    /** A mutant: its text and the scenario file it came from (trace paths are relative to its folder). */
    record Mutant(Path origin, String text, String edit) {
    }

    @Test
    void mutantsOfEveryBundledScenarioExitZeroOrTwoAndKeepEveryOutputsInvariants() throws Exception {
        long started = System.nanoTime();
        SplittableRandom random = new SplittableRandom(SEED);
        List<Path> seeds = bundled();
        List<String> texts = new ArrayList<>();
        List<JsonNode> trees = new ArrayList<>();
        for (Path p : seeds) {
            texts.add(Files.readString(p, StandardCharsets.UTF_8));
            trees.add(YAML.readTree(texts.get(texts.size() - 1)));
        }
        Map<Integer, Integer> exits = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        int valid = 0;
        int ran = 0;
        for (int i = 0; i < MUTANTS; i++) {
            Path origin = seeds.get(i % seeds.size());
            Mutant m = mutate(origin, texts.get(i % seeds.size()), trees.get(i % seeds.size()), random);
            Scenario scenario;
            try {
                scenario = loader.parse(origin.toString(), m.text());
            } catch (ScenarioException e) {
                exits.merge(ExitCodes.BAD_INPUT, 1, Integer::sum);
                if (e.problems().isEmpty() || e.getMessage().isBlank()) {
                    failures.add(m.edit() + ": refused without a message");
                }
                continue;
            } catch (RuntimeException | StackOverflowError e) {
                exits.merge(ExitCodes.SIMULATION_FAILED, 1, Integer::sum);
                failures.add(m.edit() + " (" + origin + "): loading threw " + e);
                continue;
            }
            valid++;
            if (ran >= RUNS || random.nextInt(Math.max(1, (MUTANTS - i) / Math.max(1, RUNS - ran) / 2 + 1)) != 0) {
                exits.merge(ExitCodes.DONE, 1, Integer::sum);
                continue;
            }
            ran++;
            int exit = runAndCheck(origin, m, scenario, failures);
            exits.merge(exit, 1, Integer::sum);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("ScenarioFuzzTest: %d mutants of %d scenarios (seed %d): %d valid, %d run; exit codes %s; "
                + "%.1f s%n", MUTANTS, seeds.size(), SEED, valid, ran, exits, seconds);
        assertThat(failures).as("mutants that crashed or broke an output invariant").isEmpty();
        assertThat(exits.keySet()).containsOnly(ExitCodes.DONE, ExitCodes.BAD_INPUT);
        assertThat(valid).as("valid mutants").isGreaterThan(MUTANTS / 10);
        assertThat(ran).as("mutants run").isGreaterThanOrEqualTo(RUNS / 2);
    }

    /** Runs a valid mutant briefly, renders its outputs and checks them; the exit code the CLI would give. */
    private int runAndCheck(Path origin, Mutant m, Scenario parsed, List<String> failures) {
        Scenario scenario;
        try {
            scenario = parsed.durationMicros() <= shortDuration(parsed) ? parsed
                    : loader.parse(origin.toString(), m.text(), Map.of("duration", Time.compact(shortDuration(parsed))));
        } catch (ScenarioException e) {
            return ExitCodes.BAD_INPUT; // refused at the shorter duration (a period longer than it, ...)
        }
        ScenarioRunner.Outcome outcome;
        try {
            outcome = ContrastRuns.run(scenario, null);
        } catch (IOException e) {
            StringWriter err = new StringWriter();
            int exit = ExitCodes.ofFailedRun(e, new PrintWriter(err));
            if (exit != ExitCodes.BAD_INPUT) {
                failures.add(m.edit() + " (" + origin + "): " + err);
            }
            return exit;
        } catch (RuntimeException | StackOverflowError e) {
            failures.add(m.edit() + " (" + origin + "): the run threw " + e);
            return ExitCodes.SIMULATION_FAILED;
        }
        try {
            String json = new String(SummaryJson.summary(outcome.result()), StandardCharsets.UTF_8);
            String csv = new String(MetricsCsv.render(outcome.metrics()), StandardCharsets.UTF_8);
            String md = new String(SummaryMarkdown.render(outcome.result(), List.of()), StandardCharsets.UTF_8);
            String table = SummaryTable.render(outcome.result());
            List<String> broken = new ArrayList<>();
            for (String text : List.of(json, csv, md, table)) {
                if (text.contains("NaN") || text.contains("Infinity")) {
                    broken.add("NaN or Infinity in " + text.lines().filter(l -> l.contains("NaN")
                            || l.contains("Infinity")).findFirst().orElse(""));
                }
                text.lines().filter(l -> l.matches(".*(?<![\\w.:-])-0(\\.0+)?(?![\\d.]).*")).findFirst()
                        .ifPresent(l -> broken.add("negative zero in: " + l));
            }
            checkJson(JSON.readTree(json), "", broken);
            checkCsv(csv, broken);
            if (!broken.isEmpty()) {
                failures.add(m.edit() + " (" + origin + "): " + broken);
            }
        } catch (IOException | RuntimeException e) {
            failures.add(m.edit() + " (" + origin + "): rendering threw " + e);
            return ExitCodes.SIMULATION_FAILED;
        }
        return ExitCodes.DONE;
    }

    /** A short simulated time: a minute, or a second when the mutant asks for a very high rate. */
    private static long shortDuration(Scenario s) {
        boolean heavy = s.services().stream().anyMatch(c -> c.arrivals().meanRatePerSecond().orElse(1e9) > 20_000)
                || s.queues().stream().anyMatch(q -> q.arrivals().meanRatePerSecond().orElse(1e9) > 20_000);
        return heavy ? Time.SECOND : Time.MINUTE;
    }

    private static void checkJson(JsonNode node, String path, List<String> broken) {
        if (node.isObject()) {
            if (node.has("p50") && node.has("p99") && node.has("max")) {
                double[] v = {num(node, "p50"), num(node, "p95"), num(node, "p99"), num(node, "max")};
                for (int i = 1; i < v.length; i++) {
                    if (!Double.isNaN(v[i - 1]) && !Double.isNaN(v[i]) && v[i - 1] > v[i]) {
                        broken.add(path + ": percentiles out of order " + node);
                    }
                }
            }
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                String key = e.getKey();
                JsonNode v = e.getValue();
                if (v.isNumber()) {
                    double d = v.asDouble();
                    String lower = key.toLowerCase();
                    if ((lower.contains("cost") || lower.contains("usd")) && !lower.contains("vs") && d < 0) {
                        broken.add(path + "." + key + " = " + d + " is negative");
                    }
                    if ((key.equals("cpuUtilisation") || key.equals("cpuSteal")) && (d < 0 || d > 1)) {
                        broken.add(path + "." + key + " = " + d + " is outside 0 and 1");
                    }
                }
                checkJson(v, path + "." + key, broken);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                checkJson(node.get(i), path + "[" + i + "]", broken);
            }
        }
    }

    private static double num(JsonNode node, String key) {
        JsonNode v = node.get(key);
        return v == null || !v.isNumber() ? Double.NaN : v.asDouble();
    }

    private static void checkCsv(String csv, List<String> broken) {
        List<String> lines = csv.lines().toList();
        List<String> header = List.of(lines.get(0).split(",", -1));
        int cpu = header.indexOf("cpu_utilisation");
        int steal = header.indexOf("steal");
        int p50 = header.indexOf("latency_p50_ms");
        int cost = header.indexOf("cost_usd");
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            if (f.length != header.size()) {
                broken.add("metrics.csv row with " + f.length + " fields, header has " + header.size() + ": " + line);
                continue;
            }
            for (int c : new int[] {cpu, steal}) {
                double v = cell(f[c]);
                if (v < 0 || v > 1) {
                    broken.add("metrics.csv " + header.get(c) + " outside 0 and 1: " + line);
                }
            }
            double a = cell(f[p50]);
            double b = cell(f[p50 + 1]);
            double c = cell(f[p50 + 2]);
            if (a > b || b > c) {
                broken.add("metrics.csv percentiles out of order: " + line);
            }
            if (cell(f[cost]) < 0) {
                broken.add("metrics.csv negative cost: " + line);
            }
        }
    }

    private static double cell(String text) {
        return text.isEmpty() ? Double.NaN : Double.parseDouble(text);
    }

    // ---- mutations ----

    private static Mutant mutate(Path origin, String text, JsonNode tree, SplittableRandom random) throws IOException {
        int kind = random.nextInt(8);
        if (kind >= 6) { // text level: a line deleted or duplicated (a duplicated key, most of the time)
            List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
            int line = random.nextInt(lines.size());
            String edit = (kind == 6 ? "delete" : "duplicate") + " line " + (line + 1);
            if (kind == 6) {
                lines.remove(line);
            } else {
                lines.add(line, lines.get(line));
            }
            return new Mutant(origin, String.join("\n", lines), edit);
        }
        JsonNode root = tree.deepCopy();
        List<List<Object>> paths = new ArrayList<>();
        collect(root, new ArrayList<>(), paths);
        List<Object> path = paths.get(random.nextInt(paths.size()));
        JsonNode parent = parentOf(root, path);
        Object last = path.get(path.size() - 1);
        JsonNode value = last instanceof Integer i ? parent.get(i) : parent.get((String) last);
        String edit;
        switch (kind) {
            case 0: { // a hostile value
                String token = HOSTILE.get(random.nextInt(HOSTILE.size()));
                set(parent, last, node(token));
                edit = "set " + path + " = " + token;
                break;
            }
            case 1: { // a number scaled by a power of ten, keeping its unit
                String scaled = scale(value.asText(), random);
                set(parent, last, value.isNumber() ? node(scaled) : NODES.textNode(scaled));
                edit = "scale " + path + " to " + scaled;
                break;
            }
            case 2: // a key deleted
                remove(parent, last);
                edit = "delete " + path;
                break;
            case 3: { // a key renamed (a typo, or another key of the same mapping: a duplicate)
                if (parent.isObject()) {
                    ObjectNode o = (ObjectNode) parent;
                    List<String> names = new ArrayList<>();
                    o.fieldNames().forEachRemaining(names::add);
                    String other = names.get(random.nextInt(names.size()));
                    String renamed = random.nextBoolean() ? other : last + "x";
                    JsonNode moved = o.remove((String) last);
                    o.set(renamed, moved);
                    edit = "rename " + path + " to " + renamed;
                } else {
                    edit = "no-op at " + path;
                }
                break;
            }
            case 4: // a type changed: a value into a list or mapping, a mapping into a scalar
                set(parent, last, value.isContainerNode() ? NODES.numberNode(random.nextInt(3))
                        : random.nextBoolean() ? NODES.arrayNode().add(value) : NODES.objectNode().set("x", value));
                edit = "retype " + path;
                break;
            default: { // an extreme number in place of any value
                long[] extremes = {Long.MAX_VALUE, Long.MIN_VALUE, Integer.MAX_VALUE, 0, -1, 1_000_000_000_000L};
                set(parent, last, NODES.numberNode(extremes[random.nextInt(extremes.length)]));
                edit = "extreme " + path;
            }
        }
        return new Mutant(origin, YAML.writeValueAsString(root), edit);
    }

    /** {@code token} read as YAML (a number, a list...), or as text when Jackson cannot read it (.inf). */
    private static JsonNode node(String token) {
        try {
            JsonNode n = YAML.readTree(token.isEmpty() ? "''" : token);
            return n == null ? NODES.textNode(token) : n;
        } catch (IOException e) {
            return NODES.textNode(token);
        }
    }

    /** The number in {@code literal} times 10^k (k from -6 to 9, or 0), its unit kept. */
    static String scale(String literal, SplittableRandom random) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(-?[0-9]*\\.?[0-9]+)(.*)$").matcher(literal);
        if (!m.matches()) {
            return literal;
        }
        int k = random.nextInt(17) - 7;
        double v = k == -7 ? 0 : Double.parseDouble(m.group(1)) * Math.pow(10, k);
        String number = v == Math.rint(v) && Math.abs(v) < 1e18 ? Long.toString((long) v) : Double.toString(v);
        return number + m.group(2);
    }

    private static void collect(JsonNode node, List<Object> path, List<List<Object>> out) {
        if (!path.isEmpty()) {
            out.add(path);
        }
        if (node.isObject()) {
            node.fieldNames().forEachRemaining(k -> {
                List<Object> p = new ArrayList<>(path);
                p.add(k);
                collect(node.get(k), p, out);
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                List<Object> p = new ArrayList<>(path);
                p.add(i);
                collect(node.get(i), p, out);
            }
        }
    }

    private static JsonNode parentOf(JsonNode root, List<Object> path) {
        JsonNode n = root;
        for (Object step : path.subList(0, path.size() - 1)) {
            n = step instanceof Integer i ? n.get(i) : n.get((String) step);
        }
        return n;
    }

    private static void set(JsonNode parent, Object key, JsonNode value) {
        if (key instanceof Integer i) {
            ((ArrayNode) parent).set(i, value);
        } else {
            ((ObjectNode) parent).set((String) key, value);
        }
    }

    private static void remove(JsonNode parent, Object key) {
        if (key instanceof Integer i) {
            ((ArrayNode) parent).remove(i.intValue());
        } else {
            ((ObjectNode) parent).remove((String) key);
        }
    }

    private static List<Path> bundled() {
        try (Stream<Path> files = Files.list(Path.of("scenarios"))) {
            return files.filter(p -> p.toString().endsWith(".yaml")).sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
