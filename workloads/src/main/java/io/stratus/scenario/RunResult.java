package io.stratus.scenario;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

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
 * @param costUsd        total on-demand cost: instances, their EBS volumes and Dedicated Hosts
 * @param ebsUsd         the part of {@code costUsd} that is EBS volumes (root and data)
 * @param insufficientCapacity launches refused for want of a host (whatever the cause)
 * @param placementGroups      EC2 placement groups the scenario declares
 * @param refusedByGroupRules  of the refused launches, those a placement group's rules refused
 *                             although a host in their zone had room
 * @param gpuClusters    per GPU cluster and placement policy, in file then policy order
 * @param consolidation  the consolidation workload's result, if the scenario has one
 * @param dedicatedHosts the Dedicated Host allocations of {@code region.dedicated-hosts}, in file
 *                       order (empty for none)
 */
public record RunResult(String scenario, long seed, long durationMicros, int hosts, List<ServiceResult> services,
                        List<BatchResult> batches, List<QueueResult> queues, double costUsd, double ebsUsd,
                        long insufficientCapacity, int placementGroups, long refusedByGroupRules,
                        List<GpuClusterResult> gpuClusters, Optional<ConsolidationResult> consolidation,
                        List<DedicatedHostResult> dedicatedHosts) {

    public RunResult {
        services = List.copyOf(services);
        batches = List.copyOf(batches);
        queues = List.copyOf(queues);
        gpuClusters = List.copyOf(gpuClusters);
        Objects.requireNonNull(consolidation, "consolidation");
        dedicatedHosts = List.copyOf(dedicatedHosts);
    }

    /** The part of {@link #costUsd} that is Dedicated Hosts. */
    public double dedicatedHostUsd() {
        return dedicatedHosts.stream().mapToDouble(DedicatedHostResult::costUsd).sum();
    }

}
