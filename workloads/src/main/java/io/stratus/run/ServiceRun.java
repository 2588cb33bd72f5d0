package io.stratus.run;

import io.stratus.compute.Fleet;
import io.stratus.compute.Instance;
import io.stratus.compute.InstanceListener;
import io.stratus.compute.InstanceState;
import io.stratus.compute.LaunchListener;
import io.stratus.hypervisor.CpuSharing;
import io.stratus.lb.LoadBalancer;
import io.stratus.lb.RoutingAlgorithms;
import io.stratus.lb.TargetGroup;
import io.stratus.monitor.CloudWatch;
import io.stratus.monitor.LatencyRecorder;
import io.stratus.pricing.Charge;
import io.stratus.pricing.FargateMeter;
import io.stratus.pricing.HourlyCounts;
import io.stratus.pricing.ServerlessPrices;
import io.stratus.scenario.CacheConfig;
import io.stratus.scenario.ServiceConfig;
import io.stratus.sim.Simulation;
import io.stratus.sim.Time;
import io.stratus.storage.BlockStorage;
import io.stratus.storage.IoSharing;
import io.stratus.workload.CacheTier;
import io.stratus.workload.RequestSource;
import io.stratus.workload.ServiceDemand;
import io.stratus.workload.ZipfCache;
import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One service during a run, composed of parts with one job each: its instances
 * ({@link ServiceInstances}: a fixed fleet or an Auto Scaling group), its load balancer and target
 * group, its requests' path and latency ({@link RequestPath}, with the I/O stage
 * {@link ServiceIo} and the cache tier), and its bill ({@link WorkloadBill}); and the measurements
 * taken from them, per period and for the whole run. Its random streams are named after it
 * ({@code web/arrivals}, {@code web/service}, {@code web/routing}, {@code web/cache}).
 */
final class ServiceRun implements WorkloadRun, InstanceListener, LaunchListener {

    private final ServiceConfig config;
    private final Simulation sim;
    private final Fleet fleet;
    private final CpuSharing cpus;
    private final int zoneCount;
    private final Supplier<CloudWatch> cloudWatch;
    private final Purchases purchases;
    final TargetGroup targetGroup;
    private final ServiceInstances instances;
    private final WorkloadBill bill;
    private final RequestPath path;
    private final RequestSource source;
    private final HourlyCounts albRequests;
    /** The Fargate bill of an ECS service on Fargate (its instances are its tasks), or null. */
    private final FargateMeter fargate;
    private ServiceIo io;
    private CpuTotals lastCpu = CpuTotals.ZERO;
    private long lastIoOps;
    private long lastPeriodEnd;
    private long lastArrived;
    private long lastRefused;
    private long closedAt;

    /**
     * @param purchases the run's purchase splits and spot market: the service's instances follow
     *                  the strategy's split, else its own {@code purchase:}
     */
    ServiceRun(ServiceConfig config, Simulation sim, Fleet fleet, CpuSharing cpus, BlockStorage storage,
               int zoneCount, Supplier<CloudWatch> cloudWatch, Purchases purchases, List<Closeable> toClose)
            throws IOException {
        this.config = Objects.requireNonNull(config, "config");
        this.sim = Objects.requireNonNull(sim, "sim");
        this.fleet = fleet;
        this.cpus = Objects.requireNonNull(cpus, "cpus");
        this.zoneCount = zoneCount;
        this.cloudWatch = Objects.requireNonNull(cloudWatch, "cloudWatch");
        this.purchases = Objects.requireNonNull(purchases, "purchases");
        this.targetGroup = new TargetGroup(sim, config.name(), 80, cpus,
                RoutingAlgorithms.create(config.balancer(), sim.random().stream(config.name() + "/routing")),
                config.healthChecks(), TargetGroup.DEFAULT_DEREGISTRATION_DELAY);
        targetGroup.setMaxInFlight(config.maxInFlight());
        LoadBalancer loadBalancer = new LoadBalancer(config.name() + "-alb");
        loadBalancer.addListener(80, "HTTP", targetGroup);
        this.instances = new ServiceInstances(config, sim, fleet);
        this.path = new RequestPath(sim, loadBalancer,
                () -> (long) config.maxInFlight() * Math.max(1, targetGroup.healthyCount() + targetGroup.unhealthyCount()));
        this.bill = new WorkloadBill(fleet, storage, instances::owns, purchases);
        CacheConfig c = config.cache();
        if (c != null) {
            path.cache(new CacheTier(sim, new ZipfCache(c.objects(), c.zipf()),
                    () -> c.cachedObjects(bill.owned().count(InstanceState.RUNNING), config.type().memoryGib()),
                    c.missPenaltyMicros(), sim.random().stream(config.name() + "/cache"), path::finished));
        }
        this.fargate = config.fargate() == null ? null : new FargateMeter(ServerlessPrices.bundled(), instances::owns,
                config.name(), config.fargate().architecture(), config.fargate().vcpus(), config.fargate().memoryGb());
        fleet.addLaunchListener(this);
        fleet.addListener(targetGroup);
        fleet.addListener(this);
        if (fargate != null) { // after this run's own launch listener, which marks the task as its own
            fleet.addLaunchListener(fargate);
            fleet.addListener(fargate);
        }
        ServiceDemand demand = config.traceDemand() != null
                ? config.traceDemand().open(sim.random().stream(config.name() + "/service"), sim::now)
                : config.workDistribution().equals("fixed")
                ? ServiceDemand.fixed(config.meanWorkMicros())
                : ServiceDemand.exponential(config.meanWorkMicros(), sim.random().stream(config.name() + "/service"));
        this.source = new RequestSource(sim,
                config.arrivals().open(sim.random().stream(config.name() + "/arrivals"), toClose),
                demand, path.entrance());
        this.albRequests = HourlyCounts.attach(sim, config.name() + "/alb", source::generated);
    }

    /** Whether instance {@code id} belongs to this service. */
    boolean owns(int id) {
        return instances.owns(id);
    }

    /** The service's configuration. */
    ServiceConfig config() {
        return config;
    }

    /** Requests arrived so far, and of them refused (every cause) and refused for want of capacity. */
    long[] requestCounts(long[] into) {
        into[0] = source.generated();
        into[1] = source.refused();
        into[2] = targetGroup.overloaded() + path.overloaded();
        return into;
    }

    /** Gives the service's requests their I/O stage, on the run's storage, if the service does I/O. */
    void storage(BlockStorage storage, IoSharing ioSharing) {
        if (config.io() != null) {
            io = new ServiceIo(config.io(), storage, ioSharing);
            path.io(io);
        }
    }

    /** Starts the fleet (fixed or Auto Scaling group), then the requests at time 0. */
    @Override
    public void start() {
        instances.start(zoneCount, cloudWatch, cpus, targetGroup, purchases);
        source.start(0);
    }

    @Override
    public void networkedBy(NetworkRun network) {
        network.service(config.name(), targetGroup);
    }

    @Override
    public void monitoredBy(MonitoringRun monitoring) {
        instances.stoppedOnSchedule(monitoring.service(config, instances.group(), targetGroup, this::owns));
    }

    @Override
    public void launched(Instance instance, long now) {
        if (instances.launched(instance)) {
            bill.launched(instance);
        }
    }

    @Override
    public void stateChanged(Instance instance, InstanceState from, InstanceState to, long now) {
        if (!owns(instance.id())) {
            return;
        }
        instances.countRunning(from, to, now);
        if (from == InstanceState.RUNNING) {
            path.lost(fleet.droppedByLastChange()); // requests on its CPUs left with it
        }
        if (to == InstanceState.RUNNING && io != null) {
            io.running(instance);
        }
        instances.replaceIfLeft(instance, from, to, now);
        if (to == InstanceState.TERMINATED) {
            instances.terminated(instance.id(), cpus);
        }
    }

    /** A request of this service finished its CPU work on {@code instance}. */
    void completed(int instance, long arrival, long now) {
        path.cpuCompleted(instance, arrival, now);
    }

    /** A request of this service finished its I/O stage. */
    void ioCompleted(int instance, long arrival, long now) {
        path.ioCompleted(instance, arrival, now);
    }

    /** Requests in progress now: on the service's running instances (CPU or I/O) or at the cache's backend. */
    long inProgress() {
        return path.beyondCpu() + instances.activeOnCpus(cpus);
    }

    @Override
    public void endPeriod(long now, List<MetricsRow> rows) {
        instances.forgetTerminated();
        CpuTotals cpu = instances.cpuTotals(cpus);
        long ioOps = io == null ? 0 : io.opsDone();
        long arrived = source.generated();
        long refused = source.refused();
        long dCapacity = cpu.capacity() - lastCpu.capacity();
        LatencyRecorder period = path.endPeriod();
        OwnedInstances owned = bill.owned();
        rows.add(new MetricsRow(now, config.name(), owned.count(InstanceState.PENDING),
                owned.count(InstanceState.RUNNING), owned.stoppedOrStopping(),
                dCapacity == 0 ? Double.NaN : (double) (cpu.busy() - lastCpu.busy()) / dCapacity,
                dCapacity == 0 ? Double.NaN : (cpu.steal() - lastCpu.steal()) / dCapacity, owned.memoryGib(),
                (ioOps - lastIoOps) / Math.max(1e-9, Time.toSeconds(now - lastPeriodEnd)),
                arrived - lastArrived, refused - lastRefused, period.count(),
                percentileMs(period, 50), percentileMs(period, 95), percentileMs(period, 99),
                fargate == null ? bill.costSoFarUsd(now) : fargateUsd(now)));
        lastCpu = cpu;
        lastIoOps = ioOps;
        lastPeriodEnd = now;
        lastArrived = arrived;
        lastRefused = refused;
    }

    /** The Fargate bill so far, as if every task stopped {@code now}. */
    private double fargateUsd(long now) {
        return fargate == null ? 0 : Charge.totalUsd(fargate.lines(now));
    }

    /** A latency percentile, ms; NaN (reported as none) when nothing completed. */
    private static double percentileMs(LatencyRecorder r, double percentile) {
        return r.count() == 0 ? Double.NaN : r.percentileMicros(percentile) / (double) Time.MILLISECOND;
    }

    @Override
    public void close(long end) {
        closedAt = end;
        if (fargate != null) { // the runner closes only the bills it is given: a Fargate service gives none
            bill.close(end);
        }
    }

    /** Its load balancer's hourly requests, its instances' addresses and monitoring, its outbound bytes. */
    @Override
    public void charges(ChargeLines lines) {
        lines.service(config.name(), config.traffic(), albRequests.perHour(closedAt), path.latency().count(),
                bill.billedSeconds(), config.autoScaling() != null && config.autoScaling().targetMetric() != null);
        if (fargate != null) {
            lines.add(fargate.lines(closedAt));
        }
    }

    @Override
    public Optional<WorkloadBill> bill() {
        // a Fargate service's tasks are billed by Fargate (its charge lines), not as instances
        return fargate == null ? Optional.of(bill) : Optional.empty();
    }

    @Override
    public void addResult(RunResults results) {
        results.services.add(result(closedAt));
    }

    /** The whole-run result at {@code end}, after {@link #close}; its cost is the instances' and their EBS volumes'. */
    private ServiceResult result(long end) {
        CpuTotals cpu = instances.cpuTotals(cpus);
        LatencyRecorder latency = path.latency();
        long completed = latency.count();
        long inFlight = inProgress();
        long dropped = source.generated() - source.refused() - completed - inFlight;
        CacheTier cache = path.cache();
        return new ServiceResult(config.name(), instances.launchedCount(), config.type().name(), instances.meanRunning(end),
                instances.peakRunning(), source.generated(), source.refused(), completed, dropped, inFlight,
                latency.meanMicros() / Time.MILLISECOND, percentileMs(latency, 50), percentileMs(latency, 95),
                percentileMs(latency, 99), completed == 0 ? Double.NaN : latency.maxMicros() / (double) Time.MILLISECOND,
                cpu.capacity() == 0 ? 0 : (double) cpu.busy() / cpu.capacity(),
                cpu.capacity() == 0 ? 0 : cpu.steal() / cpu.capacity(),
                path.meanInSystem(end), bill.billedSeconds(), fargate == null ? bill.costUsd() : fargateUsd(end),
                instances.replacements(),
                cache == null || cache.hits() + cache.misses() == 0 ? Double.NaN
                        : (double) cache.hits() / (cache.hits() + cache.misses()),
                instances.groupLaunches(), instances.spotOutcome(fargate == null ? bill.spotCostUsd() : 0,
                        bill.spotSecondsByPool()),
                targetGroup.overloaded() + path.overloaded());
    }
}
