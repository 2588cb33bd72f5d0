package io.stratus.scenario;

import io.stratus.gpu.GpuPolicies;
import io.stratus.sim.Time;
import io.stratus.trace.AlibabaNode;
import io.stratus.trace.AlibabaPod;
import io.stratus.trace.TraceFormat;
import io.stratus.util.Suggestions;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads one GPU cluster under {@code gpu-clusters:}: its node list, its pod list and how the pods
 * are replayed, and the placement policies to compare. Each node is an EC2 instance of the
 * catalogue type closest to it, on a host added for it to the region (so a scenario with only GPU
 * clusters may leave {@code region:} out); {@code nodes.capacity} says whether the pod scheduler
 * sees the trace's capacities or the type's, {@code nodes.boot} how long the instances take to boot.
 */
final class GpuClusterSection {

    static final List<String> NODE_FORMATS = formats(AlibabaNode.class);
    static final List<String> POD_FORMATS = formats(AlibabaPod.class);
    static final List<String> DEPARTURES = List.of("trace", "never");
    /** What the pod scheduler sees of a node: the trace's capacities or its instance type's. */
    static final List<String> CAPACITIES = List.of("trace", "instance-type");
    /** The most times one trace pod may arrive. */
    static final double MAX_LOAD_FACTOR = 100;

    private GpuClusterSection() {
    }

    private static List<String> formats(Class<?> record) {
        return Arrays.stream(TraceFormat.values()).filter(f -> record.isAssignableFrom(f.recordType()))
                .map(TraceFormat::id).toList();
    }

    static GpuClusterConfig read(String name, ConfigNode node, TraceRoots baseDir) {
        node.allowOnly("nodes", "pods", "policies");
        ConfigNode nodes = node.child("nodes", true);
        nodes.allowOnly("format", "path", "capacity", "boot");
        nodes.oneOf("format", NODE_FORMATS.get(0), NODE_FORMATS);
        Path nodePath = TracePaths.existing(nodes, "path", baseDir);
        String capacity = nodes.oneOf("capacity", "trace", CAPACITIES);
        long boot = nodes.unit("boot", 0L, false, Units::duration, 0L, Time.HOUR, "allowed from 0s to 1h");
        ConfigNode pods = node.child("pods", true);
        pods.allowOnly("format", "path", "speedup", "load-factor", "departures");
        pods.oneOf("format", POD_FORMATS.get(0), POD_FORMATS);
        Path podPath = TracePaths.existing(pods, "path", baseDir);
        double speedup = pods.number("speedup", 1.0, 1e-6, 1e9, false);
        double loadFactor = pods.number("load-factor", 1.0, 0.01, MAX_LOAD_FACTOR, false);
        String departures = pods.oneOf("departures", "trace", DEPARTURES);
        List<String> policies = List.of("fgd");
        if (node.has("policies")) {
            policies = node.raw("policies").isTextual() ? List.of(node.string("policies", "fgd", false))
                    : node.strings("policies", false);
            if (node.raw("policies") != null && node.raw("policies").isArray() && policies.isEmpty()) {
                node.problem("policies", "give at least one policy: " + String.join(", ", GpuPolicies.names()));
            }
            Set<String> seen = new HashSet<>();
            for (String p : policies) {
                if (!GpuPolicies.names().contains(p)) {
                    String hint = Suggestions.closest(p, GpuPolicies.names());
                    node.problem("policies", "'" + p + "' is not a GPU placement policy"
                            + (hint == null ? "" : "; did you mean '" + hint + "'?")
                            + " Allowed: " + String.join(", ", GpuPolicies.names()));
                } else if (!seen.add(p)) {
                    node.problem("policies", "policy '" + p + "' is listed twice");
                }
            }
        }
        if (nodePath == null || podPath == null || policies.isEmpty() || departures == null || capacity == null) {
            return null;
        }
        return new GpuClusterConfig(name, nodePath, podPath, speedup, loadFactor, departures.equals("trace"),
                policies, capacity.equals("trace"), boot);
    }
}
