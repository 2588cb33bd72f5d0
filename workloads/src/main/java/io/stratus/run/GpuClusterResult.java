package io.stratus.run;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one GPU cluster did in a run under one placement policy. Times are in seconds, ratios 0 to 1.
 * Pods are conserved: {@code arrived = placed + pendingAtEnd + neverPlaced}.
 *
 * @param name               the GPU cluster
 * @param policy             the placement policy
 * @param nodes              nodes in the cluster
 * @param gpus               GPUs in the cluster
 * @param podTypes           distinct pod requests in the trace (the fragmentation measure's types)
 * @param instances          EC2 instances launched for the nodes (one per node, shared by the policies)
 * @param instanceTypes      instances per catalogue type, by type name
 * @param costUsd            the instances' on-demand cost over the run (the same for every policy)
 * @param arrived            pods arrived
 * @param placed             pods placed on a node (at arrival or later)
 * @param pendingAtEnd       pods still waiting at the end
 * @param neverPlaced        pods deleted while waiting
 * @param runningAtEnd       pods running at the end
 * @param meanWaitS          placed pods' mean wait from arrival to placement
 * @param p99WaitS           99th percentile of that wait (within 0.1%)
 * @param maxWaitS           longest wait of a placed pod
 * @param neverPlacedMeanWaitS how long never-placed pods waited before deletion, on average
 * @param meanAllocation     time-average GPU allocation ratio
 * @param meanFragmentation  time-integrated fragmented over unallocated GPU capacity
 * @param endAllocation      GPU allocation ratio at the end
 * @param endFragmentation   fragmentation rate at the end (NaN if no GPU is unallocated)
 * @param models             per GPU model, in node-list order
 */
public record GpuClusterResult(String name, String policy, int nodes, long gpus, int podTypes, int instances,
                               Map<String, Integer> instanceTypes, double costUsd, long arrived,
                               long placed, long pendingAtEnd, long neverPlaced, long runningAtEnd, double meanWaitS,
                               double p99WaitS, double maxWaitS, double neverPlacedMeanWaitS, double meanAllocation,
                               double meanFragmentation, double endAllocation, double endFragmentation,
                               List<GpuModelResult> models) {

    public GpuClusterResult {
        models = List.copyOf(models);
        instanceTypes = Collections.unmodifiableMap(new TreeMap<>(instanceTypes));
    }
}
