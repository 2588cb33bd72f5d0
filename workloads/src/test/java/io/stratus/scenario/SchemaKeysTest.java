package io.stratus.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code scenario.schema.json} and the section readers accept the same keys, key by key: at every
 * path of the {@link KeyRegistry}, the schema's properties (over its {@code $ref}, {@code oneOf},
 * {@code anyOf} and {@code allOf} branches) are exactly the keys the loader accepts, each object
 * refuses other keys, each closed set of words is the reader's, each integer range stated is the
 * reader's, and each default the schema states ({@code "default"} or "Default X." in a
 * description) is the reader's. A key added to a reader and not to the schema fails here by path.
 */
class SchemaKeysTest {

    private static final Pattern STATED_DEFAULT = Pattern.compile("Default ([^:.;,][^.;,]*(?:\\.\\d+)?)");

    private static JsonNode schema() throws IOException {
        return new ObjectMapper().readTree(Path.of("scenario.schema.json").toFile());
    }

    /** The schema nodes describing the value at a registry path. */
    private static List<JsonNode> at(JsonNode root, String pattern) {
        List<JsonNode> nodes = List.of(root);
        if (pattern.isEmpty()) {
            return branches(root, nodes);
        }
        for (String step : pattern.replace("[]", ".[]").split("\\.")) {
            List<JsonNode> next = new ArrayList<>();
            for (JsonNode n : branches(root, nodes)) {
                JsonNode child = switch (step) {
                    case "*" -> n.get("additionalProperties");
                    case "[]" -> n.get("items");
                    default -> n.path("properties").get(step);
                };
                if (child != null && child.isObject()) {
                    next.add(child);
                }
            }
            nodes = next;
        }
        return branches(root, nodes);
    }

    /** The nodes with every $ref resolved and every oneOf / anyOf / allOf branch added. */
    private static List<JsonNode> branches(JsonNode root, List<JsonNode> nodes) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode n : nodes) {
            out.add(n);
            if (n.has("$ref")) {
                n = root.at(n.get("$ref").asText().substring(1));
                out.add(n);
            }
            for (String combinator : List.of("oneOf", "anyOf", "allOf")) {
                for (JsonNode b : n.path(combinator)) {
                    out.addAll(branches(root, List.of(b)));
                }
            }
        }
        return out;
    }

    @Test
    void schemaHasExactlyTheKeysTheLoaderAccepts() throws IOException {
        JsonNode root = schema();
        KeyRegistry registry = FormatWalks.registry();
        List<String> wrong = new ArrayList<>();
        for (String pattern : registry.mappings()) {
            List<JsonNode> nodes = at(root, pattern);
            Set<String> inSchema = new TreeSet<>();
            for (JsonNode n : nodes) {
                n.path("properties").fieldNames().forEachRemaining(inSchema::add);
                if (n.has("properties") && !n.path("additionalProperties").isBoolean()) {
                    wrong.add(where(pattern) + ": the schema must refuse other keys (additionalProperties: false)");
                }
            }
            for (String key : registry.accepted(pattern)) {
                if (!inSchema.contains(key)) {
                    wrong.add(where(KeyRegistry.child(pattern, key)) + ": accepted by the loader, missing from the schema");
                }
            }
            for (String key : inSchema) {
                if (!registry.accepted(pattern).contains(key)) {
                    wrong.add(where(KeyRegistry.child(pattern, key)) + ": in the schema, refused by the loader");
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void schemaWordsRangesAndDefaultsAreTheReaders() throws IOException {
        JsonNode root = schema();
        KeyRegistry registry = FormatWalks.registry();
        List<String> wrong = new ArrayList<>();
        for (String pattern : registry.mappings()) {
            for (String key : registry.accepted(pattern)) {
                String path = KeyRegistry.child(pattern, key);
                KeyRegistry.Entry e = registry.entry(pattern, key);
                List<JsonNode> nodes = at(root, path);
                Set<String> words = e.allowedWords();
                if (!words.isEmpty()) {
                    Set<String> enums = new TreeSet<>();
                    nodes.forEach(n -> n.path("enum").forEach(v -> enums.add(v.asText())));
                    if (!enums.equals(words)) {
                        wrong.add(where(path) + ": schema enum " + enums + ", reader allows " + words);
                    }
                }
                for (KeyRecorder.Read r : e.reads) {
                    if (r.kind() != KeyRecorder.Kind.INTEGER) {
                        continue;
                    }
                    for (JsonNode n : nodes) {
                        if (n.has("minimum") && n.get("minimum").asLong() != (Long) r.min()
                                || n.has("maximum") && n.get("maximum").asLong() != (Long) r.max()) {
                            wrong.add(where(path) + ": schema range " + n.get("minimum") + " to " + n.get("maximum")
                                    + ", reader " + r.min() + " to " + r.max());
                        }
                    }
                }
                for (String stated : statedDefaults(nodes)) {
                    Object reader = e.constantDefault();
                    if (reader == null || !reader.equals(e.parse(stated))) {
                        wrong.add(where(path) + ": the schema states default " + stated + ", the reader's is "
                                + reader);
                    }
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    private static List<String> statedDefaults(List<JsonNode> nodes) {
        List<String> out = new ArrayList<>();
        for (JsonNode n : nodes) {
            if (n.has("default") && !n.get("default").isContainerNode()) {
                out.add(n.get("default").asText());
            }
            Matcher m = STATED_DEFAULT.matcher(n.path("description").asText());
            if (m.find()) {
                out.add(m.group(1).trim());
            }
        }
        return out;
    }

    private static String where(String path) {
        return "scenario.schema.json at " + (path.isEmpty() ? "the root" : path);
    }
}
