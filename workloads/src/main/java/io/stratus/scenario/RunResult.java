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
 * @param hosts          hosts in the region
 * @param services       per-service results, in file order
 * @param batches        per-batch-workload results, in file order
 * @param queues         per-queue results, in file order
 * @param costUsd        total on-demand cost
 * @param insufficientCapacity launches refused for want of a host
 * @param consolidation  the consolidation workload's result, if the scenario has one
 */
public record RunResult(String scenario, long seed, long durationMicros, int hosts, List<ServiceResult> services,
                        List<BatchResult> batches, List<QueueResult> queues, double costUsd,
                        long insufficientCapacity, Optional<ConsolidationResult> consolidation) {

    public RunResult {
        services = List.copyOf(services);
        batches = List.copyOf(batches);
        queues = List.copyOf(queues);
        Objects.requireNonNull(consolidation, "consolidation");
    }

    /** A result without a consolidation workload. */
    public RunResult(String scenario, long seed, long durationMicros, int hosts, List<ServiceResult> services,
                     List<BatchResult> batches, List<QueueResult> queues, double costUsd, long insufficientCapacity) {
        this(scenario, seed, durationMicros, hosts, services, batches, queues, costUsd, insufficientCapacity,
                Optional.empty());
    }
}
