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

/**
 * One mapping of a scenario file, read strictly: each getter checks the type and range of its
 * value and records a {@link Problem} (and returns the default) instead of stopping, so that one
 * pass reports every mistake. {@link #allowOnly} refuses unknown keys with a "did you mean"
 * suggestion.
 */
public final class ConfigNode {

    private final JsonNode node;
    private final JsonPointer pointer;
    private final Problems problems;

    ConfigNode(JsonNode node, JsonPointer pointer, Problems problems) {
        this.node = node;
        this.pointer = pointer;
        this.problems = problems;
    }

    /** The root mapping of a document; an empty or non-mapping document is a problem. */
    static ConfigNode root(YamlDocument document, Problems problems) {
        JsonNode root = document.root();
        if (root == null || root.isMissingNode() || root.isNull()) {
            problems.atValue(JsonPointer.empty(), "the file is empty; a scenario needs at least name and duration");
        } else if (!root.isObject()) {
            problems.atValue(JsonPointer.empty(), "a scenario must be a mapping of keys to values, found "
                    + ValueDescriptions.describe(root));
        }
        return new ConfigNode(root, JsonPointer.empty(), problems);
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
        return isMapping() ? node.get(key) : null;
    }

    /** Records a problem at any pointer (for example a list item). */
    public void problemAt(JsonPointer at, String message) {
        problems.atValue(at, message);
    }

    /** A node for a value found under this one (for example a list item), for strict reading. */
    public ConfigNode nodeAt(JsonNode value, JsonPointer at) {
        return new ConfigNode(value, at, problems);
    }

    /** Refuses any key not in {@code allowed}, suggesting the closest allowed key. */
    public void allowOnly(String... allowed) {
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
        JsonNode v = isMapping() ? node.get(key) : null;
        if (v == null || v.isNull()) {
            if (required && isMapping()) {
                problems.atKey(pointer, "missing required key '" + key + "'");
            }
            return new ConfigNode(null, pointerOf(key), problems);
        }
        if (!v.isObject()) {
            problem(key, "expected a mapping of keys to values, found " + ValueDescriptions.describe(v));
            return new ConfigNode(null, pointerOf(key), problems);
        }
        return new ConfigNode(v, pointerOf(key), problems);
    }

    /** The child mappings of a mapping-of-mappings, by key, in file order. */
    public Map<String, ConfigNode> children() {
        Map<String, ConfigNode> out = new LinkedHashMap<>();
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
                out.put(e.getKey(), new ConfigNode(e.getValue(), p, problems));
            }
        }
        return out;
    }

    /** A string value. */
    public String string(String key, String fallback, boolean required) {
        JsonNode v = value(key, required);
        if (v == null) {
            return fallback;
        }
        if (!v.isTextual() && !v.isNumber() && !v.isBoolean()) {
            problem(key, "expected text, found " + ValueDescriptions.describe(v));
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
        String s = string(key, fallback, false);
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
        JsonNode v = value(key, required);
        if (v == null) {
            return fallback;
        }
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            problem(key, "expected a whole number from " + min + " to " + max + ", found " + ValueDescriptions.describe(v));
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
        JsonNode v = value(key, required);
        if (v == null) {
            return fallback;
        }
        if (!v.isNumber()) {
            problem(key, "expected a number from " + min + " to " + max + ", found " + ValueDescriptions.describe(v));
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
        JsonNode v = value(key, false);
        if (v == null) {
            return fallback;
        }
        if (!v.isBoolean()) {
            problem(key, "expected true or false, found " + ValueDescriptions.describe(v));
            return fallback;
        }
        return v.asBoolean();
    }

    /** A value with units, parsed by {@code parser} (one of {@link Units}), then range-checked. */
    public <T extends Comparable<T>> T unit(String key, T fallback, boolean required,
                                             Function<String, T> parser, T min, T max, String rangeText) {
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
        JsonNode v = value(key, required);
        List<String> out = new ArrayList<>();
        if (v == null) {
            return out;
        }
        if (!v.isArray()) {
            problem(key, "expected a list such as [a, b], found " + ValueDescriptions.describe(v));
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
