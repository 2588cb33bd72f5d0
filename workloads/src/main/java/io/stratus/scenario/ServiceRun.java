package io.stratus.scenario;

import io.stratus.compute.Fleet;
import io.stratus.compute.Instance;
import io.stratus.compute.InstanceListener;
import io.stratus.compute.InstanceState;
import io.stratus.compute.InstancesDistribution;
import io.stratus.compute.LaunchListener;
import io.stratus.compute.LaunchSpec;
import io.stratus.compute.PurchaseMix;
import io.stratus.hypervisor.CpuSharing;
import io.stratus.lb.LoadBalancer;
import io.stratus.lb.RoutingAlgorithms;
import io.stratus.lb.TargetGroup;
import io.stratus.monitor.CloudWatch;
import io.stratus.monitor.LatencyRecorder;
import io.stratus.monitor.Statistic;
import io.stratus.pricing.OnDemandBilling;
import io.stratus.scaling.AutoScalingGroup;
import io.stratus.scaling.GroupMetrics;
import io.stratus.scaling.GroupSettings;
import io.stratus.scaling.LaunchTemplate;
import io.stratus.scaling.PredictiveScalingPolicy;
import io.stratus.scaling.TargetTrackingPolicy;
import io.stratus.sim.Simulation;
import io.stratus.sim.Time;
import io.stratus.spot.SpotMarket;
import io.stratus.storage.BlockStorage;
import io.stratus.storage.IoSharing;
import io.stratus.workload.CacheTier;
import io.stratus.workload.RequestSink;
import io.stratus.workload.RequestSource;
import io.stratus.workload.ZipfCache;
import it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.ints.IntOpenHashSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

/**
 * The parts of one service during a run: its instances (a fixed fleet or an Auto Scaling group),
 * its load balancer and target group, request source, latency recorders and bill, and the
 * measurements taken from them, per period and for the whole run.
 *
 * <p>Its instances are those launched with its group tag ({@code service/<name>}), whoever
 * launched them. A fixed fleet keeps its size as an Auto Scaling group with min = max = desired
 * would: an instance that leaves running without being asked to (a reclaimed spot instance, a host
 * failure) is replaced at once by a new one in the same zone. An Auto Scaling group replaces its
 * own instances. Either applies the service's purchase mix to its own live instances (a group
 * itself, a fixed fleet through a {@link PurchaseMix}), and, with a spot market in the run, the
 * group hears its rebalance recommendations and notices.
 */
final class ServiceRun implements InstanceListener, LaunchListener {

    private final ServiceConfig config;
    private final Simulation sim;
    private final Fleet fleet;
    private final CpuSharing cpus;
    private final IntConsumer registerOwner;
    private final String tag;
    private final PurchaseMix purchases;
    final TargetGroup targetGroup;
    final LoadBalancer loadBalancer;
    final OnDemandBilling billing = new OnDemandBilling();
    private final IntArrayList instanceIds = new IntArrayList();
    private final IntOpenHashSet members = new IntOpenHashSet();
    final OwnedInstances owned = new OwnedInstances(members::contains);
    private final SpotCounts spot = new SpotCounts(members::contains);
    private final LatencyRecorder latency = new LatencyRecorder();
    private LatencyRecorder periodLatency = new LatencyRecorder();
    private AutoScalingGroup group;
    private RequestSource source;
    private CacheTier cacheTier;
    private BlockStorage storage;
    private IoSharing io;
    private final Int2IntOpenHashMap volumeOf = new Int2IntOpenHashMap();
    private long ioInFlight;
    private long backendInFlight;
    private long ioOpsDone;
    private long lastIoOps;
    private long lastPeriodEnd;
    private long replacements;
    private long inSystem;
    private long inSystemSince;
    private double inSystemIntegral;
    private double lastSteal;
    private long lastBusy;
    private long lastCapacity;
    private long lastArrived;
    private long lastRefused;
    private int running;
    private int peakRunning;
    private long runningSince;
    private double runningIntegral;

    /**
     * @param registerOwner told of every instance of the service as it is launched (so that
     *                      completions can be routed back to this service)
     * @param purchase      the on-demand / spot split of its instances (its own, or a compare strategy's)
     */
    ServiceRun(ServiceConfig config, Simulation sim, Fleet fleet, CpuSharing cpus, IntConsumer registerOwner,
               InstancesDistribution purchase) {
        this.config = Objects.requireNonNull(config, "config");
        this.sim = Objects.requireNonNull(sim, "sim");
        this.fleet = Objects.requireNonNull(fleet, "fleet");
        this.cpus = Objects.requireNonNull(cpus, "cpus");
        this.registerOwner = Objects.requireNonNull(registerOwner, "registerOwner");
        this.tag = "service/" + config.name();
        this.purchases = new PurchaseMix(purchase);
        this.targetGroup = new TargetGroup(sim, config.name(), 80, cpus,
                RoutingAlgorithms.create(config.balancer(), sim.random().stream(config.name() + "/routing")),
                config.healthChecks(), TargetGroup.DEFAULT_DEREGISTRATION_DELAY);
        this.loadBalancer = new LoadBalancer(config.name() + "-alb");
        this.loadBalancer.addListener(80, "HTTP", targetGroup);
    }

    /** Whether instance {@code id} belongs to this service. */
    boolean owns(int id) {
        return members.contains(id);
    }

    /**
     * Starts the fleet: launches the fixed instances, or starts the Auto Scaling group.
     *
     * @param spotMarket the run's spot market, or null when nothing in the run buys spot
     */
    void start(int zoneCount, Supplier<CloudWatch> cloudWatch, SpotMarket spotMarket) {
        if (spotMarket != null) {
            spotMarket.addListener(spot);
        }
        AutoScalingConfig a = config.autoScaling();
        if (a == null) {
            for (int i = 0; i < config.instances(); i++) {
                launch(i % zoneCount);
            }
            return;
        }
        List<Integer> zones = new ArrayList<>();
        for (int z = 0; z < zoneCount; z++) {
            zones.add(z);
        }
        GroupSettings settings = GroupSettings.of(a.min(), a.desired(), a.max(), zones).withWarmup(a.warmupMicros())
                .withCooldown(a.cooldownMicros()).withElbHealthChecks(a.healthCheckGraceMicros());
        if (a.capacityRebalance()) {
            settings = settings.withCapacityRebalance();
        }
        group = new AutoScalingGroup(sim, tag, fleet, settings,
                LaunchTemplate.of(config.type(), config.launch().bootMicros(), config.launch().shutdownMicros())
                        .inPlacementGroup(config.launch().placementGroup(), config.launch().partition()),
                purchases.distribution(), List.of(targetGroup));
        if (spotMarket != null) {
            spotMarket.addListener(group);
        }
        GroupMetrics metrics = new GroupMetrics(cloudWatch.get(), group, cpus, targetGroup, null);
        if (a.targetMetric() != null) {
            group.addPolicy(TargetTrackingPolicy.aws("cpu".equals(a.targetMetric()) ? metrics.cpuUtilization()
                    : metrics.requestCountPerTarget(), Statistic.AVERAGE, a.targetValue()));
        }
        if (a.predictive()) {
            group.addPolicy(new PredictiveScalingPolicy(metrics.busyVcpuSeconds(), a.predictiveLoadPerInstance(),
                    a.predictiveBufferMicros()));
        }
        group.start();
    }

    /** Launches one instance of a fixed fleet in zone {@code zone}; false if no host had room. */
    private boolean launch(int zone) {
        LaunchSpec spec = purchases.launchSpec(config.launch().withZone(zone).withGroup(tag));
        int id = fleet.launch(spec);
        if (id < 0) {
            purchases.left(spec.purchase());
            return false;
        }
        targetGroup.register(id);
        return true;
    }

    @Override
    public void launched(Instance instance, long now) {
        if (instance.spec().group().equals(tag)) {
            members.add(instance.id());
            instanceIds.add(instance.id());
            registerOwner.accept(instance.id());
            owned.launched(instance);
            spot.launched(instance);
        }
    }

    @Override
    public void stateChanged(Instance instance, InstanceState from, InstanceState to, long now) {
        if (!owns(instance.id())) {
            return;
        }
        if (to == InstanceState.RUNNING || from == InstanceState.RUNNING) {
            runningIntegral += (double) running * (now - runningSince);
            runningSince = now;
            running += to == InstanceState.RUNNING ? 1 : -1;
            peakRunning = Math.max(peakRunning, running);
        }
        if (to == InstanceState.RUNNING && config.io() != null && config.io().ebs()
                && !volumeOf.containsKey(instance.id())) {
            int volume = storage.create(config.io().volume(), instance.zone());
            storage.attach(volume, instance.id(), true);
            volumeOf.put(instance.id(), volume);
        }
        if (group == null && (to == InstanceState.SHUTTING_DOWN || to == InstanceState.STOPPING)) {
            purchases.left(instance.spec().purchase());
            replacements++;
            launch(instance.zone());
        }
    }

    void source(RequestSource requestSource) {
        this.source = requestSource;
    }

    /** Starts the request source at time 0. */
    void sourceStart() {
        source.start(0);
    }

    /** Makes the service a cache in front of a backend: a miss waits for the backend before it completes. */
    void cache() {
        CacheConfig c = config.cache();
        ZipfCache model = new ZipfCache(c.objects(), c.zipf());
        cacheTier = new CacheTier(sim, model,
                () -> c.cachedObjects(owned.count(InstanceState.RUNNING), config.type().memoryGib()),
                c.missPenaltyMicros(), sim.random().stream(config.name() + "/cache"), this::finished);
    }

    /** Gives the service's requests their I/O stage, on the run's storage. */
    void storage(BlockStorage blockStorage, IoSharing ioSharing) {
        this.storage = Objects.requireNonNull(blockStorage, "blockStorage");
        this.io = Objects.requireNonNull(ioSharing, "ioSharing");
    }

    /** A request of this service finished its CPU work: its I/O stage, if any, comes next. */
    void completed(int instance, long arrival, long now) {
        IoConfig stage = config.io();
        if (stage == null) {
            served(instance, arrival, now);
        } else {
            ioInFlight++;
            if (stage.ebs()) {
                io.submitEbs(volumeOf.get(instance), stage.ops(), arrival);
            } else {
                io.submitInstanceStore(instance, stage.ops(), arrival);
            }
        }
    }

    /** A request of this service finished its I/O stage. */
    void ioCompleted(int instance, long arrival, long now) {
        ioInFlight--;
        ioOpsDone += config.io().ops();
        served(instance, arrival, now);
    }

    private void served(int instance, long arrival, long now) {
        if (cacheTier != null) {
            backendInFlight++; // until the cache tier hands it on (at once on a hit, later on a miss)
            cacheTier.completed(instance, arrival, now);
        } else {
            finished(instance, arrival, now);
        }
    }

    private void finished(int instance, long arrival, long now) {
        if (cacheTier != null) {
            backendInFlight--;
        }
        inSystemChanged(-1);
        latency.completed(instance, arrival, now);
        periodLatency.completed(instance, arrival, now);
    }

    /** Requests in progress now: on the service's running instances (CPU or I/O) or at the cache's backend. */
    long inProgress() {
        long n = ioInFlight + backendInFlight;
        for (int i = 0; i < instanceIds.size(); i++) {
            int id = instanceIds.getInt(i);
            if (cpus.isAttached(id)) {
                n += cpus.active(id);
            }
        }
        return n;
    }

    /**
     * Where the service's requests enter: the load balancer, counting each accepted request into
     * the system until it completes, for the exact time-average number in the system (L).
     */
    RequestSink entrance() {
        return work -> {
            if (!loadBalancer.accept(work)) {
                return false;
            }
            inSystemChanged(+1);
            return true;
        };
    }

    private void inSystemChanged(int delta) {
        long now = sim.now();
        inSystemIntegral += (double) inSystem * (now - inSystemSince);
        inSystemSince = now;
        inSystem += delta;
    }

    /** The measurements of the period ending now; starts the next period. */
    MetricsRow endPeriod(long now) {
        long busy = 0;
        long capacity = 0;
        double steal = 0;
        for (int i = 0; i < instanceIds.size(); i++) {
            int id = instanceIds.getInt(i);
            busy += cpus.busyVcpuMicros(id);
            capacity += cpus.capacityVcpuMicros(id);
            steal += cpus.stealVcpuMicros(id);
        }
        long arrived = source.generated();
        long refused = source.refused();
        long dCapacity = capacity - lastCapacity;
        MetricsRow row = new MetricsRow(now, config.name(), owned.count(InstanceState.PENDING),
                owned.count(InstanceState.RUNNING), owned.stoppedOrStopping(),
                dCapacity == 0 ? Double.NaN : (double) (busy - lastBusy) / dCapacity,
                dCapacity == 0 ? Double.NaN : (steal - lastSteal) / dCapacity, owned.memoryGib(),
                (ioOpsDone - lastIoOps) / Math.max(1e-9, Time.toSeconds(now - lastPeriodEnd)),
                arrived - lastArrived, refused - lastRefused, periodLatency.count(),
                percentileMs(periodLatency, 50), percentileMs(periodLatency, 95), percentileMs(periodLatency, 99),
                billing.totalUsd() + owned.openCostUsd(now) + owned.volumeCostUsd(now));
        lastBusy = busy;
        lastIoOps = ioOpsDone;
        lastPeriodEnd = now;
        lastSteal = steal;
        lastCapacity = capacity;
        lastArrived = arrived;
        lastRefused = refused;
        periodLatency = new LatencyRecorder();
        return row;
    }

    private static double percentileMs(LatencyRecorder r, double percentile) {
        return r.count() == 0 ? Double.NaN : r.percentileMicros(percentile) / (double) Time.MILLISECOND;
    }

    /**
     * The whole-run result at {@code end}, after {@link OnDemandBilling#close} there; its cost is
     * the instances' and their EBS volumes'.
     */
    ServiceResult result(long end) {
        long busy = 0;
        long capacity = 0;
        double steal = 0;
        for (int i = 0; i < instanceIds.size(); i++) {
            busy += cpus.busyVcpuMicros(instanceIds.getInt(i));
            capacity += cpus.capacityVcpuMicros(instanceIds.getInt(i));
            steal += cpus.stealVcpuMicros(instanceIds.getInt(i));
        }
        double meanRunning = end == 0 ? 0 : (runningIntegral + (double) running * (end - runningSince)) / end;
        long completed = latency.count();
        long inFlight = inProgress();
        long dropped = source.generated() - source.refused() - completed - inFlight;
        long billed = billing.billedSecondsByType().values().stream().mapToLong(Long::longValue).sum();
        return new ServiceResult(config.name(), instanceIds.size(), config.type().name(), meanRunning, peakRunning,
                source.generated(), source.refused(), completed, dropped, inFlight,
                latency.meanMicros() / Time.MILLISECOND,
                latency.percentileMicros(50) / (double) Time.MILLISECOND,
                latency.percentileMicros(95) / (double) Time.MILLISECOND,
                latency.percentileMicros(99) / (double) Time.MILLISECOND,
                latency.maxMicros() / (double) Time.MILLISECOND,
                capacity == 0 ? 0 : (double) busy / capacity,
                capacity == 0 ? 0 : steal / capacity,
                end == 0 ? 0 : (inSystemIntegral + (double) inSystem * (end - inSystemSince)) / end,
                billed, billing.totalUsd() + owned.volumeCostUsd(end), group == null ? replacements : group.healthReplacements(),
                cacheTier == null || cacheTier.hits() + cacheTier.misses() == 0 ? Double.NaN
                        : (double) cacheTier.hits() / (cacheTier.hits() + cacheTier.misses()),
                group == null ? 0 : group.launches(), spot.outcome(group));
    }
}
