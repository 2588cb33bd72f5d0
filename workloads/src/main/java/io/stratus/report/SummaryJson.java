package io.stratus.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stratus.pricing.CostReport;
import io.stratus.run.BatchResult;
import io.stratus.run.DedicatedHostResult;
import io.stratus.run.QueueResult;
import io.stratus.run.RunResult;
import io.stratus.run.RunTiming;
import io.stratus.run.ServiceResult;
import io.stratus.sim.Time;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * {@code summary.json} and {@code timing.json}. Numbers are rounded to 6 significant digits and
 * keys are in a fixed order, so the summary of the same scenario and seed is byte-identical. The
 * summary starts with its format's version ({@link #SCHEMA_VERSION}).
 */
public final class SummaryJson {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SummaryJson() {
    }

    /**
     * The version of the {@code summary.json} and {@code compare.json} formats, their first key
     * ({@code schemaVersion}); their JSON Schemas are {@code schemas/summary.schema.json} and
     * {@code schemas/compare.schema.json} on the classpath (workloads/src/main/resources). Raised
     * when a key is removed, renamed or changes meaning; adding an optional key keeps it.
     */
    public static final int SCHEMA_VERSION = 1;

    /** The summary of simulated results. */
    public static byte[] summary(RunResult r) {
        return summary(r, Optional.empty());
    }

    /** The summary, with {@code withCommitments} when {@code committed} holds the account's committed bill. */
    public static byte[] summary(RunResult r, Optional<CostReport> committed) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schemaVersion", SCHEMA_VERSION);
        root.setAll(node(r));
        committed.filter(c -> !c.commitments().isEmpty()).ifPresent(c -> CommitmentsReport.json(root, c, r.costUsd()));
        return bytes(root);
    }

    private static ObjectNode node(RunResult r) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("scenario", r.scenario());
        root.put("seed", r.seed());
        root.put("duration", Time.compact(r.durationMicros()));
        root.put("durationSeconds", r.durationMicros() / Time.SECOND);
        root.put("hosts", r.hosts());
        root.put("insufficientCapacity", r.insufficientCapacity());
        if (r.placementGroups() > 0) { // only scenarios with placement groups carry the breakdown
            root.put("placementGroups", r.placementGroups());
            root.put("refusedByPlacementGroupRules", r.refusedByGroupRules());
        }
        root.put("costUsd", Numbers.sig6(r.costUsd()));
        root.put("costUsdPerMonth730h", Numbers.sig6(r.costUsd() / r.durationMicros() * 730 * Time.HOUR));
        root.put("ebsUsd", Numbers.sig6(r.ebsUsd()));
        if (r.surplusCreditsUsd() > 0) { // only runs whose burstable instances spent surplus credits carry it
            root.put("surplusCreditsUsd", Numbers.sig6(r.surplusCreditsUsd()));
        }
        if (!r.dedicatedHosts().isEmpty()) { // only scenarios with Dedicated Hosts carry them
            root.put("dedicatedHostsUsd", Numbers.sig6(r.dedicatedHostUsd()));
            ArrayNode hosts = root.putArray("dedicatedHosts");
            for (DedicatedHostResult h : r.dedicatedHosts()) {
                ObjectNode n = hosts.addObject();
                n.put("tenant", h.tenant());
                n.put("family", h.family());
                n.put("zone", h.zone());
                n.put("hosts", h.hosts());
                n.put("usdPerHostHour", Numbers.sig6(h.usdPerHostHour()));
                n.put("instancesLaunched", h.launched());
                n.put("peakInstances", h.peakInstances());
                n.put("costUsd", Numbers.sig6(h.costUsd()));
            }
        }
        if (r.hasDedicatedInstances()) { // only scenarios with Dedicated Instances carry them
            root.put("dedicatedInstancesUsd", Numbers.sig6(r.dedicatedInstanceUsd()));
            root.put("dedicatedRegionFeeUsd", Numbers.sig6(r.dedicatedRegionFeeUsd()));
        }
        if (!r.charges().isEmpty()) { // load balancer, data transfer, public IPv4, ...
            root.put("chargesUsd", Numbers.sig6(r.chargesUsd()));
            ChargesReport.json(root, "charges", r.charges());
        }
        NetworkReport.json(root, r.network());
        ArrayNode services = root.putArray("services");
        for (ServiceResult s : r.services()) {
            ObjectNode n = services.addObject();
            n.put("name", s.name());
            n.put("instancesLaunched", s.instances());
            n.put("meanRunningInstances", Numbers.sig6(s.meanRunning()));
            n.put("peakRunningInstances", s.peakRunning());
            n.put("instanceType", s.instanceType());
            n.put("requests", s.requests());
            n.put("refused", s.refused());
            n.put("completed", s.completed());
            n.put("dropped", s.dropped());
            n.put("inFlightAtEnd", s.inFlight());
            if (s.overloaded() > 0) { // only an overloaded service carries it (of refused)
                n.put("refusedOverloaded", s.overloaded());
            }
            n.put("throughputPerSecond", Numbers.sig6(s.completed() / Time.toSeconds(r.durationMicros())));
            ObjectNode lat = n.putObject("latencyMs");
            lat.put("mean", Numbers.sig6(s.meanMs()));
            lat.put("p50", Numbers.sig6(s.p50Ms()));
            lat.put("p95", Numbers.sig6(s.p95Ms()));
            lat.put("p99", Numbers.sig6(s.p99Ms()));
            lat.put("max", Numbers.sig6(s.maxMs()));
            n.put("cpuUtilisation", Numbers.sig6(s.cpuUtilisation()));
            n.put("cpuSteal", Numbers.sig6(s.stealFraction()));
            n.put("meanRequestsInSystem", Numbers.sig6(s.meanInSystem()));
            n.put("billedInstanceSeconds", s.billedSeconds());
            n.put("costUsd", Numbers.sig6(s.costUsd()));
            n.put("instancesReplaced", s.replacements());
            SpotSummary.json(n, s);
            if (!Double.isNaN(s.cacheHitRatio())) {
                n.put("cacheHitRatio", Numbers.sig6(s.cacheHitRatio()));
            }
            n.put("costUsdPerMillionRequests", s.completed() == 0 ? null
                    : Numbers.sig6(s.costUsd() / s.completed() * 1e6));
        }
        ArrayNode batches = root.putArray("batches");
        for (BatchResult b : r.batches()) {
            ObjectNode n = batches.addObject();
            n.put("name", b.name());
            n.put("instanceType", b.instanceType());
            n.put("jobsSubmitted", b.submitted());
            n.put("jobsCompleted", b.completed());
            n.put("jobsRejected", b.rejected());
            n.put("jobsUnfinished", b.unfinished());
            ObjectNode wait = n.putObject("waitSeconds");
            wait.put("mean", Numbers.sig6(b.meanWaitS()));
            wait.put("p95", Numbers.sig6(b.p95WaitS()));
            wait.put("max", Numbers.sig6(b.maxWaitS()));
            n.put("meanResponseSeconds", Numbers.sig6(b.meanResponseS()));
            n.put("lastJobEndSeconds", Numbers.sig6(b.lastEndS()));
            n.put("instancesLaunched", b.instances());
            n.put("billedInstanceSeconds", b.billedSeconds());
            n.put("costUsd", Numbers.sig6(b.costUsd()));
            n.put("costUsdPerJob", b.completed() == 0 ? null : Numbers.sig6(b.costUsd() / b.completed()));
        }
        ArrayNode queues = root.putArray("queues");
        for (QueueResult q : r.queues()) {
            ObjectNode n = queues.addObject();
            n.put("name", q.name());
            n.put("workerType", q.instanceType());
            n.put("messagesSent", q.sent());
            if (q.overloaded() > 0) { // only an overloaded queue carries it (not in messagesSent)
                n.put("messagesRefusedOverloaded", q.overloaded());
            }
            n.put("messagesDeleted", q.deleted());
            n.put("messagesDeadLettered", q.deadLettered());
            n.put("messagesExpired", q.expired());
            n.put("processingFailures", q.failed());
            n.put("messagesWaitingAtEnd", q.waitingAtEnd());
            n.put("meanBacklog", Numbers.sig6(q.meanBacklog()));
            n.put("meanSecondsInQueue", Numbers.sig6(q.meanTimeInQueueS()));
            n.put("meanWorkers", Numbers.sig6(q.meanWorkers()));
            n.put("peakWorkers", q.peakWorkers());
            n.put("costUsd", Numbers.sig6(q.costUsd()));
        }
        if (!r.gpuClusters().isEmpty()) {
            GpuSummary.json(root, r);
        }
        if (!r.functions().isEmpty()) {
            FunctionsSummary.json(root, r);
        }
        r.consolidation().ifPresent(c -> ConsolidationReport.json(root.putObject("consolidation"), c));
        MonitoringReport.json(root, r.monitoring());
        r.contrast().ifPresent(c -> ContrastReport.json(root.putObject("contrast"), r, c, node(c.result())));
        FaultsReport.json(root, r);
        return root;
    }

    /** Wall time and speed of the run. */
    public static byte[] timing(RunTiming t) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("wallSeconds", Numbers.sig6(t.wallNanos() / 1e9));
        root.put("events", t.events());
        root.put("eventsPerSecond", Numbers.sig6(t.eventsPerSecond()));
        root.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        root.put("cores", Runtime.getRuntime().availableProcessors());
        return bytes(root);
    }

    private static byte[] bytes(ObjectNode root) {
        try {
            return (MAPPER.writeValueAsString(root) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render JSON", e);
        }
    }
}
