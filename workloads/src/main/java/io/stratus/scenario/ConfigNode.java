package io.stratus.scenario;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import io.stratus.util.Suggestions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One mapping of a scenario file, read strictly: each getter checks the type and range of its
 * value and records a {@link Problem} (and returns the default) instead of stopping, so that one
 * pass reports every mistake. {@link #allowOnly} refuses unknown keys with a "did you mean"
 * suggestion.
 *
 * <p>Given a {@link KeyRecorder}, every node also tells it which keys it accepts and how it reads
 * each one, under a path pattern ({@code services.*.launch}); without one ({@code null}, the
 * ordinary load) nothing is recorded and no pattern is built.
 */
public final class ConfigNode {

    private final JsonNode node;
    private final JsonPointer pointer;
    private final Problems problems;
    /** Where this node sits in the format when the load is recorded, else null. */
    private final RecordedPath path;

    private ConfigNode(JsonNode node, JsonPointer pointer, Problems problems, RecordedPath path) {
        this.node = node;
        this.pointer = pointer;
        this.problems = problems;
        this.path = path;
    }

    /** The root mapping of a document (reads told to {@code recorder} unless null); empty is a problem. */
    static ConfigNode root(YamlDocument document, Problems problems, KeyRecorder recorder) {
        JsonNode root = document.root();
        if (root == null || root.isMissingNode() || root.isNull()) {
            problems.atValue(JsonPointer.empty(), "the file is empty; a scenario needs at least name and duration");
        } else if (!root.isObject()) {
            problems.atValue(JsonPointer.empty(), "a scenario must be a mapping of keys to values, found "
                    + ValueDescriptions.describe(root));
        }
        return new ConfigNode(root, JsonPointer.empty(), problems, RecordedPath.root(recorder));
    }

    /** A node under this one, at the pattern of this one's {@code key} (a key, "*" or "[]"). */
    private ConfigNode under(JsonNode value, JsonPointer at, String key) {
        return new ConfigNode(value, at, problems, path == null ? null : path.child(key));
    }

    private void record(String key, KeyRecorder.Kind kind, Object fallback, boolean required) {
        record(key, kind, fallback, required, null, null, List.of(), null);
    }

    private void record(String key, KeyRecorder.Kind kind, Object fallback, boolean required, Object min, Object max,
                        List<String> allowed, Function<String, ?> parser) {
        if (path != null) {
            path.reads(key, new KeyRecorder.Read(kind, fallback, required, min, max, List.copyOf(allowed), parser));
        }
    }

    /**
     * The value of {@code key} when present and of the expected type, else null (a wrong type is
     * a problem: "expected {@code expected}, found ...").
     */
    private JsonNode typed(String key, boolean required, Predicate<JsonNode> ok, String expected) {
        JsonNode v = value(key, required);
        if (v != null && !ok.test(v)) {
            problem(key, "expected " + expected + ", found " + ValueDescriptions.describe(v));
            return null;
        }
        return v;
    }

    /** Whether this node is a usable mapping. */
    public boolean isMapping() {
        return node != null && node.isObject();
    }

    /** The pointer of this node. */
    public JsonPointer pointer() {
        return pointer;
    }

    /** The pointer of a key of this node. */
    public JsonPointer pointerOf(String key) {
        return pointer.appendProperty(key);
    }

    /** Whether the key is present (and not null). */
    public boolean has(String key) {
        return isMapping() && node.hasNonNull(key);
    }

    /** Records a problem for the value of {@code key}. */
    public void problem(String key, String message) {
        problems.atValue(pointerOf(key), message);
    }

    /** The raw value of a key (null when absent), for shapes the typed getters do not cover. */
    public JsonNode raw(String key) {
        record(key, KeyRecorder.Kind.RAW, null, false);
        return isMapping() ? node.get(key) : null;
    }

    /** Records a problem at any pointer (for example a list item). */
    public void problemAt(JsonPointer at, String message) {
        problems.atValue(at, message);
    }

    /** A node for a value found under this one (for example a list item), for strict reading. */
    public ConfigNode nodeAt(JsonNode value, JsonPointer at) {
        return new ConfigNode(value, at, problems,
                path == null ? null : path.below(at.toString().substring(pointer.toString().length())));
    }

    /** Refuses any key not in {@code allowed}, suggesting the closest allowed key. */
    public void allowOnly(String... allowed) {
        if (path != null) {
            path.accepts(List.of(allowed));
        }
        if (!isMapping()) {
            return;
        }
        List<String> names = Arrays.asList(allowed);
        Iterator<String> it = node.fieldNames();
        while (it.hasNext()) {
            String key = it.next();
            if (!names.contains(key)) {
                String hint = Suggestions.closest(key, names);
                problems.atKey(pointerOf(key), "unknown key '" + key + "'"
                        + (hint == null ? "" : "; did you mean '" + hint + "'?")
                        + " Allowed here: " + String.join(", ", names));
            }
        }
    }

    /** A required or optional child mapping (an absent optional child reads as empty). */
    public ConfigNode child(String key, boolean required) {
        record(key, KeyRecorder.Kind.MAPPING, null, required);
        return under(typed(key, required, JsonNode::isObject, "a mapping of keys to values"), pointerOf(key), key);
    }

    /** The child mappings of a mapping-of-mappings, by key, in file order. */
    public Map<String, ConfigNode> children() {
        Map<String, ConfigNode> out = new LinkedHashMap<>();
        if (path != null) {
            path.names();
        }
        if (!isMapping()) {
            return out;
        }
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonPointer p = pointerOf(e.getKey());
            if (!e.getValue().isObject()) {
                problems.atValue(p, "expected a mapping of keys to values, found " + ValueDescriptions.describe(e.getValue()));
            } else {
                out.put(e.getKey(), under(e.getValue(), p, "*"));
            }
        }
        return out;
    }

    /** A string value. */
    public String string(String key, String fallback, boolean required) {
        record(key, KeyRecorder.Kind.TEXT, fallback, required);
        return text(key, fallback, required);
    }

    private String text(String key, String fallback, boolean required) {
        JsonNode v = typed(key, required, n -> n.isTextual() || n.isNumber() || n.isBoolean(), "text");
        if (v == null) {
            return fallback;
        }
        String s = v.asText();
        if (s.isBlank()) {
            problem(key, "must not be empty");
            return fallback;
        }
        return s;
    }

    /** One of a closed set of words. */
    public String oneOf(String key, String fallback, List<String> allowed) {
        record(key, KeyRecorder.Kind.WORD, fallback, false, null, null, allowed, null);
        String s = text(key, fallback, false);
        if (s != null && !allowed.contains(s)) {
            String hint = Suggestions.closest(s, allowed);
            problem(key, "'" + s + "' is not allowed" + (hint == null ? "" : "; did you mean '" + hint + "'?")
                    + " Allowed: " + String.join(", ", allowed));
            return fallback;
        }
        return s;
    }

    /** A whole number within [min, max]. */
    public long integer(String key, long fallback, long min, long max, boolean required) {
        record(key, KeyRecorder.Kind.INTEGER, fallback, required, min, max, List.of(), null);
        JsonNode v = typed(key, required, n -> n.isIntegralNumber() && n.canConvertToLong(),
                "a whole number from " + min + " to " + max);
        if (v == null) {
            return fallback;
        }
        long n = v.asLong();
        if (n < min || n > max) {
            problem(key, n + " is out of range; allowed from " + min + " to " + max);
            return fallback;
        }
        return n;
    }

    /** A decimal number within [min, max]. */
    public double number(String key, double fallback, double min, double max, boolean required) {
        record(key, KeyRecorder.Kind.NUMBER, fallback, required, min, max, List.of(), null);
        JsonNode v = typed(key, required, JsonNode::isNumber, "a number from " + min + " to " + max);
        if (v == null) {
            return fallback;
        }
        double n = v.asDouble();
        if (!(n >= min && n <= max)) {
            problem(key, v.asText() + " is out of range; allowed from " + min + " to " + max);
            return fallback;
        }
        return n;
    }

    /** A boolean. */
    public boolean bool(String key, boolean fallback) {
        record(key, KeyRecorder.Kind.BOOLEAN, fallback, false);
        JsonNode v = typed(key, false, JsonNode::isBoolean, "true or false");
        return v == null ? fallback : v.asBoolean();
    }

    /** A value with units, parsed by {@code parser} (one of {@link Units}), then range-checked. */
    public <T extends Comparable<T>> T unit(String key, T fallback, boolean required,
                                             Function<String, T> parser, T min, T max, String rangeText) {
        record(key, KeyRecorder.Kind.UNIT, fallback, required, min, max, List.of(), parser);
        JsonNode v = value(key, required);
        if (v == null) {
            return fallback;
        }
        if (!v.isTextual()) {
            problem(key, "expected a value with a unit, found " + ValueDescriptions.describe(v) + " (" + rangeText + ")");
            return fallback;
        }
        try {
            T parsed = parser.apply(v.asText());
            if (parsed.compareTo(min) < 0 || parsed.compareTo(max) > 0) {
                problem(key, "'" + v.asText() + "' is out of range; " + rangeText);
                return fallback;
            }
            return parsed;
        } catch (IllegalArgumentException e) {
            problem(key, e.getMessage());
            return fallback;
        }
    }

    /** A list of strings. */
    public List<String> strings(String key, boolean required) {
        record(key, KeyRecorder.Kind.LIST, null, required);
        JsonNode v = typed(key, required, JsonNode::isArray, "a list such as [a, b]");
        List<String> out = new ArrayList<>();
        if (v == null) {
            return out;
        }
        for (int i = 0; i < v.size(); i++) {
            JsonNode item = v.get(i);
            if (!item.isTextual() || item.asText().isBlank()) {
                problems.atValue(pointerOf(key).appendIndex(i), "expected a name, found " + ValueDescriptions.describe(item));
            } else {
                out.add(item.asText());
            }
        }
        return out;
    }

    private JsonNode value(String key, boolean required) {
        if (!isMapping()) {
            return null;
        }
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            if (required) {
                problems.atKey(pointer, "missing required key '" + key + "'");
            }
            return null;
        }
        return v;
    }
}
