package io.stratus.sweep;

import io.stratus.run.BatchResult;
import io.stratus.run.ConsolidationResult;
import io.stratus.run.FunctionResult;
import io.stratus.run.GpuClusterResult;
import io.stratus.run.QueueResult;
import io.stratus.run.RunResult;
import io.stratus.run.ServiceFaults;
import io.stratus.run.ServiceResult;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The headline numbers a sweep keeps from each run: a fixed, flat list of (workload, metric,
 * value), in the order below, workloads in file order.
 *
 * <ul>
 *   <li>{@code scenario}: {@code cost_usd} (the run's total, {@link RunResult#costUsd}: instances,
 *       EBS volumes, Dedicated Hosts and the Dedicated Instance region fee),
 *       {@code insufficient_capacity}</li>
 *   <li>{@code service:NAME}: {@code requests}, {@code completed}, {@code refused}, {@code dropped},
 *       {@code latency_mean_ms}, {@code latency_p50_ms}, {@code latency_p99_ms},
 *       {@code cpu_utilisation} (0-1), {@code mean_instances}, {@code cost_usd}</li>
 *   <li>{@code batch:NAME}: {@code jobs_completed}, {@code jobs_rejected}, {@code jobs_unfinished},
 *       {@code wait_mean_s}, {@code wait_p95_s}, {@code response_mean_s}, {@code last_job_end_s},
 *       {@code cost_usd}</li>
 *   <li>{@code queue:NAME}: {@code messages_deleted}, {@code messages_dead_lettered},
 *       {@code messages_expired}, {@code backlog_mean}, {@code time_in_queue_mean_s},
 *       {@code workers_mean}, {@code cost_usd}</li>
 *   <li>{@code gpu:CLUSTER/POLICY}: {@code pods_placed}, {@code pods_never_placed}, {@code wait_mean_s},
 *       {@code wait_p99_s}, {@code allocation_mean}, {@code fragmentation_mean} (0-1)</li>
 *   <li>{@code consolidation:NAME}: {@code active_hosts_mean}, {@code host_utilisation},
 *       {@code overloaded_host_fraction}, {@code steal_fraction}, {@code migrations},
 *       {@code energy_kwh}, {@code cost_usd}</li>
 *   <li>{@code faults:SERVICE} (only with {@code faults:}): {@code availability} (0-1),
 *       {@code breach_minutes}, {@code longest_breach_minutes}, {@code error_budget_used} (1 = all),
 *       {@code failed_no_healthy_target}, {@code failed_capacity_short}, {@code failed_instance_lost},
 *       {@code slow}</li>
 *   <li>{@code function:NAME}: {@code invocations}, {@code throttles}, {@code cold_start_share} (0-1),
 *       {@code latency_mean_ms}, {@code latency_p99_ms}, {@code concurrency_mean}, {@code cost_usd}</li>
 * </ul>
 * Integers are written exactly; other numbers to 6 significant digits (as in summary.json);
 * an undefined number (no request completed, so no latency) is written empty.
 */
public final class HeadlineMetrics {

    private HeadlineMetrics() {
    }

    /** The headline numbers of a run. */
    public static List<RunRecord.Metric> of(RunResult r) {
        List<RunRecord.Metric> out = new ArrayList<>();
        Adder scenario = new Adder(out, "scenario");
        scenario.add("cost_usd", r.costUsd());
        scenario.add("insufficient_capacity", r.insufficientCapacity());
        for (ServiceResult s : r.services()) {
            Adder a = new Adder(out, "service:" + s.name());
            a.add("requests", s.requests());
            a.add("completed", s.completed());
            a.add("refused", s.refused());
            a.add("dropped", s.dropped());
            a.add("latency_mean_ms", s.meanMs());
            a.add("latency_p50_ms", s.p50Ms());
            a.add("latency_p99_ms", s.p99Ms());
            a.add("cpu_utilisation", s.cpuUtilisation());
            a.add("mean_instances", s.meanRunning());
            a.add("cost_usd", s.costUsd());
        }
        for (BatchResult b : r.batches()) {
            Adder a = new Adder(out, "batch:" + b.name());
            a.add("jobs_completed", b.completed());
            a.add("jobs_rejected", b.rejected());
            a.add("jobs_unfinished", b.unfinished());
            a.add("wait_mean_s", b.meanWaitS());
            a.add("wait_p95_s", b.p95WaitS());
            a.add("response_mean_s", b.meanResponseS());
            a.add("last_job_end_s", b.lastEndS());
            a.add("cost_usd", b.costUsd());
        }
        for (QueueResult q : r.queues()) {
            Adder a = new Adder(out, "queue:" + q.name());
            a.add("messages_deleted", q.deleted());
            a.add("messages_dead_lettered", q.deadLettered());
            a.add("messages_expired", q.expired());
            a.add("backlog_mean", q.meanBacklog());
            a.add("time_in_queue_mean_s", q.meanTimeInQueueS());
            a.add("workers_mean", q.meanWorkers());
            a.add("cost_usd", q.costUsd());
        }
        for (GpuClusterResult g : r.gpuClusters()) {
            Adder a = new Adder(out, "gpu:" + g.name() + "/" + g.policy());
            a.add("pods_placed", g.placed());
            a.add("pods_never_placed", g.neverPlaced());
            a.add("wait_mean_s", g.meanWaitS());
            a.add("wait_p99_s", g.p99WaitS());
            a.add("allocation_mean", g.meanAllocation());
            a.add("fragmentation_mean", g.meanFragmentation());
        }
        r.consolidation().ifPresent(c -> consolidation(out, c));
        r.faults().ifPresent(f -> f.services().forEach(s -> faults(out, s)));
        for (FunctionResult f : r.functions()) {
            Adder a = new Adder(out, "function:" + f.name());
            a.add("invocations", f.invocations());
            a.add("throttles", f.throttles());
            a.add("cold_start_share", f.coldStartShare());
            a.add("latency_mean_ms", f.meanMs());
            a.add("latency_p99_ms", f.p99Ms());
            a.add("concurrency_mean", f.meanConcurrency());
            a.add("cost_usd", f.costUsd());
        }
        return out;
    }

    private static void faults(List<RunRecord.Metric> out, ServiceFaults s) {
        Adder a = new Adder(out, "faults:" + s.name());
        a.add("availability", s.availability());
        a.add("breach_minutes", s.breachMinutes());
        a.add("longest_breach_minutes", s.longestBreachMinutes());
        a.add("error_budget_used", s.errorBudgetUsed());
        a.add("failed_no_healthy_target", s.noHealthyTarget());
        a.add("failed_capacity_short", s.capacityShort());
        a.add("failed_instance_lost", s.instanceLost());
        a.add("slow", s.slow());
    }

    private static void consolidation(List<RunRecord.Metric> out, ConsolidationResult c) {
        Adder a = new Adder(out, "consolidation:" + c.name());
        a.add("active_hosts_mean", c.meanActiveHosts());
        a.add("host_utilisation", c.hostUtilisation());
        a.add("overloaded_host_fraction", c.overloadedHostFraction());
        a.add("steal_fraction", c.stealFraction());
        a.add("migrations", c.migrations());
        a.add("energy_kwh", c.energyKwh());
        a.add("cost_usd", c.costUsd());
    }

    /** A number to 6 significant digits in plain decimal notation; empty when not finite. */
    public static String sig6(double v) {
        if (!Double.isFinite(v)) {
            return "";
        }
        if (v == 0) {
            return "0";
        }
        return new BigDecimal(v).round(new MathContext(6, RoundingMode.HALF_EVEN)).stripTrailingZeros().toPlainString();
    }

    private record Adder(List<RunRecord.Metric> out, String workload) {
        void add(String metric, long value) {
            out.add(new RunRecord.Metric(workload, metric, Long.toString(value)));
        }

        void add(String metric, double value) {
            out.add(new RunRecord.Metric(workload, metric, sig6(value)));
        }
    }
}
