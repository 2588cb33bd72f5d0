package io.stratus.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stratus.run.GpuClusterResult;
import io.stratus.run.GpuModelResult;
import io.stratus.run.RunResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;

/**
 * The GPU clusters' part of the summaries: one row per cluster and placement policy (pods placed,
 * waiting, never placed; scheduling wait; GPU allocation and fragmentation), and per GPU model.
 */
final class GpuSummary {

    private GpuSummary() {
    }

    private static final String[] HEADER = {"GPU cluster", "policy", "pods", "placed", "pending", "never placed",
        "mean wait s", "p99 wait s", "GPU alloc avg", "frag avg", "GPU alloc end", "frag end"};

    private static String[] row(GpuClusterResult g) {
        return new String[] {g.name(), g.policy(), String.format("%,d", g.arrived()), String.format("%,d", g.placed()),
            String.format("%,d", g.pendingAtEnd()), String.format("%,d", g.neverPlaced()), fixed(g.meanWaitS(), 1),
            fixed(g.p99WaitS(), 1), percent(g.meanAllocation()), percent(g.meanFragmentation()),
            percent(g.endAllocation()), percent(g.endFragmentation())};
    }

    /** Rows for the aligned text table, header first. */
    static List<String[]> tableRows(RunResult r) {
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADER);
        for (GpuClusterResult g : r.gpuClusters()) {
            rows.add(row(g));
        }
        return rows;
    }

    /** The Markdown tables: per cluster and policy, then per GPU model. */
    static void markdown(StringBuilder b, RunResult r) {
        MarkdownCells.table(b, HEADER, r.gpuClusters().stream().map(GpuSummary::row).toList());
        b.append("\n| GPU cluster | policy | GPU model | GPUs | GPU alloc avg | frag avg | GPU alloc end | frag end |\n");
        b.append("|---|---|---|--:|--:|--:|--:|--:|\n");
        for (GpuClusterResult g : r.gpuClusters()) {
            for (GpuModelResult m : g.models()) {
                b.append(String.format("| %s | %s | %s | %,d | %s | %s | %s | %s |\n", g.name(), g.policy(), m.model(),
                        m.gpus(), percent(m.meanAllocation()), percent(m.meanFragmentation()),
                        percent(m.endAllocation()), percent(m.endFragmentation())));
            }
        }
        b.append("\nGPU alloc: allocated over total GPU capacity; frag: fragmented over unallocated GPU capacity "
                + "(Weng et al., ATC 2023), weighted by the trace's pod types; avg: integrated over time.\n");
        String last = null;
        for (GpuClusterResult g : r.gpuClusters()) {
            if (!g.name().equals(last)) {
                b.append('\n').append(nodesSentence(g)).append('\n');
                last = g.name();
            }
        }
    }

    /** The EC2 instances behind a cluster's nodes and their cost (the same for each of its policies). */
    static String nodesSentence(GpuClusterResult g) {
        StringBuilder b = new StringBuilder("Nodes of ").append(g.name()).append(": ")
                .append(String.format("%,d", g.instances())).append(" EC2 instances (");
        String sep = "";
        for (Map.Entry<String, Integer> e : g.instanceTypes().entrySet()) {
            b.append(sep).append(String.format("%,d", e.getValue())).append(" x ").append(e.getKey());
            sep = ", ";
        }
        return b.append("), on-demand $").append(Numbers.usd(g.costUsd())).append('.').toString();
    }

    /** The {@code gpuClusters} array of summary.json. */
    static void json(ObjectNode root, RunResult r) {
        ArrayNode clusters = root.putArray("gpuClusters");
        for (GpuClusterResult g : r.gpuClusters()) {
            ObjectNode n = clusters.addObject();
            n.put("name", g.name());
            n.put("policy", g.policy());
            n.put("nodes", g.nodes());
            n.put("gpus", g.gpus());
            n.put("podTypes", g.podTypes());
            n.put("instances", g.instances());
            ObjectNode types = n.putObject("instanceTypes");
            g.instanceTypes().forEach(types::put);
            n.put("costUsd", Numbers.sig6(g.costUsd()));
            ObjectNode pods = n.putObject("pods");
            pods.put("arrived", g.arrived());
            pods.put("placed", g.placed());
            pods.put("pendingAtEnd", g.pendingAtEnd());
            pods.put("neverPlaced", g.neverPlaced());
            pods.put("runningAtEnd", g.runningAtEnd());
            ObjectNode wait = n.putObject("waitSeconds");
            wait.put("mean", Numbers.sig6(g.meanWaitS()));
            wait.put("p99", Numbers.sig6(g.p99WaitS()));
            wait.put("max", Numbers.sig6(g.maxWaitS()));
            n.put("neverPlacedMeanWaitSeconds", Numbers.sig6(g.neverPlacedMeanWaitS()));
            ObjectNode alloc = n.putObject("gpuAllocation");
            alloc.put("mean", Numbers.sig6(g.meanAllocation()));
            alloc.put("end", Numbers.sig6(g.endAllocation()));
            ObjectNode frag = n.putObject("fragmentationRate");
            frag.put("mean", Numbers.sig6(g.meanFragmentation()));
            frag.put("end", Numbers.sig6(g.endFragmentation()));
            ArrayNode models = n.putArray("models");
            for (GpuModelResult m : g.models()) {
                ObjectNode o = models.addObject();
                o.put("model", m.model());
                o.put("gpus", m.gpus());
                o.put("allocationMean", Numbers.sig6(m.meanAllocation()));
                o.put("allocationEnd", Numbers.sig6(m.endAllocation()));
                o.put("fragmentationMean", Numbers.sig6(m.meanFragmentation()));
                o.put("fragmentationEnd", Numbers.sig6(m.endFragmentation()));
            }
        }
    }

    private static String percent(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.1f%%", 100 * v) : "-";
    }

    private static String fixed(double v, int digits) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%." + digits + "f", v) : "-";
    }
}
