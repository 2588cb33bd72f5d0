package io.stratus.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stratus.run.RunResult;
import io.stratus.run.ServiceResult;
import io.stratus.run.SpotOutcome;
import io.stratus.run.SpotPoolOutcome;

/**
 * The spot part of a summary, for services that launched spot instances: the market's signals
 * (rebalance recommendations, interruption notices, reclaims), the replacements capacity
 * rebalancing launched ahead of reclaims, and the requests lost with reclaimed instances. Absent
 * when no service launched spot, so summaries of on-demand runs are unchanged.
 */
final class SpotSummary {

    private SpotSummary() {
    }

    /** The Markdown table, when any service launched spot. */
    static void markdown(StringBuilder b, RunResult r) {
        if (r.services().stream().noneMatch(s -> s.spot() != null)) {
            return;
        }
        b.append("\n| service | spot launched | rebalance recommendations | interruption notices | reclaimed "
                + "| replaced before reclaim | requests dropped | spot cost USD |\n");
        b.append("|---|--:|--:|--:|--:|--:|--:|--:|\n");
        for (ServiceResult s : r.services()) {
            SpotOutcome o = s.spot();
            if (o != null) {
                b.append(String.format("| %s | %,d | %,d | %,d | %,d | %,d | %,d | %s |\n", s.name(), o.spotLaunches(),
                        o.recommendations(), o.notices(), o.reclaimed(), o.rebalanceReplacements(), s.dropped(),
                        Numbers.usd(o.spotUsd())));
            }
        }
    }

    /** The {@code spot} object of a service in {@code summary.json}, when it launched spot. */
    static void json(ObjectNode service, ServiceResult s) {
        SpotOutcome o = s.spot();
        if (o == null) {
            return;
        }
        ObjectNode n = service.putObject("spot");
        n.put("instancesLaunched", o.spotLaunches());
        n.put("rebalanceRecommendations", o.recommendations());
        n.put("interruptionNotices", o.notices());
        n.put("reclaimed", o.reclaimed());
        n.put("replacedBeforeReclaim", o.rebalanceReplacements());
        n.put("spotCostUsd", Numbers.sig6(o.spotUsd()));
        ArrayNode pools = n.putArray("pools");
        for (SpotPoolOutcome p : o.pools()) {
            ObjectNode pn = pools.addObject();
            pn.put("pool", p.pool());
            pn.put("launched", p.launched());
            pn.put("interruptionNotices", p.notices());
            pn.put("reclaimed", p.reclaimed());
            pn.put("instanceHours", Numbers.sig6(p.instanceHours()));
        }
    }
}
