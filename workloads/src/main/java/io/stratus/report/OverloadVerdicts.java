package io.stratus.report;

import io.stratus.run.QueueResult;
import io.stratus.run.RunResult;
import io.stratus.run.ServiceResult;
import java.util.ArrayList;
import java.util.List;

/**
 * The "overloaded" verdict of a run: one sentence per service or queue that refused work because
 * its bound on work in progress was reached ({@code load-balancer.max-in-flight} per instance,
 * {@code max-messages} per queue), saying how much and what to change. Overload is a result of
 * the scenario, reported like any other, not a failure of the simulation.
 */
public final class OverloadVerdicts {

    private OverloadVerdicts() {
    }

    /** The verdicts, in service then queue order; empty when nothing was overloaded. */
    public static List<String> of(RunResult r) {
        List<String> out = new ArrayList<>();
        for (ServiceResult s : r.services()) {
            if (s.overloaded() > 0) {
                out.add(String.format("%s is overloaded: %,d of %,d requests (%s) refused because their instance "
                        + "already had its load-balancer.max-in-flight requests in progress; add instances "
                        + "(or raise auto-scaling max), lower the arrival rate, or raise max-in-flight",
                        s.name(), s.overloaded(), s.requests(), percent(s.overloaded(), s.requests())));
            }
        }
        for (QueueResult q : r.queues()) {
            if (q.overloaded() > 0) {
                out.add(String.format("%s is overloaded: %,d of %,d messages (%s) refused because the queue "
                        + "already held its max-messages; add workers (raise workers.max or lower "
                        + "backlog-per-instance), lower the arrival rate, or raise max-messages",
                        q.name(), q.overloaded(), q.sent() + q.overloaded(),
                        percent(q.overloaded(), q.sent() + q.overloaded())));
            }
        }
        return out;
    }

    private static String percent(long part, long whole) {
        return String.format("%.1f%%", 100.0 * part / whole);
    }
}
