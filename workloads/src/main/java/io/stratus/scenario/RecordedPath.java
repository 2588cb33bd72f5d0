package io.stratus.scenario;

import java.util.List;

/**
 * Where a node of a scenario being recorded sits in the format, as a path pattern
 * ({@code services.*.launch}, {@code region.dedicated-hosts[]}), and the {@link KeyRecorder} it
 * reports to. Only a load given a recorder builds these; an ordinary load passes {@code null}
 * around instead, so that recording costs it nothing but a null check.
 */
final class RecordedPath {

    private final KeyRecorder recorder;
    private final String pattern;

    private RecordedPath(KeyRecorder recorder, String pattern) {
        this.recorder = recorder;
        this.pattern = pattern;
    }

    /** The root of a document, or null when nothing is recorded. */
    static RecordedPath root(KeyRecorder recorder) {
        return recorder == null ? null : new RecordedPath(recorder, "");
    }

    /** The path of this node's {@code key} (a key, "*" for any name, or "[]" for any list item). */
    RecordedPath child(String key) {
        return new RecordedPath(recorder, join(pattern, key));
    }

    /**
     * The path of a value found below this node at a JSON pointer suffix such as
     * {@code /dedicated-hosts/3}, list indices generalised: {@code dedicated-hosts[]}.
     */
    RecordedPath below(String pointerSuffix) {
        String p = pattern;
        for (String step : pointerSuffix.replaceAll("/\\d+(?=/|$)", "[]").split("/")) {
            if (!step.isEmpty()) {
                p = join(p, step.startsWith("[") ? step : step.replace("~1", "/").replace("~0", "~"));
            }
        }
        return new RecordedPath(recorder, p);
    }

    private static String join(String pattern, String key) {
        return pattern.isEmpty() || key.startsWith("[") ? pattern + key : pattern + "." + key;
    }

    /** Tells the recorder how {@code key} is read here. */
    void reads(String key, KeyRecorder.Read read) {
        recorder.reads(pattern, key, read);
    }

    /** Tells the recorder the keys accepted here. */
    void accepts(List<String> keys) {
        recorder.accepts(pattern, keys);
    }

    /** Tells the recorder this mapping maps names of the user's choosing to mappings. */
    void names() {
        recorder.names(pattern);
    }
}
