package io.stratus.scenario;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The keys {@code reference.yaml} documents, read by its convention (stated in its header):
 * <ul>
 * <li>a line whose text after {@code # } starts like YAML ({@code key:} or {@code - key:}, key in
 * lower case) is a commented-out alternative: the file is read with {@code "# "} removed from those
 * lines, which must leave valid YAML at the right indentation;</li>
 * <li>a key's documentation is the comment on its line and the comment-only lines that follow it,
 * up to the next line with YAML or a blank line;</li>
 * <li>in it, {@code (required} marks a key without default, {@code (default X)} (ended by
 * {@code )}, {@code ,} or {@code ;}) a default X written as in a scenario, and
 * {@code (default: words)} a default that depends on other keys, described in words;</li>
 * <li>{@code (same keys as PATH)} on a mapping documents its keys by those of the mapping at
 * PATH (a launch or an arrival read by the same reader in several places).</li>
 * </ul>
 * Paths are generalised as in {@link KeyRegistry}: names of services, queues... become {@code *},
 * list items {@code []}.
 */
final class ReferenceDoc {

    /** A commented-out line of YAML: indentation, {@code "# "}, then a key or a list item with a key. */
    static final Pattern COMMENTED_KEY = Pattern.compile("^(\\s*)# (\\s*(?:- )?[a-z][a-z0-9-]*:(?:\\s.*)?)$");
    private static final Pattern LITERAL_DEFAULT = Pattern.compile("\\(default ([^),;]+)");
    private static final Pattern SAME_KEYS = Pattern.compile("\\(same keys as ([a-z0-9.*\\[\\]-]+)\\)");
    private static final Pattern LEADING_HASHES = Pattern.compile("^\\s*(#\\s*)+");

    /**
     * One documented key.
     *
     * @param pattern the generalised path of the mapping holding it
     * @param line    its line in reference.yaml (1-based)
     * @param doc     its documentation, comment lines joined by spaces
     */
    record Key(String pattern, String key, int line, String doc) {

        boolean saysRequired() {
            return doc.contains("(required");
        }

        boolean describesDefault() {
            return doc.contains("(default:");
        }

        /** The default written as a value, or null. */
        String literalDefault() {
            Matcher m = LITERAL_DEFAULT.matcher(doc);
            return m.find() ? m.group(1).trim() : null;
        }

        /** The path whose keys this mapping shares, or null. */
        String sameKeysAs() {
            Matcher m = SAME_KEYS.matcher(doc);
            return m.find() ? m.group(1) : null;
        }

        String where() {
            return "reference.yaml:" + line + ": " + (pattern.isEmpty() ? key : pattern + "." + key);
        }
    }

    final List<Key> keys = new ArrayList<>();
    /** Keys of reference.yaml the loader does not accept there. */
    final List<String> refused = new ArrayList<>();
    private final String[] lines;
    private final KeyRegistry registry;
    private final YamlDocument document;

    private ReferenceDoc(String text, KeyRegistry registry) throws ScenarioException {
        this.lines = uncomment(text).split("\n", -1);
        this.registry = registry;
        this.document = YamlDocument.parse("reference.yaml (alternatives uncommented)", String.join("\n", lines));
        walk(document.root(), JsonPointer.empty(), "");
    }

    /**
     * Whether the key at generalised {@code path} is documented: as a key, or below a mapping
     * documented as having the same keys as another whose key it is.
     */
    boolean documents(String path) {
        for (Key k : keys) {
            String at = KeyRegistry.child(k.pattern(), k.key());
            if (at.equals(path)) {
                return true;
            }
            String same = k.sameKeysAs();
            if (same != null && path.startsWith(at + ".") && documents(same + path.substring(at.length()))) {
                return true;
            }
        }
        return false;
    }

    /** Line {@code line} (1-based) of reference.yaml with its alternatives uncommented. */
    String line(int line) {
        return lines[line - 1];
    }

    static ReferenceDoc read(Path file, KeyRegistry registry) throws IOException, ScenarioException {
        return new ReferenceDoc(Files.readString(file, StandardCharsets.UTF_8), registry);
    }

    /** The text with every commented-out line of YAML uncommented. */
    static String uncomment(String text) {
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            Matcher m = COMMENTED_KEY.matcher(line);
            out.append(m.matches() ? m.group(1) + m.group(2) : line).append('\n');
        }
        return out.substring(0, out.length() - 1);
    }

    private void walk(JsonNode node, JsonPointer at, String pattern) {
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), at.appendIndex(i), KeyRegistry.child(pattern, "[]"));
            }
            return;
        }
        if (!node.isObject()) {
            return;
        }
        boolean named = registry.isNamed(pattern);
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonPointer keyAt = at.appendProperty(e.getKey());
            if (named) {
                walk(e.getValue(), keyAt, KeyRegistry.child(pattern, "*"));
                continue;
            }
            int line = document.locateKey(keyAt)[0];
            Key key = new Key(pattern, e.getKey(), line, docOf(line));
            keys.add(key);
            if (!registry.accepted(pattern).contains(e.getKey())) {
                refused.add(key.where() + ": the loader does not accept this key here (accepted: "
                        + String.join(", ", registry.accepted(pattern)) + ")");
            }
            walk(e.getValue(), keyAt, KeyRegistry.child(pattern, e.getKey()));
        }
    }

    /** The comment on a line and on the comment-only lines after it. */
    private String docOf(int line) {
        StringBuilder doc = new StringBuilder();
        String first = lines[line - 1];
        int hash = first.indexOf(" #");
        if (hash >= 0) {
            doc.append(LEADING_HASHES.matcher(first.substring(hash)).replaceFirst(""));
        }
        for (int i = line; i < lines.length && lines[i].strip().startsWith("#"); i++) {
            doc.append(' ').append(LEADING_HASHES.matcher(lines[i]).replaceFirst(""));
        }
        return doc.toString().strip();
    }
}
