package io.stratus.scenario;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed YAML document: its tree, and the line and column of every key and value in it, so
 * that errors found later (a bad value, an unknown key) can name their position.
 *
 * <p>Parsing is guarded: duplicate keys, a second document and anchors or aliases are errors
 * ({@link YamlReferences}), and nesting, name and number sizes are
 * capped by Jackson's stream constraints; the caller caps the file size before reading.
 */
public final class YamlDocument {

    private static final YAMLFactory FACTORY = YAMLFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(64)
                    .maxStringLength(100_000)
                    .maxNumberLength(40)
                    .build())
            .build();
    private static final ObjectMapper MAPPER = new ObjectMapper(FACTORY)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private final String file;
    private final JsonNode root;
    private final Map<String, int[]> valueAt;
    private final Map<String, int[]> keyAt;
    private final Map<String, String> overrides = new LinkedHashMap<>();

    private YamlDocument(String file, JsonNode root, Map<String, int[]> valueAt, Map<String, int[]> keyAt) {
        this.file = file;
        this.root = root;
        this.valueAt = valueAt;
        this.keyAt = keyAt;
    }

    /**
     * Parses YAML text.
     *
     * @param file the name to use in messages
     * @throws ScenarioException if the text is not well-formed YAML
     */
    public static YamlDocument parse(String file, String text) throws ScenarioException {
        Map<String, int[]> valueAt = new HashMap<>();
        Map<String, int[]> keyAt = new HashMap<>();
        try {
            List<Problem> refused = new ArrayList<>();
            try (JsonParser p = FACTORY.createParser(text)) {
                p.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
                JsonToken token;
                int depth = 0;
                int documents = 0;
                while ((token = p.nextToken()) != null) {
                    JsonLocation at = p.currentTokenLocation();
                    int[] lc = {at.getLineNr(), at.getColumnNr()};
                    String path = p.getParsingContext().pathAsPointer().toString();
                    if (depth == 0 && token != JsonToken.END_OBJECT && token != JsonToken.END_ARRAY && ++documents == 2) {
                        refused.add(new Problem(file, lc[0], lc[1], "", "a second YAML document (after '---'); "
                                + "a scenario file holds one document: put each scenario in its own file"));
                    }
                    depth += token.isStructStart() ? 1 : token.isStructEnd() ? -1 : 0;
                    YamlReferences.check(p, file, lc, refused);
                    if (token == JsonToken.FIELD_NAME) {
                        keyAt.putIfAbsent(path, lc);
                    } else if (token != JsonToken.END_OBJECT && token != JsonToken.END_ARRAY) {
                        valueAt.putIfAbsent(path, lc);
                    }
                }
            }
            if (!refused.isEmpty()) {
                throw new ScenarioException(refused);
            }
            JsonNode root = MAPPER.readTree(text);
            return new YamlDocument(file, root, valueAt, keyAt);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String message = e.getOriginalMessage();
            if (e instanceof JsonParseException && message != null && message.startsWith("Duplicate field")) {
                message = message.replace("Duplicate field", "duplicate key");
            }
            throw new ScenarioException(List.of(new Problem(file, at == null ? 0 : at.getLineNr(),
                    at == null ? 0 : at.getColumnNr(), "", "not valid YAML: " + firstLine(message))));
        } catch (IOException e) {
            throw new ScenarioException(List.of(new Problem(file, 0, 0, "", "cannot read: " + e.getMessage())));
        } catch (RuntimeException e) {
            // the YAML library reports some malformed inputs (bad escapes, bad encodings) this way
            throw new ScenarioException(List.of(new Problem(file, 0, 0, "", "not valid YAML: "
                    + firstLine(String.valueOf(e.getMessage())))));
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    /**
     * Sets the value at a dotted path ({@code services.web.instances}) to a YAML value given as
     * text ({@code 8}, {@code 30s}, {@code [a, b]}), creating missing mappings on the way, as a
     * command-line override. Problems found later at or under that path name the override
     * instead of a file position.
     *
     * @throws ScenarioException if the path crosses a value that is not a mapping or the value is
     *                           not valid YAML
     */
    public void override(String dottedPath, String valueText) throws ScenarioException {
        String origin = "--set " + dottedPath + "=" + valueText;
        if (dottedPath.isBlank() || dottedPath.startsWith(".") || dottedPath.endsWith(".") || dottedPath.contains("..")) {
            throw new ScenarioException(List.of(new Problem(origin, 0, 0, "", "the key must be a dotted path "
                    + "such as services.web.instances")));
        }
        JsonNode value;
        try {
            value = MAPPER.readTree(valueText.isEmpty() ? "''" : valueText);
        } catch (JsonProcessingException e) {
            throw new ScenarioException(List.of(new Problem(origin, 0, 0, dottedPath,
                    "the value is not valid YAML: " + firstLine(e.getOriginalMessage()))));
        }
        if (value == null || value.isMissingNode()) {
            value = TextNode.valueOf("");
        }
        if (!(root instanceof ObjectNode)) {
            throw new ScenarioException(List.of(new Problem(origin, 0, 0, dottedPath,
                    "the scenario is not a mapping, so it cannot be overridden")));
        }
        ObjectNode node = (ObjectNode) root;
        String[] parts = dottedPath.split("\\.");
        JsonPointer pointer = JsonPointer.empty();
        for (int i = 0; i < parts.length - 1; i++) {
            pointer = pointer.appendProperty(parts[i]);
            JsonNode next = node.get(parts[i]);
            if (next == null || next.isNull()) {
                next = node.putObject(parts[i]);
            } else if (!next.isObject()) {
                throw new ScenarioException(List.of(new Problem(origin, 0, 0, dottedPath, "'"
                        + Problems.dotted(pointer) + "' is not a mapping, so it has no key '" + parts[i + 1] + "'")));
            }
            node = (ObjectNode) next;
        }
        node.set(parts[parts.length - 1], value);
        overrides.put(pointer.appendProperty(parts[parts.length - 1]).toString(), origin);
    }

    /** The override that set the value at or above {@code pointer}, or null. */
    public String overrideOf(JsonPointer pointer) {
        for (JsonPointer p = pointer; p != null; p = p.head()) {
            String origin = overrides.get(p.toString());
            if (origin != null) {
                return origin;
            }
        }
        return null;
    }

    /** The file name used in messages. */
    public String file() {
        return file;
    }

    /** The root node (a missing node for an empty document). */
    public JsonNode root() {
        return root;
    }

    /** Line and column of the value at a JSON pointer, or of its key, or {0, 0}. */
    public int[] locate(JsonPointer pointer) {
        String key = pointer.toString();
        int[] lc = valueAt.get(key);
        if (lc == null) {
            lc = keyAt.get(key);
        }
        return lc == null ? new int[] {0, 0} : lc;
    }

    /** Line and column of the key at a JSON pointer, or of its value, or {0, 0}. */
    public int[] locateKey(JsonPointer pointer) {
        int[] lc = keyAt.get(pointer.toString());
        return lc == null ? locate(pointer) : lc;
    }
}
