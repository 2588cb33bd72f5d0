package io.stratus.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The per-workload results of a run, collected as each {@link WorkloadRun} adds its own, in the
 * order the runs were built (file order within each kind).
 */
final class RunResults {

    final List<ServiceResult> services = new ArrayList<>();
    final List<BatchResult> batches = new ArrayList<>();
    final List<QueueResult> queues = new ArrayList<>();
    final List<GpuClusterResult> gpuClusters = new ArrayList<>();
    final List<FunctionResult> functions = new ArrayList<>();
    private ConsolidationResult consolidation;

    void consolidation(ConsolidationResult result) {
        if (consolidation != null) {
            throw new IllegalStateException("a scenario has at most one consolidation workload");
        }
        consolidation = result;
    }

    Optional<ConsolidationResult> consolidation() {
        return Optional.ofNullable(consolidation);
    }

    /** Requests completed by every service. */
    long completedRequests() {
        return services.stream().mapToLong(ServiceResult::completed).sum();
    }
}
