package io.stratus.trace;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Which functions of an Azure Functions trace to use: all of them, or a list of selectors, each a
 * prefix of the {@code HashFunction} column (case ignored) or a function's row number (1 for the
 * first function after the header). Each selector must pick exactly one function and no function
 * may be picked twice; {@link #problems()} says what went wrong after a pass over the file.
 *
 * <p>Use: call {@link #pick(int, String)} for every row in file order, then {@link #problems()}.
 * The selection keeps one counter per selector, never the file's rows.
 */
public final class FunctionSelection {

    /** One selector: a hash prefix, or a row number when {@code prefix} is null. */
    public record Selector(String prefix, long row) {

        public Selector {
            if (prefix == null && row < 1) {
                throw new IllegalArgumentException("function rows count from 1, got " + row);
            }
            if (prefix != null && prefix.isBlank()) {
                throw new IllegalArgumentException("a function hash prefix must not be empty");
            }
        }

        /** A selector by {@code HashFunction} prefix. */
        public static Selector prefix(String prefix) {
            return new Selector(Objects.requireNonNull(prefix, "prefix").toLowerCase(Locale.ROOT), 0);
        }

        /** A selector by row number (1 for the first function). */
        public static Selector row(long row) {
            return new Selector(null, row);
        }

        boolean matches(long rowNumber, String function) {
            return prefix == null ? rowNumber == row
                    : function.regionMatches(true, 0, prefix, 0, prefix.length());
        }

        @Override
        public String toString() {
            return prefix == null ? "row " + row : "'" + prefix + "'";
        }
    }

    private final List<Selector> selectors;
    private final long[] firstMatch;
    private final long[] secondMatch;
    private long rows;

    private FunctionSelection(List<Selector> selectors) {
        this.selectors = List.copyOf(selectors);
        this.firstMatch = new long[selectors.size()];
        this.secondMatch = new long[selectors.size()];
    }

    /** Every function of the file. */
    public static FunctionSelection all() {
        return new FunctionSelection(List.of());
    }

    /** The functions the selectors pick (all of them when the list is empty). */
    public static FunctionSelection of(List<Selector> selectors) {
        return new FunctionSelection(selectors);
    }

    /** A fresh selection with the same selectors, for another pass over a file. */
    public FunctionSelection fresh() {
        return new FunctionSelection(selectors);
    }

    /** Whether every function is chosen. */
    public boolean isAll() {
        return selectors.isEmpty();
    }

    /** The selectors, in the order given. */
    public List<Selector> selectors() {
        return selectors;
    }

    /**
     * Whether the function on row {@code row} (1 for the first) with hash {@code function} is
     * chosen; records the match. Rows must be given in order, each once.
     *
     * @return the index of the selector that picks it (0 for every row when all are chosen), or -1
     */
    public int pick(long row, String function) {
        rows = Math.max(rows, row);
        if (selectors.isEmpty()) {
            return 0;
        }
        int picked = -1;
        for (int i = 0; i < selectors.size(); i++) {
            if (selectors.get(i).matches(row, function)) {
                if (firstMatch[i] == 0) {
                    firstMatch[i] = row;
                } else if (secondMatch[i] == 0) {
                    secondMatch[i] = row;
                }
                if (picked < 0) {
                    picked = i;
                }
            }
        }
        return picked;
    }

    /**
     * What is wrong with the selection after a whole pass over a file: selectors that pick no
     * function or more than one, and functions picked by two selectors. Empty when all is well.
     */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (rows == 0) {
            problems.add("the file has no functions");
            return problems;
        }
        for (int i = 0; i < selectors.size(); i++) {
            Selector s = selectors.get(i);
            if (firstMatch[i] == 0) {
                problems.add(s.prefix() == null
                        ? "no function on row " + s.row() + ": the file has " + rows + " functions (rows 1 to " + rows
                            + "); quote a hash prefix made only of digits, such as '02158978'"
                        : "no function whose HashFunction starts with '" + s.prefix() + "' among the file's " + rows
                            + " functions");
            } else if (secondMatch[i] != 0) {
                problems.add("'" + s.prefix() + "' starts the HashFunction of more than one function (rows "
                        + firstMatch[i] + " and " + secondMatch[i] + "); give more characters");
            }
            for (int j = 0; j < i; j++) {
                if (firstMatch[i] != 0 && firstMatch[i] == firstMatch[j] && secondMatch[i] == 0
                        && secondMatch[j] == 0) {
                    problems.add(selectors.get(j) + " and " + s + " choose the same function (row " + firstMatch[i]
                            + "); give each function once");
                }
            }
        }
        return problems;
    }
}
