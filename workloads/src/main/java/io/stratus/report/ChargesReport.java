package io.stratus.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stratus.pricing.Charge;
import io.stratus.pricing.ChargeKind;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The charges beyond instances and EBS volumes in the run's reports: one line each (what, unit,
 * quantity, rate, cost) in {@code summary.json}, {@code summary.md}, the terminal and
 * {@code compare.*}, and their totals per kind in the cost sentence.
 */
public final class ChargesReport {

    private ChargesReport() {
    }

    /** Totals per kind, in {@link ChargeKind} order. */
    static Map<ChargeKind, Double> byKind(List<Charge> charges) {
        Map<ChargeKind, Double> out = new EnumMap<>(ChargeKind.class);
        for (Charge c : charges) {
            out.merge(c.kind(), c.costUsd(), Double::sum);
        }
        return out;
    }

    /** ", load balancers $4.32, data transfer $2.31, public IPv4 $3.44" for the cost sentence. */
    static String sentencePart(List<Charge> charges) {
        StringBuilder b = new StringBuilder();
        byKind(charges).forEach((kind, usd) -> {
            if (usd > 0) { // a kind within its free allowance stays in the table, not in the sentence
                b.append(", ").append(kind.label()).append(" $").append(Numbers.usd(usd));
            }
        });
        return b.toString();
    }

    /** The lines as a JSON array under {@code key} of {@code parent}. */
    static void json(ObjectNode parent, String key, List<Charge> charges) {
        ArrayNode list = parent.putArray(key);
        for (Charge c : charges) {
            ObjectNode n = list.addObject();
            n.put("kind", c.kind().label());
            n.put("name", c.name());
            n.put("unit", c.unit());
            n.put("quantity", Numbers.sig6(c.quantity()));
            n.put("usdPerUnit", Numbers.sig6(c.usdPerUnit()));
            n.put("costUsd", Numbers.sig6(c.costUsd()));
        }
    }

    /** A header row and one row per line. */
    static List<String[]> rows(List<Charge> charges) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"charge", "unit", "quantity", "USD per unit", "cost USD"});
        for (Charge c : charges) {
            rows.add(new String[] {c.name(), c.unit(), quantity(c.quantity()), rate(c.usdPerUnit()),
                Numbers.usd(c.costUsd())});
        }
        return rows;
    }

    /** The lines as a Markdown table, after a blank line. */
    static void markdown(StringBuilder b, List<Charge> charges) {
        List<String[]> rows = rows(charges);
        b.append("\n| ").append(String.join(" | ", rows.get(0))).append(" |\n");
        b.append("|---|---|--:|--:|--:|\n");
        for (String[] row : rows.subList(1, rows.size())) {
            b.append("| ").append(String.join(" | ", row)).append(" |\n");
        }
    }

    private static String quantity(double q) {
        return q >= 100 ? String.format(Locale.ROOT, "%,.1f", q) : String.format(Locale.ROOT, "%.4f", q);
    }

    private static String rate(double usd) {
        return String.format(Locale.ROOT, "%.4f", usd).replaceAll("0+$", "").replaceAll("\\.$", ".0");
    }
}
