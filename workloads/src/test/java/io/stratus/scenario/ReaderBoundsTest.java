package io.stratus.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.stratus.compute.InstanceCatalog;
import io.stratus.pricing.PurchaseStrategy;
import io.stratus.run.ScenarioRunner;
import io.stratus.trace.TraceFormatException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Every reader rule equals the engine's (issue 19: {@code coverage: 0%} passed the reader, then
 * the engine threw). For every bounded key the readers record (integers, numbers and values with
 * units, with their minimum and maximum), in the smallest walked document that has it, each value
 * the reader accepts at the bounds (the minimum, the maximum, and just inside each) is put in the
 * document; when the loader accepts the document, the scenario is built and run for one simulated
 * second (under each of its compare strategies when the key is one of a strategy's), which calls
 * every engine constructor with it. Nothing may throw: what the reader accepts, the engine accepts.
 */
class ReaderBoundsTest {

    private static final YAMLMapper YAML = new YAMLMapper();
    private final ScenarioLoader loader = new ScenarioLoader(InstanceCatalog.bundled());

    /** A bounded key at one concrete place of one document. */
    record Site(Path file, String pattern, List<Object> path, KeyRecorder.Read read) {
    }

    @Test
    void everyValueTheReaderAcceptsAtItsBoundsBuildsAndRunsInTheEngine() throws Exception {
        KeyRegistry registry = FormatWalks.registry();
        Map<String, Site> sites = new LinkedHashMap<>();
        List<Path> documents = new ArrayList<>(FormatWalks.documents());
        documents.sort((a, b) -> Long.compare(size(a), size(b))); // the smallest document with each key
        for (Path file : documents) {
            JsonNode root = YAML.readTree(Files.readString(file, StandardCharsets.UTF_8));
            walk(registry, root, "", new ArrayList<>(), site -> sites.putIfAbsent(site.pattern(),
                    new Site(file, site.pattern(), site.path(), site.read())));
        }
        assertThat(sites).containsKeys("compare.strategies[].reserved.coverage", "services.*.load-balancer.max-in-flight",
                "services.*.requests.arrival.poisson.rate");
        List<String> failures = new ArrayList<>();
        int built = 0;
        for (Site site : sites.values()) {
            for (String literal : literals(site.read())) {
                String text = withValue(site.file(), site.path(), literal);
                Scenario scenario;
                try {
                    scenario = loader.parse(site.file().toString(), text, Map.of("duration", "1s"));
                } catch (ScenarioException refused) {
                    continue; // the reader refuses it: nothing reaches the engine
                } catch (RuntimeException e) {
                    failures.add(site.pattern() + " = " + literal + " (" + site.file() + "): the reader threw " + e);
                    continue;
                }
                try {
                    run(scenario, site.pattern().startsWith("compare."));
                    built++;
                } catch (TraceFormatException badTraceLine) {
                    continue; // bad input at a trace's line (a rate beyond the limits): exit 2, not a crash
                } catch (RuntimeException | IOException e) {
                    failures.add(site.pattern() + " = " + literal + " (" + site.file() + "): the engine threw " + e);
                }
            }
        }
        assertThat(failures).as("values the readers accept but the engine refuses").isEmpty();
        assertThat(built).as("scenarios built at the bounds").isGreaterThan(100);
    }

    private static void run(Scenario scenario, boolean everyStrategy) throws IOException {
        ScenarioRunner runner = new ScenarioRunner();
        if (everyStrategy) {
            for (PurchaseStrategy s : scenario.compare().strategies()) {
                runner.run(scenario, null, s);
            }
        } else {
            runner.run(scenario, null);
        }
    }

    /** The minimum, the maximum and a value just inside each, written as the key is written. */
    static List<String> literals(KeyRecorder.Read read) {
        List<String> out = new ArrayList<>();
        if (read.kind() == KeyRecorder.Kind.INTEGER) {
            long min = ((Number) read.min()).longValue();
            long max = ((Number) read.max()).longValue();
            for (long v : new long[] {min, max, min == Long.MAX_VALUE ? min : min + 1, max == Long.MIN_VALUE ? max : max - 1}) {
                out.add(Long.toString(v));
            }
            return out.stream().distinct().toList();
        }
        for (Object bound : new Object[] {read.min(), read.max()}) {
            if (bound instanceof Long l) {
                out.add(unit(read, l));
                out.add(unit(read, l == ((Number) read.min()).longValue() ? l + 1 : l - 1));
            } else if (bound instanceof Number n) {
                double v = n.doubleValue();
                boolean low = v == ((Number) read.min()).doubleValue();
                out.add(unit(read, v));
                out.add(unit(read, low ? v + Math.max(Math.ulp(v) * 8, Math.abs(v) * 1e-6) : v - Math.abs(v) * 1e-6));
            }
        }
        out.removeIf(Objects::isNull);
        return out.stream().distinct().toList();
    }

    /** {@code value} written in a form the key's parser reads back as it, or null. */
    private static String unit(KeyRecorder.Read read, Object value) {
        if (read.kind() == KeyRecorder.Kind.NUMBER) {
            return Double.toString(((Number) value).doubleValue());
        }
        double v = ((Number) value).doubleValue();
        String plain = value instanceof Long ? value.toString() : Double.toString(v);
        String hundredths = Double.toString(v * 100);
        for (String candidate : List.of(plain + "us", plain + "/s", hundredths + "%", plain + "B", plain)) {
            try {
                Object parsed = read.parser().apply(candidate);
                if (parsed instanceof Number p && Math.abs(p.doubleValue() - v) <= Math.abs(v) * 1e-9) {
                    return candidate;
                }
            } catch (RuntimeException notThisForm) {
                // try the next form
            }
        }
        return null;
    }

    private static void walk(KeyRegistry registry, JsonNode node, String pattern, List<Object> path,
                             Consumer<Site> found) {
        if (node.isObject()) {
            boolean named = registry.isNamed(pattern);
            node.fields().forEachRemaining(e -> {
                String key = named ? "*" : e.getKey();
                List<Object> at = new ArrayList<>(path);
                at.add(e.getKey());
                JsonNode value = e.getValue();
                if (value.isValueNode()) {
                    for (KeyRecorder.Read read : registry.entry(pattern, key).valueReads()) {
                        if (read.min() instanceof Number && read.max() instanceof Number
                                && (read.kind() != KeyRecorder.Kind.UNIT || read.parser() != null)) {
                            found.accept(new Site(null, KeyRegistry.child(pattern, key), at, read));
                            break;
                        }
                    }
                } else {
                    walk(registry, value, KeyRegistry.child(pattern, key), at, found);
                }
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                List<Object> at = new ArrayList<>(path);
                at.add(i);
                walk(registry, node.get(i), KeyRegistry.child(pattern, "[]"), at, found);
            }
        }
    }

    private static String withValue(Path file, List<Object> path, String literal) throws IOException {
        JsonNode root = YAML.readTree(Files.readString(file, StandardCharsets.UTF_8));
        JsonNode parent = root;
        for (Object step : path.subList(0, path.size() - 1)) {
            parent = step instanceof Integer i ? parent.get(i) : parent.get((String) step);
        }
        Object last = path.get(path.size() - 1);
        JsonNode value = YAML.readTree(literal);
        if (value == null || value.isMissingNode()) {
            value = TextNode.valueOf(literal);
        }
        if (last instanceof Integer i) {
            ((ArrayNode) parent).set(i, value);
        } else {
            ((ObjectNode) parent).set((String) last, value);
        }
        return YAML.writeValueAsString(root);
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
