package io.stratus.scenario;

import java.util.List;

/**
 * The simulated outcome of one run: a pure function of the scenario and the seed, so the same
 * inputs always give an equal result (wall-clock figures are in {@link RunTiming}, apart).
 *
 * @param scenario       the scenario's name
 * @param seed           the master seed
 * @param durationMicros simulated time
 * @param hosts          hosts in the region, plus the nodes of each GPU cluster
 * @param services       per-service results, in file order
 * @param batches        per-batch-workload results, in file order
 * @param queues         per-queue results, in file order
 * @param costUsd        total on-demand cost
 * @param insufficientCapacity launches refused for want of a host
 * @param gpuClusters    per GPU cluster and placement policy, in file then policy order
 */
public record RunResult(String scenario, long seed, long durationMicros, int hosts, List<ServiceResult> services,
                        List<BatchResult> batches, List<QueueResult> queues, double costUsd,
                        long insufficientCapacity, List<GpuClusterResult> gpuClusters) {

    public RunResult {
        services = List.copyOf(services);
        batches = List.copyOf(batches);
        queues = List.copyOf(queues);
        gpuClusters = List.copyOf(gpuClusters);
    }

    /** A result without GPU clusters. */
    public RunResult(String scenario, long seed, long durationMicros, int hosts, List<ServiceResult> services,
                     List<BatchResult> batches, List<QueueResult> queues, double costUsd, long insufficientCapacity) {
        this(scenario, seed, durationMicros, hosts, services, batches, queues, costUsd, insufficientCapacity, List.of());
    }
}
