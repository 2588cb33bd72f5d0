package io.stratus.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stratus.run.FaultsResult;
import io.stratus.run.RunResult;
import io.stratus.run.ServiceFaults;
import io.stratus.run.ServiceResult;
import java.util.ArrayList;
import java.util.List;

/**
 * The faults part of a run's summary (only for scenarios with {@code faults:}): per service its
 * availability against the objective, minutes in breach, the longest breach (the time its worst
 * episode took to recover), error budget used, requests failed by cause, and cost; and what
 * happened to the hosts and instances.
 */
public final class FaultsReport {

    private FaultsReport() {
    }

    /** The table rows, header first. */
    static List<String[]> rows(RunResult r, FaultsResult f) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"service", "availability", "objective", "breach min", "longest breach min",
                "error budget used", "no healthy target", "capacity short", "instance lost", "slow", "cost USD"});
        for (ServiceFaults s : f.services()) {
            rows.add(new String[] {s.name(), String.format("%.4f%%", 100 * s.availability()),
                    Numbers.fixed(100 * s.objective(), 2) + "%", String.format("%,d", s.breachMinutes()),
                    String.format("%,d", s.longestBreachMinutes()),
                    Double.isInfinite(s.errorBudgetUsed()) ? "-" : Numbers.fixed(100 * s.errorBudgetUsed(), 1) + "%",
                    String.format("%,d", s.noHealthyTarget()), String.format("%,d", s.capacityShort()),
                    String.format("%,d", s.instanceLost()), String.format("%,d", s.slow()),
                    Numbers.usd(costOf(r, s.name()))});
        }
        return rows;
    }

    /** One sentence on the hosts and instances. */
    static String sentence(FaultsResult f) {
        return String.format("Faults: %,d host failures (%s host-hours down), %,d instances lost with their hosts, "
                + "%,d recovered by EC2 automatic recovery, %d scheduled-event notices", f.hostFailures(),
                Numbers.fixed(f.hostHoursDown(), 1), f.instancesLost(), f.instancesRecovered(), f.notices());
    }

    private static double costOf(RunResult r, String service) {
        return r.services().stream().filter(s -> s.name().equals(service)).mapToDouble(ServiceResult::costUsd)
                .findFirst().orElse(0);
    }

    /** The terminal table and sentence, or nothing without faults. */
    static String text(RunResult r) {
        return r.faults().map(f -> "\n" + SummaryTable.align(rows(r, f)) + sentence(f) + "\n").orElse("");
    }

    /** The Markdown table and sentence, or nothing without faults. */
    static void markdown(StringBuilder b, RunResult r) {
        r.faults().ifPresent(f -> {
            List<String[]> rows = rows(r, f);
            b.append("\n| ").append(String.join(" | ", rows.get(0))).append(" |\n|---|");
            b.append("--:|".repeat(rows.get(0).length - 1)).append('\n');
            for (String[] row : rows.subList(1, rows.size())) {
                row[0] = MarkdownCells.cell(row[0]);
                b.append("| ").append(String.join(" | ", row)).append(" |\n");
            }
            b.append('\n').append(sentence(f)).append(".\n");
        });
    }

    /** The {@code faults} object of {@code summary.json}, or nothing without faults. */
    static void json(ObjectNode root, RunResult r) {
        r.faults().ifPresent(f -> {
            ObjectNode n = root.putObject("faults");
            n.put("hostFailures", f.hostFailures());
            n.put("hostHoursDown", Numbers.sig6(f.hostHoursDown()));
            n.put("instancesLost", f.instancesLost());
            n.put("instancesRecovered", f.instancesRecovered());
            n.put("notices", f.notices());
            ArrayNode services = n.putArray("services");
            for (ServiceFaults s : f.services()) {
                ObjectNode o = services.addObject();
                o.put("name", s.name());
                o.put("requests", s.requests());
                o.put("availability", Numbers.sig6(s.availability()));
                o.put("objective", Numbers.sig6(s.objective()));
                o.put("minutes", s.minutes());
                o.put("breachMinutes", s.breachMinutes());
                o.put("longestBreachMinutes", s.longestBreachMinutes());
                if (!Double.isInfinite(s.errorBudgetUsed())) {
                    o.put("errorBudgetUsed", Numbers.sig6(s.errorBudgetUsed()));
                }
                ObjectNode failed = o.putObject("failed");
                failed.put("noHealthyTarget", s.noHealthyTarget());
                failed.put("capacityShort", s.capacityShort());
                failed.put("instanceLost", s.instanceLost());
                o.put("slow", s.slow());
                o.put("costUsd", Numbers.sig6(costOf(r, s.name())));
            }
        });
    }
}
