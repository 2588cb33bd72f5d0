package io.stratus.scenario;

import io.stratus.compute.Fleet;
import io.stratus.compute.InstancesDistribution;
import io.stratus.hypervisor.CompletionFanout;
import io.stratus.hypervisor.CpuSharing;
import io.stratus.monitor.CloudWatch;
import io.stratus.placement.PlacementGroups;
import io.stratus.infra.HostTable;
import io.stratus.infra.Zone;
import io.stratus.pricing.CostReport;
import io.stratus.pricing.DedicatedRegionFee;
import io.stratus.pricing.HostAllocation;
import io.stratus.pricing.OnDemandBilling;
import io.stratus.pricing.PriceBook;
import io.stratus.pricing.PricingSession;
import io.stratus.pricing.PurchaseStrategy;
import io.stratus.sim.Simulation;
import io.stratus.sim.Time;
import io.stratus.spot.SpotMarket;
import io.stratus.storage.BlockStorage;
import io.stratus.storage.IoSharing;
import io.stratus.workload.RequestSource;
import io.stratus.workload.ServiceDemand;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Builds the engine's model from a {@link Scenario} and runs it.
 *
 * <p>Each service gets its instances (a fixed fleet spread over the zones, or an Auto Scaling
 * group), a load balancer and target group with the algorithm and health checks it names, a
 * request source, latency recorders and an on-demand bill ({@link ServiceRun}). Every random
 * stream is named after its owner ({@code web/arrivals}, {@code web/service}), so adding a
 * service does not change another's numbers. Each batch workload gets a
 * {@link io.stratus.workload.BatchComputeEnvironment} fed from its trace ({@link BatchRun}), each
 * queue its workers ({@link QueueRun}), each GPU cluster one copy of its nodes per placement policy
 * fed the same pods ({@link GpuClusterRun}; without a region, the EC2 side is an empty zone); a
 * consolidation workload launches its trace-driven VMs and re-shares the hosts every five minutes
 * ({@link ConsolidationRun}). Every metrics period a {@link MetricsRow} per service, batch
 * workload, queue, GPU cluster and consolidation is recorded. The number of requests in each service
 * is integrated over time as requests enter (accepted by the load balancer) and leave (complete),
 * which gives L exactly, for the Little's law check against the throughput and mean latency.
 */
public final class ScenarioRunner {

    /**
     * A run's simulated result, its metrics series, its timing, and its cost under the purchase
     * strategy it ran with (empty when it ran with on-demand billing only).
     */
    public record Outcome(RunResult result, List<MetricsRow> metrics, RunTiming timing, Optional<CostReport> cost) {
    }

    /** Progress of a run, for a progress bar: simulated time done of total. */
    @FunctionalInterface
    public interface ProgressListener {
        void progress(long simulatedMicros, long totalMicros, long events);
    }

    private static final long PROGRESS_STEP = Time.HOUR;

    /**
     * Runs the scenario to its duration.
     *
     * @throws IOException if a trace cannot be read; a malformed trace line is a
     *                     {@link io.stratus.trace.TraceFormatException} naming its file, line and column
     */
    public Outcome run(Scenario scenario, ProgressListener progress) throws IOException {
        return run(scenario, progress, null);
    }

    /**
     * Runs the scenario under a purchase strategy: its pricing session (usage meter, spot market
     * when it buys spot) is attached to the fleet, and the outcome carries its cost report.
     */
    public Outcome run(Scenario scenario, ProgressListener progress, PurchaseStrategy strategy) throws IOException {
        Objects.requireNonNull(scenario, "scenario");
        List<Closeable> toClose = new ArrayList<>();
        try {
            return run(scenario, progress, strategy, toClose);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } finally {
            for (Closeable c : toClose) {
                c.close();
            }
        }
    }

    private Outcome run(Scenario scenario, ProgressListener progress, PurchaseStrategy strategy,
                        List<Closeable> toClose) throws IOException {
        Simulation sim = new Simulation(scenario.seed());
        HostTable hosts = scenario.region() == null ? new HostTable(List.of(new Zone(0, "none")))
                : hosts(scenario.region());
        int zoneCount = hosts.zoneCount();

        List<ServiceRun> runs = new ArrayList<>();
        IntArrayList serviceOf = new IntArrayList();
        CompletionFanout completions = new CompletionFanout();
        completions.add((instance, arrival, now) -> runs.get(serviceOf.getInt(instance)).completed(instance, arrival, now));
        CpuSharing cpus = new CpuSharing(sim, completions);
        Fleet fleet = new Fleet(sim, hosts, scenario.placement(), cpus);
        for (PlacementGroupConfig g : scenario.placementGroups()) { // numbered as the launch specs expect
            if (g.strategy() == PlacementGroups.Strategy.PARTITION) {
                fleet.placementGroups().createPartitioned(g.partitions());
            } else {
                fleet.placementGroups().create(g.strategy());
            }
        }
        DedicatedHostRun dedicatedHosts = scenario.region() == null ? null
                : new DedicatedHostRun(scenario.region(), hosts, fleet);
        PricingSession pricing = strategy == null ? null
                : PricingSession.attach(sim, fleet, strategy.withDedicatedHosts(hostAllocations(scenario)));
        // a compare strategy gives every owner its split; otherwise each service keeps its own purchase mix
        InstancesDistribution override = strategy == null ? null : strategy.distribution();
        SpotMarket spotMarket = buysSpot(scenario, override) ? SpotMarket.attach(sim, fleet, PriceBook.bundled().spot())
                : null;
        if (pricing != null && spotMarket != null) {
            pricing.listenTo(spotMarket);
        }
        BlockStorage storage = new BlockStorage(sim, fleet);
        if (pricing != null) {
            storage.addListener(pricing.volumes());
        }
        CloudWatch[] cloudWatch = new CloudWatch[1];
        Supplier<CloudWatch> sharedCloudWatch = () -> {
            if (cloudWatch[0] == null) {
                cloudWatch[0] = new CloudWatch(sim, CloudWatch.DEFAULT_PERIOD);
            }
            return cloudWatch[0];
        };

        for (ServiceConfig config : scenario.services()) {
            int index = runs.size();
            ServiceRun run = new ServiceRun(config, sim, fleet, cpus, id -> {
                while (serviceOf.size() <= id) {
                    serviceOf.add(-1);
                }
                serviceOf.set(id, index);
            }, override != null ? override : config.purchase());
            runs.add(run);
            if (config.cache() != null) {
                run.cache();
            }
            completions.add(run.targetGroup);
            fleet.addLaunchListener(run);
            fleet.addListener(run.targetGroup);
            fleet.addListener(run.billing.onlyFor(run::owns));
            storage.addListener(run.owned.volumes());
            fleet.addListener(run.owned);
            fleet.addListener(run);
            ServiceDemand demand = config.traceDemand() != null
                    ? config.traceDemand().open(sim.random().stream(config.name() + "/service"), sim::now)
                    : config.workDistribution().equals("fixed")
                    ? ServiceDemand.fixed(config.meanWorkMicros())
                    : ServiceDemand.exponential(config.meanWorkMicros(), sim.random().stream(config.name() + "/service"));
            RequestSource source = new RequestSource(sim,
                    config.arrivals().open(sim.random().stream(config.name() + "/arrivals"), toClose),
                    demand, run.entrance());
            run.source(source);
        }
        if (scenario.services().stream().anyMatch(c -> c.io() != null)) {
            IoSharing io = new IoSharing(sim, fleet, storage, hosts,
                    (volume, arrival, now) -> {
                        int instance = storage.volume(volume).instance();
                        runs.get(serviceOf.getInt(instance)).ioCompleted(instance, arrival, now);
                    },
                    (instance, arrival, now) -> runs.get(serviceOf.getInt(instance)).ioCompleted(instance, arrival, now));
            runs.forEach(r -> r.storage(storage, io));
        }
        for (ServiceRun run : runs) {
            run.start(zoneCount, sharedCloudWatch, spotMarket);
        }
        for (ServiceRun run : runs) {
            run.sourceStart();
        }

        List<BatchRun> batches = new ArrayList<>();
        for (BatchConfig config : scenario.batches()) {
            BatchRun batch = new BatchRun(config, sim, fleet, hosts, toClose,
                    override != null ? override : InstancesDistribution.ON_DEMAND);
            storage.addListener(batch.volumes());
            batches.add(batch);
            batch.start();
        }

        List<QueueRun> queues = new ArrayList<>();
        for (QueueConfig config : scenario.queues()) {
            QueueRun queue = new QueueRun(config, sim, fleet, cpus, sharedCloudWatch.get(), zoneCount, toClose,
                    override != null ? override : InstancesDistribution.ON_DEMAND);
            storage.addListener(queue.owned.volumes());
            queues.add(queue);
            queue.start();
        }

        List<GpuClusterRun> gpuClusters = new ArrayList<>();
        for (GpuClusterConfig config : scenario.gpuClusters()) {
            GpuClusterRun gpu = new GpuClusterRun(config, sim, toClose);
            gpuClusters.add(gpu);
            gpu.start();
        }

        List<ConsolidationRun> consolidations = new ArrayList<>(); // none or one
        if (scenario.consolidation().isPresent()) {
            ConsolidationRun consolidation = new ConsolidationRun(scenario.consolidation().get(), sim, fleet, hosts,
                    override != null ? override : InstancesDistribution.ON_DEMAND);
            storage.addListener(consolidation.volumes());
            consolidations.add(consolidation);
            consolidation.start();
        }

        List<MetricsRow> metrics = new ArrayList<>();
        long period = scenario.metrics().periodMicros();
        Runnable endPeriod = () -> {
            runs.forEach(r -> metrics.add(r.endPeriod(sim.now())));
            batches.forEach(b -> metrics.add(b.endPeriod(sim.now())));
            queues.forEach(q -> metrics.add(q.endPeriod(sim.now())));
            gpuClusters.forEach(g -> metrics.addAll(g.endPeriod(sim.now())));
            consolidations.forEach(c -> metrics.add(c.endPeriod(sim.now())));
        };
        repeat(sim, "metrics-period", period, period, endPeriod);

        long end = scenario.durationMicros();
        long started = System.nanoTime();
        for (long t = Math.min(PROGRESS_STEP, end); ; t = Math.min(t + PROGRESS_STEP, end)) {
            sim.runUntil(t);
            if (progress != null) {
                progress.progress(t, end, sim.eventsRun());
            }
            if (t == end) {
                break;
            }
        }
        long wall = System.nanoTime() - started;
        if (end % period != 0) {
            endPeriod.run();
        }

        List<ServiceResult> results = new ArrayList<>();
        double total = 0;
        double volumes = 0;
        for (ServiceRun run : runs) {
            run.billing.close(end);
            ServiceResult r = run.result(end);
            results.add(r);
            total += r.costUsd();
            volumes += run.owned.volumeCostUsd(end);
        }
        List<BatchResult> batchResults = new ArrayList<>();
        for (BatchRun batch : batches) {
            batch.close(end);
            BatchResult r = batch.result();
            batchResults.add(r);
            total += r.costUsd();
            volumes += batch.volumeCostUsd();
        }
        List<QueueResult> queueResults = new ArrayList<>();
        for (QueueRun queue : queues) {
            queue.billing.close(end);
            QueueResult r = queue.result(end);
            queueResults.add(r);
            total += r.costUsd();
            volumes += queue.owned.volumeCostUsd(end);
        }
        List<GpuClusterResult> gpuResults = new ArrayList<>();
        int gpuNodes = 0;
        for (GpuClusterRun gpu : gpuClusters) {
            gpu.close(end);
            gpuResults.addAll(gpu.results());
            gpuNodes += gpu.nodes();
        }
        Optional<ConsolidationResult> consolidationResult = Optional.empty();
        for (ConsolidationRun consolidation : consolidations) {
            consolidation.close(end);
            consolidationResult = Optional.of(consolidation.result());
            total += consolidationResult.get().costUsd();
            volumes += consolidation.volumeCostUsd();
        }
        List<DedicatedHostResult> hostResults = dedicatedHosts == null ? List.of() : dedicatedHosts.results(end);
        for (DedicatedHostResult h : hostResults) {
            total += h.costUsd();
        }
        // Dedicated Instances: their dedicated price is in their workload's cost; the region fee is
        // the account's, over all workloads together, so it is charged once here
        List<OnDemandBilling> bills = new ArrayList<>();
        runs.forEach(r -> bills.add(r.billing));
        batches.forEach(b -> bills.add(b.billing));
        queues.forEach(q -> bills.add(q.billing));
        consolidations.forEach(c -> bills.add(c.billing));
        double dedicatedInstances = bills.stream().mapToDouble(OnDemandBilling::dedicatedInstanceUsd).sum();
        double dedicatedFee = DedicatedRegionFee.usd(PriceBook.bundled(),
                bills.stream().map(OnDemandBilling::ledger).toList());
        total += dedicatedFee;
        RunResult result = new RunResult(scenario.name(), scenario.seed(), end, hosts.hostCount() + gpuNodes, results,
                batchResults, queueResults, total, volumes, fleet.insufficientCapacity(),
                scenario.placementGroups().size(), fleet.refusedByGroupRules(), gpuResults, consolidationResult,
                hostResults, dedicatedInstances, dedicatedFee);
        long completed = results.stream().mapToLong(ServiceResult::completed).sum();
        Optional<CostReport> cost = pricing == null ? Optional.empty() : Optional.of(pricing.report(end, completed));
        return new Outcome(result, metrics, new RunTiming(wall, sim.eventsRun()), cost);
    }

    /** Whether any owner may launch spot: a service's own purchase mix, or the compare strategy's. */
    private static boolean buysSpot(Scenario scenario, InstancesDistribution override) {
        return override != null ? override.usesSpot() // a strategy's split reaches every owner
                : scenario.services().stream().anyMatch(c -> c.purchase().usesSpot());
    }

    /** The scenario's Dedicated Hosts as the pricing engine bills them. */
    private static List<HostAllocation> hostAllocations(Scenario scenario) {
        List<HostAllocation> out = new ArrayList<>();
        if (scenario.region() != null) {
            for (DedicatedHostConfig c : scenario.region().dedicatedHosts()) {
                out.add(new HostAllocation(c.family(), c.count()));
            }
        }
        return out;
    }

    private static HostTable hosts(RegionConfig region) {
        List<Zone> zones = new ArrayList<>();
        for (int i = 0; i < region.zones().size(); i++) {
            zones.add(new Zone(i, region.zones().get(i)));
        }
        HostTable hosts = new HostTable(zones);
        for (int z = 0; z < zones.size(); z++) {
            hosts.addHosts(region.host(), z, region.hostsPerZone(), region.hostsPerZone() / region.racksPerZone());
        }
        return hosts;
    }

    /** Runs {@code action} every {@code every} microseconds from {@code first} on. */
    private static void repeat(Simulation sim, String name, long every, long first, Runnable action) {
        int[] kind = new int[1];
        kind[0] = sim.registerKind(name, (s, d) -> {
            action.run();
            sim.scheduleIn(every, kind[0], 0, 0);
        });
        sim.schedule(first, kind[0], 0, 0);
    }
}
