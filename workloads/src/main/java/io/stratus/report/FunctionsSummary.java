package io.stratus.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stratus.run.FunctionResult;
import io.stratus.run.RunResult;
import java.util.ArrayList;
import java.util.List;

/**
 * The AWS Lambda functions' part of the summaries: one row per function (invocations, throttles,
 * cold starts and their share, latency, concurrency, environments, cost). Written only when the
 * run has functions, so the summaries of other runs are unchanged.
 */
final class FunctionsSummary {

    private FunctionsSummary() {
    }

    private static final String[] HEADER = {"function", "memory", "invocations", "throttled", "cold starts",
        "mean ms", "p50 ms", "p99 ms", "mean concurrency", "peak", "cost USD"};

    private static String[] row(FunctionResult f) {
        return new String[] {f.name(), f.memoryMb() + " MB " + f.architecture() + (f.queued() ? " (queue)" : ""),
            String.format("%,d", f.invocations()), String.format("%,d", f.throttles()),
            String.format("%,d (%s%%)", f.coldStarts(), Numbers.fixed(100 * f.coldStartShare(), 2)),
            Numbers.fixed(f.meanMs(), 1), Numbers.fixed(f.p50Ms(), 1), Numbers.fixed(f.p99Ms(), 1),
            Numbers.fixed(f.meanConcurrency(), 2), String.valueOf(f.peakConcurrency()), Numbers.usd(f.costUsd())};
    }

    /** Rows for the aligned text table, header first. */
    static List<String[]> tableRows(RunResult r) {
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADER);
        r.functions().forEach(f -> rows.add(row(f)));
        return rows;
    }

    /** The Markdown table. */
    static void markdown(StringBuilder b, RunResult r) {
        MarkdownCells.table(b, HEADER, r.functions().stream().map(FunctionsSummary::row).toList());
    }

    /** The {@code functions} array of summary.json. */
    static void json(ObjectNode root, RunResult r) {
        ArrayNode out = root.putArray("functions");
        for (FunctionResult f : r.functions()) {
            ObjectNode n = out.addObject();
            n.put("name", f.name());
            n.put("memoryMb", f.memoryMb());
            n.put("architecture", f.architecture());
            n.put("queued", f.queued());
            n.put("arrivals", f.arrivals());
            n.put("invocations", f.invocations());
            n.put("throttles", f.throttles());
            n.put("coldStarts", f.coldStarts());
            n.put("coldStartShare", Numbers.sig6(f.coldStartShare()));
            n.put("timeouts", f.timeouts());
            n.put("completed", f.completed());
            n.put("waitingAtEnd", f.waitingAtEnd());
            ObjectNode latency = n.putObject("latencyMs");
            latency.put("mean", Numbers.sig6(f.meanMs()));
            latency.put("p50", Numbers.sig6(f.p50Ms()));
            latency.put("p99", Numbers.sig6(f.p99Ms()));
            latency.put("max", Numbers.sig6(f.maxMs()));
            n.put("meanConcurrency", Numbers.sig6(f.meanConcurrency()));
            n.put("peakConcurrency", f.peakConcurrency());
            n.put("meanEnvironments", Numbers.sig6(f.meanEnvironments()));
            n.put("costUsd", Numbers.sig6(f.costUsd()));
        }
    }
}
