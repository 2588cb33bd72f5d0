package io.stratus.trace;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The per-minute invocation counts of chosen functions of an Azure Functions trace, summed: one
 * request-rate series, the load that a single endpoint serving all of them would see.
 *
 * <p>The trace is a matrix with one row per function and one column per minute, so a per-minute
 * sum needs every row. {@link #read} streams the rows once through an {@link AzureFunctionsReader}
 * and adds each chosen row into one array of {@code minutes} longs: memory is one row plus the
 * sums plus a few fields per chosen function, never the matrix (the full 2019 trace has tens of
 * thousands of functions a day). Optionally ({@link #read(Path, FunctionSelection, int)}) it also
 * keeps each chosen function's own row, for a bounded number of functions.
 */
public final class InvocationTotals {

    /**
     * A chosen function and its invocations over the whole trace.
     *
     * @param owner    anonymised owner hash
     * @param app      anonymised application hash
     * @param function anonymised function hash
     * @param trigger  what invokes it
     * @param row      its row among the file's functions, 1 for the first
     * @param total    its invocations over the trace
     */
    public record Function(String owner, String app, String function, String trigger, long row, long total) {

        public Function {
            Objects.requireNonNull(owner, "owner");
            Objects.requireNonNull(app, "app");
            Objects.requireNonNull(function, "function");
            Objects.requireNonNull(trigger, "trigger");
        }
    }

    private final long[] perMinute;
    private final List<Function> functions;
    private final int[][] rows;

    private InvocationTotals(long[] perMinute, List<Function> functions, int[][] rows) {
        this.perMinute = perMinute;
        this.functions = List.copyOf(functions);
        this.rows = rows;
    }

    /**
     * Streams {@code file} once and sums the chosen functions per minute.
     *
     * @throws TraceFormatException     if the file does not follow the format
     * @throws IllegalArgumentException if the selection does not pick exactly what it names (the
     *                                  message lists every problem, one a line)
     */
    public static InvocationTotals read(Path file, FunctionSelection selection) throws IOException {
        return read(file, selection, 0);
    }

    /**
     * As {@link #read(Path, FunctionSelection)}, also keeping the per-minute row of each chosen
     * function when {@code keepRows > 0}.
     *
     * @param keepRows the most functions whose rows may be kept (0: keep none)
     * @throws IllegalArgumentException also when more than {@code keepRows} functions are chosen
     */
    public static InvocationTotals read(Path file, FunctionSelection selection, int keepRows) throws IOException {
        FunctionSelection pass = selection.fresh();
        long[] sums = null;
        List<Function> chosen = new ArrayList<>();
        List<int[]> kept = new ArrayList<>();
        try (AzureFunctionsReader reader = new AzureFunctionsReader(file)) {
            long row = 0;
            for (FunctionInvocations f = reader.next(); f != null; f = reader.next()) {
                row++;
                if (pass.pick(row, f.function()) < 0) {
                    continue;
                }
                if (sums == null) {
                    sums = new long[f.minutes()];
                }
                long total = 0;
                for (int k = 0; k < sums.length; k++) {
                    int c = f.count(k);
                    sums[k] += c;
                    total += c;
                }
                chosen.add(new Function(f.owner(), f.app(), f.function(), f.trigger(), row, total));
                if (keepRows > 0) {
                    if (kept.size() == keepRows) {
                        throw new IllegalArgumentException("more than " + keepRows + " functions chosen; choose at most "
                                + keepRows + " with functions: [...] (their durations follow each one's invocations)");
                    }
                    kept.add(f.perMinute());
                }
            }
        }
        List<String> problems = pass.problems();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("\n", problems));
        }
        return new InvocationTotals(sums, chosen, keepRows > 0 ? kept.toArray(int[][]::new) : null);
    }

    /**
     * The kept rows: {@code rows()[f][k]} is the invocations of the {@code f}-th chosen function
     * in minute {@code k} (a copy).
     *
     * @throws IllegalStateException if the rows were not kept
     */
    public int[][] rows() {
        if (rows == null) {
            throw new IllegalStateException("the rows were not kept; read with keepRows > 0");
        }
        int[][] copy = new int[rows.length][];
        for (int f = 0; f < rows.length; f++) {
            copy[f] = rows[f].clone();
        }
        return copy;
    }

    /** The number of minutes covered. */
    public int minutes() {
        return perMinute.length;
    }

    /** Invocations of the chosen functions in minute {@code k} (0 is 00:00 to 00:01). */
    public long count(int minute) {
        return perMinute[minute];
    }

    /** The per-minute sums (a copy). */
    public long[] perMinute() {
        return perMinute.clone();
    }

    /** All invocations of the chosen functions over the trace. */
    public long total() {
        return Arrays.stream(perMinute).sum();
    }

    /** Invocations of the chosen functions in minutes {@code [from, to)}. */
    public long total(int from, int to) {
        long total = 0;
        for (int k = Math.max(0, from); k < Math.min(to, perMinute.length); k++) {
            total += perMinute[k];
        }
        return total;
    }

    /** The chosen functions, in file order. */
    public List<Function> functions() {
        return functions;
    }

    /** The sums as one-minute bins starting at time 0 (the trace's midnight), for a rate replay. */
    public RecordSource<RequestCount> bins() {
        return RequestCount.minuteBins(perMinute.length, minute -> perMinute[minute]);
    }
}
