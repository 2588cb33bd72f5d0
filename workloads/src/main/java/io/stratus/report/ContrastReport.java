package io.stratus.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stratus.run.BatchResult;
import io.stratus.run.ConsolidationResult;
import io.stratus.run.ContrastResult;
import io.stratus.run.QueueResult;
import io.stratus.run.RunResult;
import io.stratus.run.ServiceResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * The contrast of a run ({@code contrast: { alone: [...] }}): each named workload's headline
 * measures shared (in the scenario) and alone (the contrast run), side by side, in the printed
 * table, {@code summary.md} and {@code summary.json}.
 */
final class ContrastReport {

    /** One measure of one workload in both runs. */
    record Row(String workload, String measure, String key, double shared, double alone, String format) {
    }

    private ContrastReport() {
    }

    /** The side-by-side rows, in the order the names are listed. */
    static List<Row> rows(RunResult shared, ContrastResult contrast) {
        RunResult alone = contrast.result();
        List<Row> rows = new ArrayList<>();
        for (String name : contrast.alone()) {
            find(shared.services(), alone.services(), ServiceResult::name, name).ifPresent(p -> {
                add(rows, name, "mean latency ms", "meanMs", p, ServiceResult::meanMs, "%.2f");
                add(rows, name, "p99 latency ms", "p99Ms", p, ServiceResult::p99Ms, "%.2f");
                add(rows, name, "CPU steal %", "cpuStealPercent", p, s -> 100 * s.stealFraction(), "%.2f");
                add(rows, name, "CPU utilisation %", "cpuUtilisationPercent", p, s -> 100 * s.cpuUtilisation(), "%.2f");
                add(rows, name, "completed", "completed", p, s -> s.completed(), "%,.0f");
            });
            find(shared.batches(), alone.batches(), BatchResult::name, name).ifPresent(p -> {
                add(rows, name, "mean wait s", "meanWaitSeconds", p, BatchResult::meanWaitS, "%.1f");
                add(rows, name, "mean response s", "meanResponseSeconds", p, BatchResult::meanResponseS, "%.1f");
                add(rows, name, "jobs completed", "jobsCompleted", p, b -> b.completed(), "%,.0f");
            });
            find(shared.queues(), alone.queues(), QueueResult::name, name).ifPresent(p -> {
                add(rows, name, "mean s in queue", "meanSecondsInQueue", p, QueueResult::meanTimeInQueueS, "%.2f");
                add(rows, name, "mean workers", "meanWorkers", p, QueueResult::meanWorkers, "%.2f");
                add(rows, name, "messages deleted", "messagesDeleted", p, q -> q.deleted(), "%,.0f");
            });
            find(shared.consolidation().stream().toList(), alone.consolidation().stream().toList(),
                    ConsolidationResult::name, name).ifPresent(p -> {
                add(rows, name, "VM utilisation delivered %", "vmUtilisationDeliveredPercent", p,
                        c -> 100 * c.meanDelivered(), "%.2f");
                add(rows, name, "VM steal %", "vmStealPercent", p, c -> 100 * c.stealFraction(), "%.2f");
            });
        }
        return rows;
    }

    /** The rows as table cells, with a header. */
    static List<String[]> cells(RunResult shared, ContrastResult contrast) {
        List<String[]> out = new ArrayList<>();
        out.add(new String[] {"workload", "measure", "shared", "alone"});
        for (Row r : rows(shared, contrast)) {
            out.add(new String[] {r.workload(), r.measure(), format(r.format(), r.shared()),
                format(r.format(), r.alone())});
        }
        return out;
    }

    /** A sentence naming the contrast run. */
    static String title(ContrastResult contrast) {
        return String.join(", ", contrast.alone()) + " shared with the other workloads, and alone on the same hosts "
                + "(same region, seed and arrivals)";
    }

    static void markdown(StringBuilder b, RunResult r, ContrastResult contrast) {
        b.append("\n").append(title(contrast)).append(":\n\n| workload | measure | shared | alone |\n|---|---|--:|--:|\n");
        List<String[]> cells = cells(r, contrast);
        for (String[] row : cells.subList(1, cells.size())) {
            b.append("| ").append(String.join(" | ", row)).append(" |\n");
        }
    }

    /** The side-by-side measures, and the whole contrast run as its own summary. */
    static void json(ObjectNode n, RunResult r, ContrastResult contrast, ObjectNode aloneSummary) {
        ArrayNode alone = n.putArray("alone");
        contrast.alone().forEach(alone::add);
        ArrayNode side = n.putArray("sideBySide");
        for (Row row : rows(r, contrast)) {
            ObjectNode o = side.addObject();
            o.put("workload", row.workload());
            o.put("measure", row.key());
            o.put("shared", Numbers.sig6(row.shared()));
            o.put("alone", Numbers.sig6(row.alone()));
        }
        n.set("aloneRun", aloneSummary);
    }

    /** A workload's result in the shared run and in the contrast run. */
    private record Pair<T>(T shared, T alone) {
    }

    private static <T> Optional<Pair<T>> find(List<T> shared, List<T> alone, Function<T, String> name, String wanted) {
        Optional<T> s = shared.stream().filter(x -> name.apply(x).equals(wanted)).findFirst();
        Optional<T> a = alone.stream().filter(x -> name.apply(x).equals(wanted)).findFirst();
        return s.isPresent() && a.isPresent() ? Optional.of(new Pair<>(s.get(), a.get())) : Optional.empty();
    }

    private static <T> void add(List<Row> rows, String name, String measure, String key, Pair<T> pair,
                                ToDoubleFunction<T> value, String format) {
        rows.add(new Row(name, measure, key, value.applyAsDouble(pair.shared()), value.applyAsDouble(pair.alone()),
                format));
    }

    private static String format(String format, double v) {
        return Double.isNaN(v) ? "-" : Numbers.withoutNegativeZero(String.format(format, v));
    }
}
