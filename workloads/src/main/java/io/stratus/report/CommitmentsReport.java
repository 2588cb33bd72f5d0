package io.stratus.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stratus.pricing.Bill;
import io.stratus.pricing.Charge;
import io.stratus.pricing.CostReport;
import io.stratus.sim.Time;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The bill of a {@code stratus run} whose scenario has {@code commitments:}: the same usage as the
 * on-demand bill above it, with the account's reservations, savings plans and capacity reservations
 * applied (as every {@code stratus compare} strategy carries them), each commitment's cost,
 * utilisation and break-even utilisation, and the total against on demand.
 */
final class CommitmentsReport {

    private CommitmentsReport() {
    }

    /** A header row and one row per commitment. */
    static List<String[]> rows(CostReport c) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"commitment", "cost USD", "utilisation", "break-even utilisation"});
        for (Bill.CommitmentUse u : c.commitments()) {
            rows.add(new String[] {u.label(), Numbers.usd(u.costUsd()), percent(u.utilisation()),
                percent(u.breakEvenUtilisation())});
        }
        return rows;
    }

    /** One sentence: the committed total, its parts, and the saving against the on-demand bill. */
    static String sentence(CostReport c, double onDemandTotalUsd, long durationMicros) {
        StringBuilder b = new StringBuilder("With the account's commitments: $").append(Numbers.usd(c.totalUsd()))
                .append(" for ").append(Time.compact(durationMicros)).append(" (");
        List<String> parts = new ArrayList<>();
        c.byCategory().forEach((k, v) -> {
            if (v != 0) {
                parts.add(k.label() + " $" + Numbers.usd(v));
            }
        });
        double charges = Charge.totalUsd(c.bill().charges());
        if (charges != 0) {
            parts.add("other charges $" + Numbers.usd(charges));
        }
        b.append(String.join(", ", parts)).append("), ");
        double saved = onDemandTotalUsd - c.totalUsd();
        b.append(saved >= 0 ? "saving $" + Numbers.usd(saved) : "costing $" + Numbers.usd(-saved) + " more")
                .append(onDemandTotalUsd > 0 ? String.format(Locale.ROOT, " (%.1f%%)", 100 * Math.abs(saved)
                        / onDemandTotalUsd) : "")
                .append(" against on demand");
        return b.toString();
    }

    /** The commitments' table and sentence as text, after a blank line. */
    static String text(CostReport c, double onDemandTotalUsd, long durationMicros) {
        return "\n" + SummaryTable.align(rows(c)) + sentence(c, onDemandTotalUsd, durationMicros) + "\n";
    }

    /** The same as a Markdown section. */
    static String markdown(CostReport c, double onDemandTotalUsd, long durationMicros) {
        List<String[]> rows = rows(c);
        StringBuilder b = new StringBuilder("\n## With the account's commitments\n\n| ")
                .append(String.join(" | ", rows.get(0))).append(" |\n|---|--:|--:|--:|\n");
        for (String[] row : rows.subList(1, rows.size())) {
            b.append("| ").append(MarkdownCells.cell(row[0])).append(" | ")
                    .append(String.join(" | ", List.of(row).subList(1, row.length))).append(" |\n");
        }
        return b.append('\n').append(sentence(c, onDemandTotalUsd, durationMicros)).append(".\n").toString();
    }

    /** {@code withCommitments}: the committed bill in {@code summary.json}. */
    static void json(ObjectNode root, CostReport c, double onDemandTotalUsd) {
        ObjectNode n = root.putObject("withCommitments");
        n.put("totalUsd", Numbers.sig6(c.totalUsd()));
        n.put("savingsVsOnDemandUsd", Numbers.sig6(onDemandTotalUsd - c.totalUsd()));
        n.put("chargesUsd", Numbers.sig6(Charge.totalUsd(c.bill().charges())));
        ObjectNode parts = n.putObject("byCategory");
        c.byCategory().forEach((k, v) -> parts.put(k.name().toLowerCase(Locale.ROOT), Numbers.sig6(v)));
        ArrayNode list = n.putArray("commitments");
        for (Bill.CommitmentUse u : c.commitments()) {
            list.addObject().put("label", u.label()).put("costUsd", Numbers.sig6(u.costUsd()))
                    .put("utilisation", Numbers.sig6(u.utilisation()))
                    .put("breakEvenUtilisation", Numbers.sig6(u.breakEvenUtilisation()));
        }
    }

    private static String percent(double fraction) {
        return Double.isFinite(fraction) ? String.format(Locale.ROOT, "%.1f%%", 100 * fraction) : "-";
    }
}
