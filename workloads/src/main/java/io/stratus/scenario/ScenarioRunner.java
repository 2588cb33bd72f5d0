package io.stratus.scenario;

import io.stratus.compute.Fleet;
import io.stratus.compute.InstanceListener;
import io.stratus.compute.LaunchSpec;
import io.stratus.hypervisor.CpuSharing;
import io.stratus.infra.HostTable;
import io.stratus.infra.Zone;
import io.stratus.lb.RoundRobinBalancer;
import io.stratus.monitor.LatencyRecorder;
import io.stratus.placement.FirstFitPlacement;
import io.stratus.pricing.OnDemandBilling;
import io.stratus.sim.Simulation;
import io.stratus.sim.Time;
import io.stratus.workload.PoissonArrivals;
import io.stratus.workload.RequestSource;
import io.stratus.workload.ServiceDemand;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Builds the engine's model from a {@link Scenario} and runs it.
 *
 * <p>Each service gets its fixed fleet, launched at time 0 and spread over the zones in turn,
 * its own round-robin load balancer, Poisson request source, latency recorder and on-demand
 * bill. Every random stream is named after the service ({@code web/arrivals},
 * {@code web/service}), so adding a service does not change another's numbers.
 */
public final class ScenarioRunner {

    /** A run's simulated result and its timing. */
    public record Outcome(RunResult result, RunTiming timing) {
    }

    /** Progress of a run, for a progress bar: simulated time done of total. */
    @FunctionalInterface
    public interface ProgressListener {
        void progress(long simulatedMicros, long totalMicros, long events);
    }

    private static final long PROGRESS_STEP = Time.HOUR;

    /** Runs the scenario to its duration. */
    public Outcome run(Scenario scenario, ProgressListener progress) {
        Objects.requireNonNull(scenario, "scenario");
        Simulation sim = new Simulation(scenario.seed());
        List<Zone> zones = new ArrayList<>();
        for (int i = 0; i < scenario.region().zones().size(); i++) {
            zones.add(new Zone(i, scenario.region().zones().get(i)));
        }
        HostTable hosts = new HostTable(zones);
        for (int z = 0; z < zones.size(); z++) {
            hosts.addHosts(scenario.region().host(), z, scenario.region().hostsPerZone());
        }

        int serviceCount = scenario.services().size();
        LatencyRecorder[] latency = new LatencyRecorder[serviceCount];
        for (int s = 0; s < serviceCount; s++) {
            latency[s] = new LatencyRecorder();
        }
        IntArrayList serviceOf = new IntArrayList();
        CpuSharing cpus = new CpuSharing(sim,
                (instance, arrival, now) -> latency[serviceOf.getInt(instance)].completed(instance, arrival, now));
        Fleet fleet = new Fleet(sim, hosts, new FirstFitPlacement(), cpus);

        List<ServiceRun> runs = new ArrayList<>();
        for (int s = 0; s < serviceCount; s++) {
            ServiceConfig config = scenario.services().get(s);
            ServiceRun run = new ServiceRun(config, s, latency[s], new RoundRobinBalancer(cpus), new OnDemandBilling());
            int index = s;
            fleet.addListener(run.balancer);
            fleet.addListener(run.billing.onlyFor(id -> serviceOf.getInt(id) == index));
            for (int i = 0; i < config.instances(); i++) {
                LaunchSpec spec = new LaunchSpec(config.type(), i % zones.size(), config.bootMicros(),
                        config.shutdownMicros());
                int id = fleet.launch(spec);
                if (id >= 0) {
                    serviceOf.add(s);
                    run.instanceIds.add(id);
                    run.balancer.register(id);
                }
            }
            ServiceDemand demand = config.workDistribution().equals("fixed")
                    ? ServiceDemand.fixed(config.meanWorkMicros())
                    : ServiceDemand.exponential(config.meanWorkMicros(), sim.random().stream(config.name() + "/service"));
            run.source = new RequestSource(sim,
                    new PoissonArrivals(config.arrivals(), sim.random().stream(config.name() + "/arrivals")),
                    demand, run.balancer);
            run.source.start(0);
            runs.add(run);
        }
        int[] inSystemKind = new int[1];
        long sampleEvery = Time.SECOND;
        inSystemKind[0] = sim.registerKind("sample-in-system", (sub, d) -> {
            for (ServiceRun r : runs) {
                r.sampleInSystem(cpus);
            }
            sim.scheduleIn(sampleEvery, inSystemKind[0], 0, 0);
        });
        sim.schedule(0, inSystemKind[0], 0, 0);

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

        List<ServiceResult> results = new ArrayList<>();
        double total = 0;
        for (ServiceRun run : runs) {
            run.billing.close(end);
            ServiceResult r = run.result(cpus);
            results.add(r);
            total += r.costUsd();
        }
        RunResult result = new RunResult(scenario.name(), scenario.seed(), end, hosts.hostCount(), results, total,
                fleet.insufficientCapacity());
        return new Outcome(result, new RunTiming(wall, sim.eventsRun()));
    }

    /** The parts of one service during a run. */
    private static final class ServiceRun {
        final ServiceConfig config;
        final int index;
        final LatencyRecorder latency;
        final RoundRobinBalancer balancer;
        final OnDemandBilling billing;
        final IntArrayList instanceIds = new IntArrayList();
        RequestSource source;
        long inSystemSamples;
        long inSystemSum;

        ServiceRun(ServiceConfig config, int index, LatencyRecorder latency, RoundRobinBalancer balancer,
                   OnDemandBilling billing) {
            this.config = config;
            this.index = index;
            this.latency = latency;
            this.balancer = balancer;
            this.billing = billing;
        }

        long inProgress(CpuSharing cpus) {
            long n = 0;
            for (int i = 0; i < instanceIds.size(); i++) {
                int id = instanceIds.getInt(i);
                if (cpus.isAttached(id)) {
                    n += cpus.active(id);
                }
            }
            return n;
        }

        void sampleInSystem(CpuSharing cpus) {
            inSystemSamples++;
            inSystemSum += inProgress(cpus);
        }

        ServiceResult result(CpuSharing cpus) {
            long busy = 0;
            long capacity = 0;
            for (int i = 0; i < instanceIds.size(); i++) {
                busy += cpus.busyVcpuMicros(instanceIds.getInt(i));
                capacity += cpus.capacityVcpuMicros(instanceIds.getInt(i));
            }
            long completed = latency.count();
            long inFlight = inProgress(cpus);
            long dropped = source.generated() - source.refused() - completed - inFlight;
            long billed = billing.billedSecondsByType().values().stream().mapToLong(Long::longValue).sum();
            return new ServiceResult(config.name(), instanceIds.size(), config.type().name(), source.generated(),
                    source.refused(), completed, dropped, inFlight,
                    latency.meanMicros() / Time.MILLISECOND,
                    latency.percentileMicros(50) / (double) Time.MILLISECOND,
                    latency.percentileMicros(95) / (double) Time.MILLISECOND,
                    latency.percentileMicros(99) / (double) Time.MILLISECOND,
                    latency.maxMicros() / (double) Time.MILLISECOND,
                    capacity == 0 ? 0 : (double) busy / capacity,
                    inSystemSamples == 0 ? 0 : (double) inSystemSum / inSystemSamples,
                    billed, billing.totalUsd());
        }
    }
}
