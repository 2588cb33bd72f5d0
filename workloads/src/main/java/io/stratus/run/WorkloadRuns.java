package io.stratus.run;

import io.stratus.scenario.Scenario;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The registry of workload kinds: for each kind, in a fixed order (services, batch workloads,
 * queues, GPU clusters, consolidation, Lambda functions), how to build its runs from a scenario on the shared region.
 * A kind's runs are started as soon as they are built, before the next kind is built, so events
 * are scheduled in one fixed order (ties in simulated time run in that order).
 */
final class WorkloadRuns {

    /** One workload kind: builds the runs of a scenario's workloads of that kind, in file order. */
    @FunctionalInterface
    interface Kind {
        List<? extends WorkloadRun> build(Scenario scenario, SharedRegion region) throws IOException;
    }

    /** One workload of a kind, from its config. */
    @FunctionalInterface
    private interface One<C> {
        WorkloadRun build(C config, SharedRegion region) throws IOException;
    }

    static final List<Kind> KINDS = List.of(
            (s, r) -> ServiceRuns.build(s.services(), r),
            (s, r) -> each(s.batches(), r, (c, g) -> new BatchRun(c, g.sim(), g.fleet(), g.hosts(), g.cpus(), g.storage(),
                    g.toClose(), g.purchases())),
            (s, r) -> each(s.queues(), r, (c, g) -> new QueueRun(c, g.sim(), g.fleet(), g.cpus(), g.completions(), g.storage(),
                    g.cloudWatch().get(), g.hosts().zoneCount(), g.toClose(), g.purchases())),
            (s, r) -> each(s.gpuClusters(), r, GpuClusterRun::new),
            (s, r) -> each(s.consolidation().stream().toList(), r,
                    (c, g) -> new ConsolidationRun(c, g.sim(), g.fleet(), g.hosts(), g.cpus(), g.storage(),
                            g.purchases().uninterruptible())),
            (s, r) -> FunctionRun.build(s.functions(), r));

    private WorkloadRuns() {
    }

    /** Builds and starts every workload of {@code scenario}, kind by kind; the runs in that order. */
    static List<WorkloadRun> buildAndStart(Scenario scenario, SharedRegion region) throws IOException {
        return buildAndStart(scenario, region, null);
    }

    /** Builds every workload, wires it into {@code network} (unless null), and starts it, kind by kind. */
    static List<WorkloadRun> buildAndStart(Scenario scenario, SharedRegion region, NetworkRun network)
            throws IOException {
        List<WorkloadRun> runs = new ArrayList<>();
        for (Kind kind : KINDS) {
            List<? extends WorkloadRun> built = kind.build(scenario, region);
            for (WorkloadRun run : built) {
                if (network != null) {
                    run.networkedBy(network);
                }
                run.start();
            }
            runs.addAll(built);
        }
        return runs;
    }

    private static <C> List<WorkloadRun> each(List<C> configs, SharedRegion region, One<C> one) throws IOException {
        List<WorkloadRun> out = new ArrayList<>();
        for (C config : configs) {
            out.add(one.build(config, region));
        }
        return out;
    }
}
