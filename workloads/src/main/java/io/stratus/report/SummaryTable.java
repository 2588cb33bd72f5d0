package io.stratus.report;

import io.stratus.pricing.CostReport;
import io.stratus.run.BatchResult;
import io.stratus.run.DedicatedHostResult;
import io.stratus.run.QueueResult;
import io.stratus.run.RunResult;
import io.stratus.run.ServiceResult;
import io.stratus.sim.Time;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The summary printed at the end of a run: one row per service, then the bill. */
public final class SummaryTable {

    private SummaryTable() {
    }

    /**
     * The table as text lines, followed by the bill with the account's commitments applied when
     * {@code committed} holds one ({@code stratus run} of a scenario with {@code commitments:}).
     */
    public static String render(RunResult r, Optional<CostReport> committed) {
        return render(r) + committed.filter(c -> !c.commitments().isEmpty())
                .map(c -> CommitmentsReport.text(c, r.costUsd(), r.durationMicros())).orElse("");
    }

    /** The table as text lines. */
    public static String render(RunResult r) {
        StringBuilder b = new StringBuilder();
        b.append("Stratus | ").append(r.scenario()).append(" | seed ").append(r.seed()).append(" | ")
                .append(Time.compact(r.durationMicros())).append(" simulated on ").append(r.hosts())
                .append(" hosts\n");
        if (!r.services().isEmpty()) {
            b.append('\n').append(align(serviceRows(r)));
            for (ServiceResult s : r.services()) {
                if (!Double.isNaN(s.cacheHitRatio())) {
                    b.append(String.format("%s: cache hit ratio %.2f%%\n", s.name(), 100 * s.cacheHitRatio()));
                }
            }
        }
        if (!r.batches().isEmpty()) {
            b.append('\n').append(align(batchRows(r)));
        }
        if (!r.queues().isEmpty()) {
            b.append('\n').append(align(queueRows(r)));
        }
        if (!r.gpuClusters().isEmpty()) {
            b.append('\n').append(align(GpuSummary.tableRows(r)));
        }
        if (!r.functions().isEmpty()) {
            b.append('\n').append(align(FunctionsSummary.tableRows(r)));
        }
        r.consolidation().ifPresent(c -> b.append('\n').append(align(ConsolidationReport.hostRows(c)))
                .append('\n').append(align(ConsolidationReport.utilisationRows(c))));
        if (!r.dedicatedHosts().isEmpty()) {
            b.append('\n').append(align(dedicatedHostRows(r)));
        }
        r.contrast().ifPresent(c -> b.append('\n').append(ContrastReport.title(c)).append(":\n")
                .append(align(ContrastReport.cells(r, c))));
        if (!r.charges().isEmpty()) {
            b.append('\n').append(align(ChargesReport.rows(r.charges())));
        }
        b.append(FaultsReport.text(r));
        if (billsAnything(r)) {
            b.append('\n').append(costSentence(r, "")).append('\n');
        }
        if (r.insufficientCapacity() > 0) {
            b.append("Warning: ").append(r.insufficientCapacity())
                    .append(" launches failed for insufficient host capacity");
            if (r.refusedByGroupRules() > 0) {
                b.append(" (").append(r.refusedByGroupRules()).append(" of them refused by placement-group rules)");
            }
            b.append('\n');
        }
        OverloadVerdicts.of(r).forEach(v -> b.append("Overloaded: ").append(v).append('\n'));
        NetworkReport.text(b, r.network());
        return b.toString();
    }

    /**
     * Whether the run has anything to bill: EC2 workloads (services, batch, queues, GPU clusters,
     * whose nodes are instances, or a consolidation) or allocated Dedicated Hosts.
     */
    static boolean billsAnything(RunResult r) {
        return !r.services().isEmpty() || !r.batches().isEmpty() || !r.queues().isEmpty()
                || !r.gpuClusters().isEmpty() || r.consolidation().isPresent() || r.dedicatedHostUsd() > 0
                || !r.functions().isEmpty();
    }

    /**
     * The run's cost in one sentence, the total wrapped in {@code emphasis} (such as {@code **}
     * for Markdown): the total, its split into instances on shared tenancy, Dedicated Instances
     * (at the dedicated price), EBS volumes, Dedicated Hosts, the charges per kind (load balancers,
     * data transfer, public IPv4, ...) and the Dedicated Instance region fee (per account, so in no
     * workload's cost) when there are any, and the total scaled to a 730-hour month.
     */
    static String costSentence(RunResult r, String emphasis) {
        if (!billsAnything(r)) {
            throw new IllegalArgumentException("no EC2 workload in " + r.scenario() + ": nothing is billed");
        }
        double perMonth = r.costUsd() / r.durationMicros() * 730 * Time.HOUR;
        double spot = r.services().stream().filter(s -> s.spot() != null).mapToDouble(s -> s.spot().spotUsd()).sum();
        // with spot instances, the cost is no longer all on demand: they are billed at the spot price
        StringBuilder b = new StringBuilder(spot > 0 ? "Cost: " : "On-demand cost: ").append(emphasis).append('$')
                .append(Numbers.usd(r.costUsd())).append(emphasis).append(" for ").append(Time.compact(r.durationMicros()));
        double hosts = r.dedicatedHostUsd();
        boolean dedicated = r.hasDedicatedInstances();
        if (r.ebsUsd() > 0 || !r.dedicatedHosts().isEmpty() || dedicated || !r.charges().isEmpty() || r.surplusCreditsUsd() > 0) {
            double shared = r.costUsd() - r.ebsUsd() - hosts - r.chargesUsd() - r.surplusCreditsUsd();
            if (dedicated) {
                shared -= r.dedicatedInstanceUsd() + r.dedicatedRegionFeeUsd();
            }
            b.append(" (instances $").append(Numbers.usd(shared));
            if (spot > 0) {
                b.append(", $").append(Numbers.usd(spot)).append(" of it spot at the spot price");
            }
            if (dedicated) {
                b.append(", Dedicated Instances $").append(Numbers.usd(r.dedicatedInstanceUsd()));
            }
            if (r.surplusCreditsUsd() > 0) {
                b.append(", burstable surplus credits $").append(Numbers.usd(r.surplusCreditsUsd()));
            }
            if (r.ebsUsd() > 0) {
                b.append(", EBS volumes $").append(Numbers.usd(r.ebsUsd()));
            }
            if (!r.dedicatedHosts().isEmpty()) {
                b.append(", Dedicated Hosts $").append(Numbers.usd(hosts));
            }
            b.append(ChargesReport.sentencePart(r.charges()));
            if (dedicated) {
                b.append("; Dedicated Instance region fee $").append(Numbers.usd(r.dedicatedRegionFeeUsd()))
                        .append(", charged per account, not per workload");
            }
            b.append(')');
        }
        return b.append(", $").append(Numbers.usd(perMonth)).append(" per month (730 h)").toString();
    }

    /**
     * One row per Dedicated Host allocation: whose, where, how many, the instances they took and
     * their cost (hosts x price per host-hour x the run's hours, used or not).
     */
    static List<String[]> dedicatedHostRows(RunResult r) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"dedicated hosts", "tenant", "zone", "instances launched", "peak instances",
            "USD per host-hour", "cost USD"});
        for (DedicatedHostResult h : r.dedicatedHosts()) {
            rows.add(new String[] {
                h.hosts() + " x " + h.family(), h.tenant(), h.zone(),
                String.format("%,d", h.launched()),
                String.format("%,d", h.peakInstances()),
                String.format("%.4f", h.usdPerHostHour()),
                Numbers.usd(h.costUsd())});
        }
        return rows;
    }

    static List<String[]> batchRows(RunResult r) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"batch", "runs on", "jobs", "done", "rejected", "mean wait s", "p95 wait s",
            "instances", "cost USD"});
        for (BatchResult s : r.batches()) {
            rows.add(new String[] {
                s.name(), s.instanceType(),
                String.format("%,d", s.submitted()),
                String.format("%,d", s.completed()),
                String.format("%,d", s.rejected()),
                Numbers.fixed(s.meanWaitS(), 1),
                Numbers.fixed(s.p95WaitS(), 1),
                String.format("%,d", s.instances()),
                Numbers.usd(s.costUsd())});
        }
        return rows;
    }

    static List<String[]> queueRows(RunResult r) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"queue", "workers", "sent", "deleted", "dead-lettered", "mean backlog",
            "mean s in queue", "cost USD"});
        for (QueueResult q : r.queues()) {
            rows.add(new String[] {
                q.name(),
                String.format("%.1f avg, %d peak x %s", q.meanWorkers(), q.peakWorkers(), q.instanceType()),
                String.format("%,d", q.sent()),
                String.format("%,d", q.deleted()),
                String.format("%,d", q.deadLettered()),
                Numbers.fixed(q.meanBacklog(), 1),
                Numbers.fixed(q.meanTimeInQueueS(), 1),
                Numbers.usd(q.costUsd())});
        }
        return rows;
    }

    static List<String[]> serviceRows(RunResult r) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"service", "instances", "requests", "refused", "mean ms", "p50 ms", "p99 ms",
            "CPU util", "steal", "cost USD"});
        for (ServiceResult s : r.services()) {
            rows.add(new String[] {
                s.name(),
                instances(s),
                String.format("%,d", s.requests()),
                String.format("%,d", s.refused()),
                Numbers.fixed(s.meanMs(), 1),
                Numbers.fixed(s.p50Ms(), 1),
                Numbers.fixed(s.p99Ms(), 1),
                Numbers.fixed(100 * s.cpuUtilisation(), 1) + "%",
                Numbers.fixed(100 * s.stealFraction(), 1) + "%",
                Numbers.usd(s.costUsd())});
        }
        return rows;
    }

    /** "4 x m5.large" for a fixed fleet; "2.6 avg, 4 peak x m5.large" for a scaled one. */
    static String instances(ServiceResult s) {
        if (s.groupLaunches() == 0 && s.replacements() == 0) {
            return s.instances() + " x " + s.instanceType();
        }
        return String.format("%.1f avg, %d peak x %s", s.meanRunning(), s.peakRunning(), s.instanceType());
    }

    static String align(List<String[]> rows) {
        int[] width = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                width[i] = Math.max(width[i], row[i].length());
            }
        }
        StringBuilder b = new StringBuilder();
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                String cell = row[i];
                String pad = " ".repeat(width[i] - cell.length());
                b.append(i < 2 ? cell + pad : pad + cell).append(i + 1 < row.length ? "  " : "\n");
            }
        }
        return b.toString();
    }
}
