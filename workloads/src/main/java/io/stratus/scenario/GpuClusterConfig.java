package io.stratus.scenario;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A GPU cluster replayed from a trace: its nodes from a node list (each an EC2 instance of the
 * closest catalogue type), its pods from a pod list, and the placement policies to compare (each
 * replays the same pods on its own copy of the cluster).
 *
 * @param name        the cluster's name in the file
 * @param nodes       the node list ({@code alibaba-gpu-nodes})
 * @param pods        the pod list ({@code alibaba-gpu-pods})
 * @param speedup     trace time per simulated time for arrivals (lifetimes are not scaled)
 * @param loadFactor  each trace pod arrives floor(f) times, plus once more with probability frac(f)
 * @param departures  whether pods leave at their deletion time; if not, they stay to the end
 * @param policies    the placement policies, in the order reported
 * @param traceCapacity whether the pod scheduler sees each node's capacities from the node list
 *                    ({@code capacity: trace}) or those of its instance type ({@code instance-type})
 * @param bootMicros  time from the node instances' launch to running, when they start taking pods
 */
public record GpuClusterConfig(String name, Path nodes, Path pods, double speedup, double loadFactor,
                               boolean departures, List<String> policies, boolean traceCapacity, long bootMicros) {

    public GpuClusterConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(nodes, "nodes");
        Objects.requireNonNull(pods, "pods");
        policies = List.copyOf(policies);
        if (policies.isEmpty()) {
            throw new IllegalArgumentException("at least one policy");
        }
        if (bootMicros < 0) {
            throw new IllegalArgumentException("boot time must not be negative");
        }
    }
}
