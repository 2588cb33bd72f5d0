package io.stratus.scenario;

import com.fasterxml.jackson.core.JsonPointer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects the problems of one scenario file, each with its position. */
public final class Problems {

    private final YamlDocument document;
    private final List<Problem> problems = new ArrayList<>();

    public Problems(YamlDocument document) {
        this.document = document;
    }

    /** Records a problem with the value at {@code pointer}. */
    public void atValue(JsonPointer pointer, String message) {
        add(document.locate(pointer), pointer, message);
    }

    /** Records a problem with the key at {@code pointer}. */
    public void atKey(JsonPointer pointer, String message) {
        add(document.locateKey(pointer), pointer, message);
    }

    private void add(int[] lc, JsonPointer pointer, String message) {
        String override = document.overrideOf(pointer);
        if (override != null) {
            problems.add(new Problem(override, 0, 0, dotted(pointer), message));
        } else {
            // a problem with the document as a whole is reported at its start
            int line = lc[0] > 0 ? lc[0] : 1;
            int column = lc[0] > 0 ? lc[1] : 1;
            problems.add(new Problem(document.file(), line, column, dotted(pointer), message));
        }
    }

    /** Whether any problem was found. */
    public boolean any() {
        return !problems.isEmpty();
    }

    /** Throws the problems found, in file order, if there are any. */
    public void throwIfAny() throws ScenarioException {
        if (!problems.isEmpty()) {
            List<Problem> sorted = new ArrayList<>(problems);
            sorted.sort(Comparator.comparingInt(Problem::line).thenComparingInt(Problem::column));
            throw new ScenarioException(sorted);
        }
    }

    /** {@code /services/web/launch/type} as {@code services.web.launch.type}. */
    static String dotted(JsonPointer pointer) {
        String s = pointer.toString();
        if (s.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        for (String part : s.substring(1).split("/", -1)) {
            if (b.length() > 0) {
                b.append('.');
            }
            b.append(part.replace("~1", "/").replace("~0", "~"));
        }
        return b.toString();
    }
}
