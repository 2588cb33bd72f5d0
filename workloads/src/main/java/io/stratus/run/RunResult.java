package io.stratus.run;

import io.stratus.pricing.Charge;
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
 * @param costUsd        total on-demand cost: instances (Dedicated Instances at the dedicated
 *                       price), their EBS volumes, Dedicated Hosts and the Dedicated Instance
 *                       region fee
 * @param ebsUsd         the part of {@code costUsd} that is EBS volumes (root and data)
 * @param insufficientCapacity launches refused for want of a host (whatever the cause)
 * @param placementGroups      EC2 placement groups the scenario declares
 * @param refusedByGroupRules  of the refused launches, those a placement group's rules refused
 *                             although a host in their zone had room
 * @param gpuClusters    per GPU cluster and placement policy, in file then policy order
 * @param consolidation  the consolidation workload's result, if the scenario has one
 * @param dedicatedHosts the Dedicated Host allocations of {@code region.dedicated-hosts}, in file
 *                       order (empty for none)
 * @param dedicatedInstanceUsd  the part of {@code costUsd} that is Dedicated Instances (tenancy
 *                              dedicated) at the dedicated price, fee apart; also in the cost of
 *                              the workloads that ran them
 * @param dedicatedRegionFeeUsd the part of {@code costUsd} that is the Dedicated Instance region
 *                              fee: per account and clock hour with any of its Dedicated Instances
 *                              running ({@link io.stratus.pricing.DedicatedRegionFee}); an account's
 *                              fee, not a workload's, so in no workload's cost
 * @param surplusCreditsUsd     the part of {@code costUsd} that is burstable instances' surplus CPU
 *                              credits (unlimited mode, {@link io.stratus.pricing.SurplusCredits});
 *                              also in the cost of the workloads that ran them
 * @param monitoring    what the scenario's alarms, topics and office hours did
 * @param contrast       the same region and seed with only the workloads of the scenario's
 *                       {@code contrast: { alone: [...] }}, when {@code stratus run} ran it
 * @param charges        the charges beyond instances and EBS volumes (load balancer, data transfer,
 *                       public IPv4, ...), each a line; their total is in {@code costUsd}
 * @param functions      per AWS Lambda function, in file order (their bills are charge lines)
 * @param faults         what the scenario's {@code faults:} did, when it has any
 * @param network        what the scenario's VPC did ({@link NetworkResult#NONE} without one)
 */
public record RunResult(String scenario, long seed, long durationMicros, int hosts, List<ServiceResult> services,
                        List<BatchResult> batches, List<QueueResult> queues, double costUsd, double ebsUsd,
                        long insufficientCapacity, int placementGroups, long refusedByGroupRules,
                        List<GpuClusterResult> gpuClusters, Optional<ConsolidationResult> consolidation,
                        List<DedicatedHostResult> dedicatedHosts, double dedicatedInstanceUsd,
                        double dedicatedRegionFeeUsd, double surplusCreditsUsd, MonitoringResult monitoring,
                        Optional<ContrastResult> contrast, List<Charge> charges, List<FunctionResult> functions,
                        Optional<FaultsResult> faults, NetworkResult network) {

    /** A result without faults. */
    public RunResult(String scenario, long seed, long durationMicros, int hosts, List<ServiceResult> services,
                     List<BatchResult> batches, List<QueueResult> queues, double costUsd, double ebsUsd,
                     long insufficientCapacity, int placementGroups, long refusedByGroupRules,
                     List<GpuClusterResult> gpuClusters, Optional<ConsolidationResult> consolidation,
                     List<DedicatedHostResult> dedicatedHosts, double dedicatedInstanceUsd,
                     double dedicatedRegionFeeUsd, double surplusCreditsUsd, MonitoringResult monitoring,
                     Optional<ContrastResult> contrast, List<Charge> charges, List<FunctionResult> functions) {
        this(scenario, seed, durationMicros, hosts, services, batches, queues, costUsd, ebsUsd, insufficientCapacity,
                placementGroups, refusedByGroupRules, gpuClusters, consolidation, dedicatedHosts, dedicatedInstanceUsd,
                dedicatedRegionFeeUsd, surplusCreditsUsd, monitoring, contrast, charges, functions, Optional.empty(),
                NetworkResult.NONE);
    }

    public RunResult {
        functions = List.copyOf(functions);
        charges = List.copyOf(charges);
        services = List.copyOf(services);
        batches = List.copyOf(batches);
        queues = List.copyOf(queues);
        gpuClusters = List.copyOf(gpuClusters);
        Objects.requireNonNull(consolidation, "consolidation");
        dedicatedHosts = List.copyOf(dedicatedHosts);
        Objects.requireNonNull(contrast, "contrast");
        Objects.requireNonNull(faults, "faults");
        Objects.requireNonNull(network, "network");
    }

    /** A result without a contrast run. */
    public RunResult(String scenario, long seed, long durationMicros, int hosts, List<ServiceResult> services,
                     List<BatchResult> batches, List<QueueResult> queues, double costUsd, double ebsUsd,
                     long insufficientCapacity, int placementGroups, long refusedByGroupRules,
                     List<GpuClusterResult> gpuClusters, Optional<ConsolidationResult> consolidation,
                     List<DedicatedHostResult> dedicatedHosts, double dedicatedInstanceUsd,
                     double dedicatedRegionFeeUsd, double surplusCreditsUsd, MonitoringResult monitoring) {
        this(scenario, seed, durationMicros, hosts, services, batches, queues, costUsd, ebsUsd, insufficientCapacity,
                placementGroups, refusedByGroupRules, gpuClusters, consolidation, dedicatedHosts, dedicatedInstanceUsd,
                dedicatedRegionFeeUsd, surplusCreditsUsd, monitoring, Optional.empty(), List.of(), List.of());
    }

    /** A result without Lambda functions, faults or a VPC. */
    public RunResult(String scenario, long seed, long durationMicros, int hosts, List<ServiceResult> services,
                     List<BatchResult> batches, List<QueueResult> queues, double costUsd, double ebsUsd,
                     long insufficientCapacity, int placementGroups, long refusedByGroupRules,
                     List<GpuClusterResult> gpuClusters, Optional<ConsolidationResult> consolidation,
                     List<DedicatedHostResult> dedicatedHosts, double dedicatedInstanceUsd,
                     double dedicatedRegionFeeUsd, double surplusCreditsUsd, MonitoringResult monitoring,
                     Optional<ContrastResult> contrast, List<Charge> charges) {
        this(scenario, seed, durationMicros, hosts, services, batches, queues, costUsd, ebsUsd, insufficientCapacity,
                placementGroups, refusedByGroupRules, gpuClusters, consolidation, dedicatedHosts, dedicatedInstanceUsd,
                dedicatedRegionFeeUsd, surplusCreditsUsd, monitoring, contrast, charges, List.of());
    }

    /** This result with its Lambda functions' results. */
    public RunResult withFunctions(List<FunctionResult> results) {
        return new RunResult(scenario, seed, durationMicros, hosts, services, batches, queues, costUsd, ebsUsd,
                insufficientCapacity, placementGroups, refusedByGroupRules, gpuClusters, consolidation, dedicatedHosts,
                dedicatedInstanceUsd, dedicatedRegionFeeUsd, surplusCreditsUsd, monitoring, contrast, charges, results, faults,
                network);
    }

    /** This result with its contrast run. */
    public RunResult withContrast(ContrastResult c) {
        return new RunResult(scenario, seed, durationMicros, hosts, services, batches, queues, costUsd, ebsUsd,
                insufficientCapacity, placementGroups, refusedByGroupRules, gpuClusters, consolidation, dedicatedHosts,
                dedicatedInstanceUsd, dedicatedRegionFeeUsd, surplusCreditsUsd, monitoring, Optional.of(c), charges,
                functions, faults, network);
    }

    /** This result with what its faults did. */
    public RunResult withFaults(FaultsResult f) {
        return new RunResult(scenario, seed, durationMicros, hosts, services, batches, queues, costUsd, ebsUsd,
                insufficientCapacity, placementGroups, refusedByGroupRules, gpuClusters, consolidation, dedicatedHosts,
                dedicatedInstanceUsd, dedicatedRegionFeeUsd, surplusCreditsUsd, monitoring, contrast, charges,
                functions, Optional.of(f), network);
    }

    /** This result with {@code lines} charged on top: in {@link #charges} and in {@link #costUsd}. */
    public RunResult withCharges(List<Charge> lines) {
        List<Charge> all = new java.util.ArrayList<>(charges);
        all.addAll(lines);
        return new RunResult(scenario, seed, durationMicros, hosts, services, batches, queues,
                costUsd + Charge.totalUsd(lines), ebsUsd, insufficientCapacity, placementGroups, refusedByGroupRules,
                gpuClusters, consolidation, dedicatedHosts, dedicatedInstanceUsd, dedicatedRegionFeeUsd,
                surplusCreditsUsd, monitoring,
                contrast, all, functions, faults, network);
    }

    /** This result with what its VPC did. */
    public RunResult withNetwork(NetworkResult n) {
        return new RunResult(scenario, seed, durationMicros, hosts, services, batches, queues, costUsd, ebsUsd,
                insufficientCapacity, placementGroups, refusedByGroupRules, gpuClusters, consolidation, dedicatedHosts,
                dedicatedInstanceUsd, dedicatedRegionFeeUsd, surplusCreditsUsd, monitoring, contrast, charges,
                functions, faults, n);
    }

    /** The part of {@link #costUsd} that is {@link #charges}. */
    public double chargesUsd() {
        return Charge.totalUsd(charges);
    }

    /** Whether any Dedicated Instance ran (the run has a Dedicated Instance cost or region fee). */
    public boolean hasDedicatedInstances() {
        return dedicatedInstanceUsd > 0 || dedicatedRegionFeeUsd > 0;
    }

    /** The part of {@link #costUsd} that is Dedicated Hosts. */
    public double dedicatedHostUsd() {
        return dedicatedHosts.stream().mapToDouble(DedicatedHostResult::costUsd).sum();
    }

}
