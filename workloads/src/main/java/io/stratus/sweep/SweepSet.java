package io.stratus.sweep;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * One {@code --set key=v1,v2,...} of a sweep: a dotted scenario path and the values it takes.
 * A set with a single value is a plain override applied to every run.
 *
 * <p>Values are split at commas outside brackets, braces and quotes, so a YAML flow value such
 * as {@code zones=[a, b],[a, b, c]} lists two values; surrounding blanks are trimmed.
 *
 * @param key    the dotted path, such as {@code services.web.instances}
 * @param values the values in the order given, at least one, no duplicates
 */
public record SweepSet(String key, List<String> values) {

    public SweepSet {
        Objects.requireNonNull(key, "key");
        values = List.copyOf(values);
        if (values.isEmpty()) {
            throw new IllegalArgumentException("a set needs at least one value");
        }
    }

    /** Parses {@code key=v1,v2,...}. */
    public static SweepSet parse(String argument) throws SweepException {
        int eq = argument.indexOf('=');
        if (eq <= 0) {
            throw new SweepException("--set " + argument + ": expected KEY=VALUE[,VALUE...], such as "
                    + "--set services.web.instances=2,4,8");
        }
        String key = argument.substring(0, eq).trim();
        if (key.equals("seed")) {
            throw new SweepException("--set " + argument + ": a sweep derives each replication's seed from the master "
                    + "seed; give the master seed with --seed");
        }
        List<String> values = split(argument.substring(eq + 1));
        LinkedHashSet<String> distinct = new LinkedHashSet<>();
        for (String v : values) {
            if (v.isEmpty()) {
                throw new SweepException("--set " + argument + ": an empty value in the list");
            }
            if (!distinct.add(v)) {
                throw new SweepException("--set " + argument + ": the value '" + v + "' is listed twice");
            }
        }
        return new SweepSet(key, values);
    }

    /** Splits at top-level commas (outside [], {} and quotes), trimming each part. */
    static List<String> split(String text) throws SweepException {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        char quote = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '[' || c == '{') {
                depth++;
            } else if (c == ']' || c == '}') {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(text.substring(start, i).trim());
                start = i + 1;
            }
        }
        parts.add(text.substring(start).trim());
        return parts;
    }

    /** Whether this set varies between combinations (more than one value). */
    public boolean varies() {
        return values.size() > 1;
    }
}
