package io.stratus.run;

import io.stratus.compute.Fleet;
import io.stratus.compute.PerformanceCatalog;
import io.stratus.hypervisor.CompletionFanout;
import io.stratus.hypervisor.CpuSharing;
import io.stratus.infra.HostTable;
import io.stratus.infra.Zone;
import io.stratus.monitor.CloudWatch;
import io.stratus.placement.PlacementGroups;
import io.stratus.pricing.Charge;
import io.stratus.pricing.Commitments;
import io.stratus.pricing.CostReport;
import io.stratus.pricing.DedicatedRegionFee;
import io.stratus.pricing.HostAllocation;
import io.stratus.pricing.OnDemandBilling;
import io.stratus.pricing.PriceBook;
import io.stratus.pricing.PricingSession;
import io.stratus.pricing.PurchaseStrategy;
import io.stratus.scenario.DedicatedHostConfig;
import io.stratus.scenario.PlacementGroupConfig;
import io.stratus.scenario.RegionConfig;
import io.stratus.scenario.Scenario;
import io.stratus.sim.Simulation;
import io.stratus.sim.Time;
import io.stratus.storage.BlockStorage;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Builds the engine's model from a {@link Scenario} and runs it, as a loop that never knows the
 * workload kinds: it builds what the workloads share (the region's hosts, the fleet and its CPU
 * sharing, placement groups, Dedicated Hosts, block storage, the pricing session of a purchase
 * strategy, the owners' purchase splits and the spot market when any owner buys spot), builds and starts one {@link WorkloadRun} per workload ({@link WorkloadRuns}), runs the
 * clock with a {@link MetricsRow} from each run every metrics period, closes the runs at the end and
 * adds up their results and bills.
 *
 * <p>Every random stream is named after its owner ({@code web/arrivals}, {@code web/service}), so
 * adding a workload does not change another's numbers. Without a region (GPU clusters only), the
 * EC2 side is one empty zone.
 */
public final class ScenarioRunner {

    /** A run's result, metrics series, timing, and cost report (empty when nothing was priced). */
    public record Outcome(RunResult result, List<MetricsRow> metrics, RunTiming timing, Optional<CostReport> cost) {
    }

    /** Progress of a run, for a progress bar: simulated time done of total. */
    @FunctionalInterface
    public interface ProgressListener {
        void progress(long simulatedMicros, long totalMicros, long events);
    }

    private static final long PROGRESS_STEP = Time.HOUR;

    /**
     * Runs the scenario to its duration; with {@code commitments:}, the outcome's cost report is
     * the bill of the run as launched (each owner's own on-demand / spot split) with them applied.
     *
     * @throws IOException if a trace cannot be read; a malformed trace line is a
     *                     {@link io.stratus.trace.TraceFormatException} naming its file, line and column
     */
    public Outcome run(Scenario scenario, ProgressListener progress) throws IOException {
        // each owner keeps its own purchase split: pricing with the commitments does not change the run
        PurchaseStrategy priced = scenario.commitments().equals(Commitments.NONE) ? null : PurchaseStrategy.onDemand();
        return run(scenario, progress, priced, priced == null ? List.of() : List.of(priced), null, false).get(0);
    }

    /**
     * Runs the scenario under a purchase strategy: its pricing session (usage meter, spot market
     * when it buys spot) is attached to the fleet, and the outcome carries its cost report.
     */
    public Outcome run(Scenario scenario, ProgressListener progress, PurchaseStrategy strategy) throws IOException {
        return runPricedAs(scenario, progress, strategy, strategy == null ? List.of() : List.of(strategy)).get(0);
    }

    /**
     * Runs the scenario once under {@code strategy} and prices that run's usage under each of
     * {@code pricedAs} ({@link PricingSession#reportAs}), which must all be priceable from it
     * ({@link PurchaseStrategy#priceableFromRunOf}): one outcome per priced strategy, in order,
     * sharing the run's result, metrics and timing; each cost is the one a run of its own gives.
     * Without a strategy, one outcome with on-demand billing only.
     */
    public List<Outcome> runPricedAs(Scenario scenario, ProgressListener progress, PurchaseStrategy strategy,
                                     List<PurchaseStrategy> pricedAs) throws IOException {
        Objects.requireNonNull(scenario, "scenario");
        for (PurchaseStrategy other : pricedAs) {
            if (strategy == null || !other.priceableFromRunOf(strategy)) {
                throw new IllegalArgumentException(other + " cannot be priced from a run under " + strategy);
            }
        }
        return run(scenario, progress, strategy, pricedAs, null, true);
    }

    /**
     * Runs the scenario under {@code strategy} and returns its usage, to be priced under any
     * strategy that could not have changed the run ({@code stratus recommend} prices many
     * commitment levels from it).
     */
    public UsagePricer runForPricing(Scenario scenario, PurchaseStrategy strategy) throws IOException {
        UsagePricer[] pricer = new UsagePricer[1];
        run(scenario, null, Objects.requireNonNull(strategy, "strategy"), List.of(), pricer, true);
        return pricer[0];
    }

    /** @param strategySplits whether the strategy's on-demand / spot split replaces each owner's own */
    private List<Outcome> run(Scenario scenario, ProgressListener progress, PurchaseStrategy strategy,
                              List<PurchaseStrategy> pricedAs, UsagePricer[] pricer, boolean strategySplits)
            throws IOException {
        List<Closeable> toClose = new ArrayList<>();
        try {
            return run(scenario, progress, strategy, pricedAs, toClose, pricer, strategySplits);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } finally {
            for (Closeable c : toClose) {
                c.close();
            }
        }
    }

    private List<Outcome> run(Scenario scenario, ProgressListener progress, PurchaseStrategy strategy,
                              List<PurchaseStrategy> pricedAs, List<Closeable> toClose, UsagePricer[] pricer,
                              boolean strategySplits) throws IOException {
        Simulation sim = new Simulation(scenario.seed());
        HostTable hosts = scenario.region() == null ? new HostTable(List.of(new Zone(0, "none")))
                : hosts(scenario.region());
        CompletionFanout completions = new CompletionFanout();
        CpuSharing cpus = new CpuSharing(sim, completions);
        Fleet fleet = new Fleet(sim, hosts, scenario.placement(), cpus);
        fleet.setCpuSpeeds(PerformanceCatalog.bundled()::speedOf);
        createPlacementGroups(scenario, fleet);
        NetworkRun network = NetworkRun.attach(scenario, fleet);
        DedicatedHostRun dedicatedHosts = scenario.region() == null ? null
                : new DedicatedHostRun(scenario.region(), hosts, fleet);
        PricingSession pricing = strategy == null ? null
                : PricingSession.attach(sim, fleet, ofAccount(scenario, strategy));
        Purchases purchases = Purchases.attach(scenario, strategySplits ? strategy : null, sim, fleet, pricing);
        BlockStorage storage = new BlockStorage(sim, fleet);
        if (pricing != null) {
            storage.addListener(pricing.volumes());
        }
        SharedRegion region = new SharedRegion(sim, hosts, fleet, cpus, completions, storage,
                lazyCloudWatch(sim), toClose, purchases);
        List<WorkloadRun> runs = WorkloadRuns.buildAndStart(scenario, region, network);
        FaultRun faults = FaultRun.attach(scenario, sim, hosts, fleet, runs, completions); // null without faults
        MonitoringRun monitoring = new MonitoringRun(scenario.monitoring(), sim, fleet, region.cloudWatch(),
                completions);
        runs.forEach(r -> r.monitoredBy(monitoring));
        monitoring.start();

        List<MetricsRow> metrics = new ArrayList<>();
        long period = scenario.metrics().periodMicros();
        Runnable endPeriod = () -> runs.forEach(r -> r.endPeriod(sim.now(), metrics));
        repeat(sim, "metrics-period", period, period, endPeriod);
        long end = scenario.durationMicros();
        long wall = runClock(sim, end, progress);
        if (end % period != 0) {
            endPeriod.run();
        }
        for (WorkloadRun r : runs) {
            r.close(end);
            r.bill().ifPresent(b -> b.close(end));
        }
        MonitoringResult monitored = monitoring.result(end);
        List<Charge> charges = ChargeLines.of(scenario, runs, end, monitored);
        RunResult charged = result(scenario, hosts, fleet, runs, dedicatedHosts, end, monitored).withCharges(charges)
                .withNetwork(network == null ? NetworkResult.NONE : network.result(end));
        RunResult result = faults == null ? charged : charged.withFaults(faults.result(end));
        Outcome unpriced = new Outcome(result, metrics, new RunTiming(wall, sim.eventsRun()), Optional.empty());
        if (pricing == null) {
            return List.of(unpriced);
        }
        pricing.charges(charges);
        UsagePricer usage = new UsagePricer(pricing, strategy, s -> ofAccount(scenario, s), end, result);
        if (pricer != null) {
            pricer[0] = usage;
        }
        return pricedAs.stream().map(s -> new Outcome(result, metrics, unpriced.timing(), Optional.of(usage.price(s))))
                .toList();
    }

    /** Runs the clock to {@code end}, telling {@code progress} every simulated hour; the wall time taken, ns. */
    private static long runClock(Simulation sim, long end, ProgressListener progress) {
        long started = System.nanoTime();
        for (long t = Math.min(PROGRESS_STEP, end); ; t = Math.min(t + PROGRESS_STEP, end)) {
            sim.runUntil(t);
            if (progress != null) {
                progress.progress(t, end, sim.eventsRun());
            }
            if (t == end) {
                return System.nanoTime() - started;
            }
        }
    }

    /**
     * Adds up the closed runs: their results, their costs in run order, the Dedicated Hosts, and
     * the Dedicated Instance region fee (the account's, over all workloads together, so charged
     * once here; their dedicated price is already in their workload's cost).
     */
    private static RunResult result(Scenario scenario, HostTable hosts, Fleet fleet, List<WorkloadRun> runs,
                                    DedicatedHostRun dedicatedHosts, long end, MonitoringResult monitoring) {
        RunResults results = new RunResults();
        double total = 0;
        double volumes = 0;
        List<OnDemandBilling> bills = new ArrayList<>();
        for (WorkloadRun run : runs) {
            run.addResult(results);
            Optional<WorkloadBill> bill = run.bill();
            if (bill.isPresent()) {
                total += bill.get().costUsd();
                volumes += bill.get().volumeCostUsd();
                bills.add(bill.get().billing());
            }
        }
        List<DedicatedHostResult> hostResults = dedicatedHosts == null ? List.of() : dedicatedHosts.results(end);
        for (DedicatedHostResult h : hostResults) {
            total += h.costUsd();
        }
        double dedicatedInstances = bills.stream().mapToDouble(OnDemandBilling::dedicatedInstanceUsd).sum();
        double dedicatedFee = DedicatedRegionFee.usd(PriceBook.bundled(),
                bills.stream().map(OnDemandBilling::ledger).toList());
        total += dedicatedFee;
        double surplus = bills.stream().mapToDouble(OnDemandBilling::surplusCreditsUsd).sum();
        return new RunResult(scenario.name(), scenario.seed(), end, hosts.hostCount(), results.services,
                results.batches, results.queues, total, volumes, fleet.insufficientCapacity(),
                scenario.placementGroups().size(), fleet.refusedByGroupRules(), results.gpuClusters,
                results.consolidation(), hostResults, dedicatedInstances, dedicatedFee, surplus, monitoring)
                .withFunctions(results.functions);
    }

    /** The placement groups, numbered in file order as the launch specs expect. */
    private static void createPlacementGroups(Scenario scenario, Fleet fleet) {
        for (PlacementGroupConfig g : scenario.placementGroups()) {
            if (g.strategy() == PlacementGroups.Strategy.PARTITION) {
                fleet.placementGroups().createPartitioned(g.partitions());
            } else {
                fleet.placementGroups().create(g.strategy());
            }
        }
    }

    /** One CloudWatch for the run, made when a workload first asks for it. */
    private static Supplier<CloudWatch> lazyCloudWatch(Simulation sim) {
        CloudWatch[] cloudWatch = new CloudWatch[1];
        return () -> {
            if (cloudWatch[0] == null) {
                cloudWatch[0] = new CloudWatch(sim, CloudWatch.DEFAULT_PERIOD);
            }
            return cloudWatch[0];
        };
    }

    /** {@code strategy} for the scenario's account: with its own Dedicated Hosts and its {@code commitments:}. */
    private static PurchaseStrategy ofAccount(Scenario scenario, PurchaseStrategy strategy) {
        return strategy.withDedicatedHosts(hostAllocations(scenario)).withCommitments(scenario.commitments());
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
