package io.stratus.scenario;

import io.stratus.pricing.Commitments;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A validated scenario: everything needed to build and run the model, with units resolved
 * (times in microseconds, rates per second) and names resolved against the catalogue.
 *
 * @param name            the scenario's name
 * @param sourceFile      the file it was read from, as named by the user
 * @param seed            the master seed
 * @param durationMicros  simulated time to run
 * @param region          zones and hosts; null when the scenario has only GPU clusters (their hosts
 *                        come from their node lists)
 * @param placement       the placement policy's name
 * @param placementGroups the EC2 placement groups the launch sections declare, by number (the
 *                        run creates them in this order, so launches name them by index)
 * @param services        the services, in file order
 * @param batches         the batch workloads, in file order
 * @param queues          the order queues and their workers, in file order
 * @param metrics         how often metrics are recorded
 * @param compare         the purchase strategies to compare and the objective
 * @param gpuClusters     the GPU clusters replayed from traces, in file order
 * @param consolidation   the trace-driven VM fleet to consolidate on the hosts, if any
 * @param monitoring      SNS topics and CloudWatch alarms
 * @param contrast        the workloads {@code stratus run} runs a second time alone, if any
 * @param commitments     reservations, savings plans and capacity reservations the account bought
 *                        ahead ({@code commitments:}), carried by every {@code stratus compare}
 *                        strategy's bill ({@link Commitments#NONE} for none)
 * @param functions       the AWS Lambda functions and the account's concurrency limit
 *                        ({@link FunctionsConfig#NONE} for none)
 * @param faults          host failures, zone outages and scheduled events ({@link FaultsConfig#NONE} for none)
 * @param network         the VPC: subnets, security groups, key pairs, roles and where each
 *                        workload sits ({@link NetworkConfig#NONE} without {@code network:})
 */
public record Scenario(String name, String sourceFile, long seed, long durationMicros, RegionConfig region,
                       String placement, List<PlacementGroupConfig> placementGroups, List<ServiceConfig> services,
                       List<BatchConfig> batches, List<QueueConfig> queues, MetricsConfig metrics, CompareConfig compare,
                       List<GpuClusterConfig> gpuClusters, Optional<ConsolidationConfig> consolidation,
                       MonitoringConfig monitoring, ContrastConfig contrast, Commitments commitments,
                       FunctionsConfig functions, FaultsConfig faults, NetworkConfig network) {

    /** A scenario without faults. */
    public Scenario(String name, String sourceFile, long seed, long durationMicros, RegionConfig region,
                    String placement, List<PlacementGroupConfig> placementGroups, List<ServiceConfig> services,
                    List<BatchConfig> batches, List<QueueConfig> queues, MetricsConfig metrics, CompareConfig compare,
                    List<GpuClusterConfig> gpuClusters, Optional<ConsolidationConfig> consolidation,
                    MonitoringConfig monitoring, ContrastConfig contrast, Commitments commitments,
                    FunctionsConfig functions) {
        this(name, sourceFile, seed, durationMicros, region, placement, placementGroups, services, batches, queues,
                metrics, compare, gpuClusters, consolidation, monitoring, contrast, commitments, functions, FaultsConfig.NONE,
                NetworkConfig.NONE);
    }

    /** A scenario without Lambda functions. */
    public Scenario(String name, String sourceFile, long seed, long durationMicros, RegionConfig region,
                    String placement, List<PlacementGroupConfig> placementGroups, List<ServiceConfig> services,
                    List<BatchConfig> batches, List<QueueConfig> queues, MetricsConfig metrics, CompareConfig compare,
                    List<GpuClusterConfig> gpuClusters, Optional<ConsolidationConfig> consolidation,
                    MonitoringConfig monitoring, ContrastConfig contrast, Commitments commitments,
                    FaultsConfig faults) {
        this(name, sourceFile, seed, durationMicros, region, placement, placementGroups, services, batches, queues,
                metrics, compare, gpuClusters, consolidation, monitoring, contrast, commitments, FunctionsConfig.NONE, faults,
                NetworkConfig.NONE);
    }

    /** A scenario without Lambda functions or faults. */
    public Scenario(String name, String sourceFile, long seed, long durationMicros, RegionConfig region,
                    String placement, List<PlacementGroupConfig> placementGroups, List<ServiceConfig> services,
                    List<BatchConfig> batches, List<QueueConfig> queues, MetricsConfig metrics, CompareConfig compare,
                    List<GpuClusterConfig> gpuClusters, Optional<ConsolidationConfig> consolidation,
                    MonitoringConfig monitoring, ContrastConfig contrast, Commitments commitments) {
        this(name, sourceFile, seed, durationMicros, region, placement, placementGroups, services, batches, queues,
                metrics, compare, gpuClusters, consolidation, monitoring, contrast, commitments, FunctionsConfig.NONE,
                FaultsConfig.NONE, NetworkConfig.NONE);
    }

    public Scenario {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sourceFile, "sourceFile");
        Objects.requireNonNull(functions, "functions");
        gpuClusters = List.copyOf(gpuClusters);
        if (region == null && (!services.isEmpty() || !batches.isEmpty() || !queues.isEmpty() || consolidation.isPresent()
                || (gpuClusters.isEmpty() && functions.functions().isEmpty()))) {
            throw new NullPointerException("region: only a scenario of GPU clusters or functions alone may have none");
        }
        Objects.requireNonNull(placement, "placement");
        placementGroups = List.copyOf(placementGroups);
        services = List.copyOf(services);
        batches = List.copyOf(batches);
        queues = List.copyOf(queues);
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(compare, "compare");
        Objects.requireNonNull(consolidation, "consolidation");
        Objects.requireNonNull(monitoring, "monitoring");
        Objects.requireNonNull(contrast, "contrast");
        Objects.requireNonNull(commitments, "commitments");
        Objects.requireNonNull(faults, "faults");
        Objects.requireNonNull(network, "network");
    }

    /**
     * The same scenario with only the workloads named in {@code names} (services, batch workloads,
     * queues, the consolidation; no GPU cluster) and no contrast: the same region, placement,
     * placement groups, seed and duration.
     */
    public Scenario alone(List<String> names) {
        return new Scenario(name, sourceFile, seed, durationMicros, region, placement, placementGroups,
                services.stream().filter(s -> names.contains(s.name())).toList(),
                batches.stream().filter(b -> names.contains(b.name())).toList(),
                queues.stream().filter(q -> names.contains(q.name())).toList(), metrics, compare, List.of(),
                consolidation.filter(c -> names.contains(c.name())), monitoring.only(names),
                ContrastConfig.none(), commitments, new FunctionsConfig(functions.accountConcurrency(),
                        functions.functions().stream().filter(f -> names.contains(f.name())).toList()), faults, network);
    }

    /** The same scenario with another seed. */
    public Scenario withSeed(long newSeed) {
        return new Scenario(name, sourceFile, newSeed, durationMicros, region, placement, placementGroups, services,
                batches, queues, metrics, compare, gpuClusters, consolidation, monitoring, contrast, commitments,
                functions, faults, network);
    }
}
