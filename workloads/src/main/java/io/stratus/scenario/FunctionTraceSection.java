package io.stratus.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import io.stratus.sim.Time;
import io.stratus.synthetic.DurationTail;
import io.stratus.synthetic.PiecewiseLinearQuantiles;
import io.stratus.trace.AzureFunctionDurationsReader;
import io.stratus.trace.FunctionDurations;
import io.stratus.trace.FunctionSelection;
import io.stratus.trace.InvocationTotals;
import io.stratus.trace.TraceFormatException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the Azure Functions parts of a scenario: an {@code arrival: { trace: { format:
 * azure-functions, functions: [...] } }} and a {@code service: { trace: { format:
 * azure-functions-durations, path, tail } }}. Both trace files are read when the scenario is
 * loaded, so an unknown function, a malformed file or a function without durations is reported
 * with the scenario's line and the trace's own {@code file:line:column}.
 */
final class FunctionTraceSection {

    /** The arrival trace format this section reads. */
    static final String INVOCATIONS = "azure-functions";
    /** The service trace format this section reads. */
    static final String DURATIONS = "azure-functions-durations";
    /** The most functions whose durations can follow their own invocations minute by minute. */
    static final int MAX_FUNCTIONS_WITH_DURATIONS = 1000;

    private FunctionTraceSection() {
    }

    /** The arrival spec of a trace mapping whose common keys the caller has read. */
    static ArrivalSpec arrival(ConfigNode node, Path path, boolean poisson, double speedup, double multiplier,
                               long from) {
        FunctionSelection selection = selection(node);
        if (selection == null) {
            return null;
        }
        InvocationTotals totals = totals(node, path, selection, 0);
        if (totals == null) {
            return null;
        }
        if (from != Long.MIN_VALUE && (from < 0 || from >= totals.minutes() * Time.MINUTE)) {
            node.problem("from", "the trace covers " + totals.minutes() + " minutes from 0s (its midnight); give from as "
                    + "a duration within it, such as 11h");
            return null;
        }
        return new FunctionArrivals(path, totals, poisson, speedup, multiplier, from);
    }

    /** The demand of a service {@code trace:} mapping, for the given arrivals; null after a problem. */
    static FunctionDemandSpec demand(ConfigNode node, TraceRoots baseDir, ArrivalSpec arrivals) {
        node.allowOnly("format", "path", "tail");
        String format = node.oneOf("format", null, List.of(DURATIONS));
        if (!node.has("format")) {
            node.problem("format", "give the durations' format: " + DURATIONS);
        }
        Path path = TracePaths.existing(node, "path", baseDir);
        String tailName = node.oneOf("tail", DurationTail.AVERAGE.id(), DurationTail.ids());
        if (arrivals != null && !(arrivals instanceof FunctionArrivals)) {
            node.problem("format", "function durations need the arrival to be a trace of format " + INVOCATIONS
                    + ": its invocations choose, minute by minute, whose durations a request gets");
            return null;
        }
        if (format == null || path == null || tailName == null || arrivals == null) {
            return null;
        }
        FunctionArrivals functions = (FunctionArrivals) arrivals;
        List<InvocationTotals.Function> chosen = functions.totals().functions();
        if (chosen.size() > MAX_FUNCTIONS_WITH_DURATIONS) {
            node.problem("path", "the arrival chooses " + chosen.size() + " functions; durations follow at most "
                    + MAX_FUNCTIONS_WITH_DURATIONS + " (choose some with functions: [...])");
            return null;
        }
        Map<String, FunctionDurations> byKey = durations(node, path, chosen);
        if (byKey == null) {
            return null;
        }
        DurationTail tail = DurationTail.named(tailName);
        List<PiecewiseLinearQuantiles> distributions = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        double weighted = 0;
        long all = 0;
        for (InvocationTotals.Function f : chosen) {
            FunctionDurations d = byKey.get(key(f.owner(), f.app(), f.function()));
            if (d == null) {
                missing.add(f.function() + " (row " + f.row() + " of " + functions.path().getFileName() + ")");
                continue;
            }
            PiecewiseLinearQuantiles q = tail.quantiles(d);
            distributions.add(q);
            weighted += f.total() * q.mean();
            all += f.total();
        }
        if (!missing.isEmpty()) {
            node.problem("path", "no durations in " + path.getFileName() + " for function" + (missing.size() == 1 ? " " : "s ")
                    + String.join(", ", missing.subList(0, Math.min(3, missing.size())))
                    + (missing.size() > 3 ? " and " + (missing.size() - 3) + " more" : "")
                    + "; rows are matched on HashOwner, HashApp and HashFunction");
            return null;
        }
        if (all == 0) {
            node.problem("path", "the chosen functions have no invocations in the trace, so no durations to mix");
            return null;
        }
        InvocationTotals rows = totals(node, functions.path(), selectionOf(chosen), MAX_FUNCTIONS_WITH_DURATIONS);
        if (rows == null) {
            return null;
        }
        double meanMicros = Math.max(1, weighted / all * 1000);
        return new FunctionDemandSpec(path, tail, distributions, rows.rows(), functions.origin(), functions.speedup(),
                meanMicros);
    }

    /** The selection in {@code functions:}: all when absent. */
    private static FunctionSelection selection(ConfigNode node) {
        JsonNode list = node.raw("functions");
        if (list == null || list.isNull()) {
            return FunctionSelection.all();
        }
        if (!list.isArray() || list.isEmpty()) {
            node.problem("functions", "expected a non-empty list of HashFunction prefixes or row numbers (1 for the first "
                    + "function), such as [47658c9c, 3], found " + ValueDescriptions.describe(list));
            return null;
        }
        List<FunctionSelection.Selector> selectors = new ArrayList<>();
        boolean ok = true;
        for (int i = 0; i < list.size(); i++) {
            JsonNode item = list.get(i);
            if (item.isIntegralNumber() && item.canConvertToLong() && item.asLong() >= 1) {
                selectors.add(FunctionSelection.Selector.row(item.asLong()));
            } else if (item.isTextual() && !item.asText().isBlank()) {
                selectors.add(FunctionSelection.Selector.prefix(item.asText().strip()));
            } else {
                node.problemAt(node.pointerOf("functions").appendIndex(i), "expected a HashFunction prefix or a row "
                        + "number from 1, found " + ValueDescriptions.describe(item));
                ok = false;
            }
        }
        return ok ? FunctionSelection.of(selectors) : null;
    }

    /** The rows of exactly these functions, by their row numbers. */
    private static FunctionSelection selectionOf(List<InvocationTotals.Function> chosen) {
        return FunctionSelection.of(chosen.stream().map(f -> FunctionSelection.Selector.row(f.row())).toList());
    }

    private static InvocationTotals totals(ConfigNode node, Path path, FunctionSelection selection, int keepRows) {
        try {
            return InvocationTotals.read(path, selection, keepRows);
        } catch (TraceFormatException e) {
            node.problem("path", e.getMessage());
        } catch (IOException e) {
            node.problem("path", "cannot read " + path + ": " + e.getMessage());
        } catch (IllegalArgumentException e) {
            for (String line : e.getMessage().split("\n")) {
                node.problem("functions", line + " (in " + path.getFileName() + ")");
            }
        }
        return null;
    }

    /** The durations of the chosen functions, by owner, app and function; null after a problem. */
    private static Map<String, FunctionDurations> durations(ConfigNode node, Path path,
                                                            List<InvocationTotals.Function> chosen) {
        Map<String, FunctionDurations> wanted = new HashMap<>();
        for (InvocationTotals.Function f : chosen) {
            wanted.put(key(f.owner(), f.app(), f.function()), null);
        }
        try (AzureFunctionDurationsReader reader = new AzureFunctionDurationsReader(path)) {
            for (FunctionDurations d = reader.next(); d != null; d = reader.next()) {
                String key = key(d.owner(), d.app(), d.function());
                if (wanted.containsKey(key) && wanted.get(key) == null) {
                    wanted.put(key, d);
                }
            }
        } catch (TraceFormatException e) {
            node.problem("path", e.getMessage());
            return null;
        } catch (IOException e) {
            node.problem("path", "cannot read " + path + ": " + e.getMessage());
            return null;
        } catch (IllegalArgumentException e) {
            node.problem("path", path + ": " + e.getMessage());
            return null;
        }
        return wanted;
    }

    private static String key(String owner, String app, String function) {
        return owner + '\u0000' + app + '\u0000' + function;
    }
}
