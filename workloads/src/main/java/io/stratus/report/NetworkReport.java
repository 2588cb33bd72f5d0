package io.stratus.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stratus.run.NetworkResult;
import java.util.ArrayList;
import java.util.List;

/**
 * The VPC part of a run's reports, only for scenarios with {@code network:}: a table of each
 * subnet's addresses (usable, peak taken, taken at the end) and the findings, one sentence each,
 * in the terminal, {@code summary.md} and {@code summary.json}.
 */
final class NetworkReport {

    private NetworkReport() {
    }

    /** The subnet table, header first. */
    static List<String[]> rows(NetworkResult n) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"subnet", "block", "zone", "usable", "peak taken", "taken at end"});
        for (NetworkResult.SubnetUse s : n.subnets()) {
            rows.add(new String[] {s.name(), s.cidr(), s.zone(), Integer.toString(s.usable()),
                    Integer.toString(s.peak()), Integer.toString(s.takenEnd())});
        }
        return rows;
    }

    /** For the terminal: the table and a "Network:" line per finding. */
    static void text(StringBuilder b, NetworkResult n) {
        if (!n.present()) {
            return;
        }
        b.append('\n').append(SummaryTable.align(rows(n)));
        n.findings().forEach(f -> b.append("Network: ").append(f).append('\n'));
    }

    /** For {@code summary.md}. */
    static void markdown(StringBuilder b, NetworkResult n) {
        if (!n.present()) {
            return;
        }
        List<String[]> rows = rows(n);
        b.append("\n| ").append(String.join(" | ", rows.get(0))).append(" |\n");
        b.append("|---|---|---|--:|--:|--:|\n");
        for (String[] row : rows.subList(1, rows.size())) {
            b.append("| ").append(String.join(" | ", row)).append(" |\n");
        }
        n.findings().forEach(f -> b.append("\n**Network:** ").append(f).append('\n'));
    }

    /** For {@code summary.json}: {@code network: { subnets: [...], findings: [...] }}. */
    static void json(ObjectNode root, NetworkResult n) {
        if (!n.present()) {
            return;
        }
        ObjectNode net = root.putObject("network");
        ArrayNode subnets = net.putArray("subnets");
        for (NetworkResult.SubnetUse s : n.subnets()) {
            ObjectNode o = subnets.addObject();
            o.put("name", s.name());
            o.put("cidr", s.cidr());
            o.put("zone", s.zone());
            o.put("usable", s.usable());
            o.put("peakTaken", s.peak());
            o.put("takenAtEnd", s.takenEnd());
        }
        ArrayNode findings = net.putArray("findings");
        n.findings().forEach(findings::add);
    }
}
