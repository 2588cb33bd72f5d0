package io.stratus.scenario;

import com.fasterxml.jackson.core.JsonPointer;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The characters a name may have: the scenario's name, a workload's (service, batch, queue,
 * GPU cluster, consolidation), a topic's and an alarm's. Names go into file names, CSV cells,
 * Markdown tables, JSON and the terminal, so they are limited to ASCII letters, digits,
 * {@code -}, {@code _} and {@code .}, at most {@value #MAX_LENGTH} characters. (Every output
 * escapes its text anyway; this keeps names readable everywhere.)
 */
final class SafeNames {

    /** The longest name. */
    static final int MAX_LENGTH = 100;

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._-]{1," + MAX_LENGTH + "}");

    private SafeNames() {
    }

    /** Records a problem at {@code at} when {@code name} is not a safe name. */
    static void check(ConfigNode root, JsonPointer at, String name) {
        if (name != null && !SAFE.matcher(name).matches()) {
            root.problemAt(at, "the name \"" + printable(name) + "\" " + (name.length() > MAX_LENGTH
                    ? "is longer than " + MAX_LENGTH + " characters" : "has a character that is not allowed")
                    + "; names use letters, digits, '-', '_' and '.' only");
        }
    }

    /** Checks each name of a list (such as topics), at its index. */
    static void checkEach(ConfigNode root, String key, List<String> names) {
        for (int i = 0; i < names.size(); i++) {
            check(root, root.pointerOf(key).appendIndex(i), names.get(i));
        }
    }

    /** The name with every character outside printable ASCII shown as {@code \\uXXXX}. */
    static String printable(String name) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < Math.min(name.length(), MAX_LENGTH); i++) {
            char c = name.charAt(i);
            b.append(c >= 0x20 && c < 0x7F ? String.valueOf(c) : String.format("\\u%04X", (int) c));
        }
        return b.append(name.length() > MAX_LENGTH ? "..." : "").toString();
    }
}
