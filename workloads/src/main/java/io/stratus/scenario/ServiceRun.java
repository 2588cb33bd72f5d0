package io.stratus.scenario;

import io.stratus.compute.Fleet;
import io.stratus.compute.Instance;
import io.stratus.compute.InstanceListener;
import io.stratus.compute.InstanceState;
import io.stratus.hypervisor.CpuSharing;
import io.stratus.lb.RoundRobinBalancer;
import io.stratus.monitor.LatencyRecorder;
import io.stratus.pricing.OnDemandBilling;
import io.stratus.sim.Simulation;
import io.stratus.sim.Time;
import io.stratus.workload.CacheTier;
import io.stratus.workload.ZipfCache;
import io.stratus.workload.RequestSource;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.ints.IntOpenHashSet;
import java.util.Objects;
import java.util.function.IntConsumer;

/**
 * The parts of one service during a run (its instances, balancer, request source, latency
 * recorders and bill) and the measurements taken from them: per period and for the whole run.
 *
 * <p>The fleet keeps its size as an Auto Scaling group with min = max = desired would: an
 * instance that leaves running without the service asking (a reclaimed spot instance, a host
 * failure) is replaced at once by a new one in the same zone, which then boots as usual.
 */
final class ServiceRun implements InstanceListener {

    private final ServiceConfig config;
    private final Fleet fleet;
    private final CpuSharing cpus;
    private final IntConsumer registerOwner;
    private long replacements;
    final RoundRobinBalancer balancer;
    final OnDemandBilling billing = new OnDemandBilling();
    private final IntArrayList instanceIds = new IntArrayList();
    private final IntOpenHashSet members = new IntOpenHashSet();
    final OwnedInstances owned = new OwnedInstances(members::contains);
    private final LatencyRecorder latency = new LatencyRecorder();
    private LatencyRecorder periodLatency = new LatencyRecorder();
    private RequestSource source;
    private CacheTier cacheTier;
    private long inSystemSamples;
    private long inSystemSum;
    private double lastSteal;
    private long lastBusy;
    private long lastCapacity;
    private long lastArrived;
    private long lastRefused;

    /**
     * @param registerOwner told of every instance the service launches, before it boots (so
     *                      completions can be routed back to this service)
     */
    ServiceRun(ServiceConfig config, Fleet fleet, CpuSharing cpus, IntConsumer registerOwner) {
        this.config = Objects.requireNonNull(config, "config");
        this.fleet = Objects.requireNonNull(fleet, "fleet");
        this.cpus = Objects.requireNonNull(cpus, "cpus");
        this.registerOwner = Objects.requireNonNull(registerOwner, "registerOwner");
        this.balancer = new RoundRobinBalancer(cpus);
    }

    /** Launches one instance of the service in zone {@code zone}; false if no host had room. */
    boolean launch(int zone) {
        int id = fleet.launch(config.launch().withZone(zone));
        if (id < 0) {
            return false;
        }
        registerOwner.accept(id);
        adopt(id);
        return true;
    }

    @Override
    public void stateChanged(Instance instance, InstanceState from, InstanceState to, long now) {
        if (owns(instance.id()) && (to == InstanceState.SHUTTING_DOWN || to == InstanceState.STOPPING)) {
            replacements++;
            launch(instance.zone());
        }
    }

    ServiceConfig config() {
        return config;
    }

    /** Whether instance {@code id} belongs to this service. */
    boolean owns(int id) {
        return members.contains(id);
    }

    private void adopt(int instanceId) {
        instanceIds.add(instanceId);
        members.add(instanceId);
        owned.launched(fleet.instance(instanceId));
        balancer.register(instanceId);
    }

    void source(RequestSource requestSource) {
        this.source = requestSource;
    }

    /** Makes the service a cache in front of a backend: a miss waits for the backend before it completes. */
    void cache(Simulation sim) {
        CacheConfig c = config.cache();
        ZipfCache model = new ZipfCache(c.objects(), c.zipf());
        cacheTier = new CacheTier(sim, model,
                () -> c.cachedObjects(owned.count(InstanceState.RUNNING), config.type().memoryGib()),
                c.missPenaltyMicros(), sim.random().stream(config.name() + "/cache"), this::finished);
    }

    /** A request of this service finished its CPU work. */
    void completed(int instance, long arrival, long now) {
        if (cacheTier != null) {
            cacheTier.completed(instance, arrival, now);
        } else {
            finished(instance, arrival, now);
        }
    }

    private void finished(int instance, long arrival, long now) {
        latency.completed(instance, arrival, now);
        periodLatency.completed(instance, arrival, now);
    }

    /** Requests in progress on the service's running instances now. */
    long inProgress() {
        long n = 0;
        for (int i = 0; i < instanceIds.size(); i++) {
            int id = instanceIds.getInt(i);
            if (cpus.isAttached(id)) {
                n += cpus.active(id);
            }
        }
        return n;
    }

    /** Samples the number of requests in the system (for the time average). */
    void sampleInSystem() {
        inSystemSamples++;
        inSystemSum += inProgress();
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
                arrived - lastArrived, refused - lastRefused, periodLatency.count(),
                percentileMs(periodLatency, 50), percentileMs(periodLatency, 95), percentileMs(periodLatency, 99),
                billing.totalUsd() + owned.openCostUsd(now));
        lastBusy = busy;
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

    /** The whole-run result, after {@link OnDemandBilling#close} at the end. */
    ServiceResult result() {
        long busy = 0;
        long capacity = 0;
        double steal = 0;
        for (int i = 0; i < instanceIds.size(); i++) {
            busy += cpus.busyVcpuMicros(instanceIds.getInt(i));
            capacity += cpus.capacityVcpuMicros(instanceIds.getInt(i));
            steal += cpus.stealVcpuMicros(instanceIds.getInt(i));
        }
        long completed = latency.count();
        long inFlight = inProgress();
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
                capacity == 0 ? 0 : steal / capacity,
                inSystemSamples == 0 ? 0 : (double) inSystemSum / inSystemSamples,
                billed, billing.totalUsd(), replacements,
                cacheTier == null || cacheTier.hits() + cacheTier.misses() == 0 ? Double.NaN
                        : (double) cacheTier.hits() / (cacheTier.hits() + cacheTier.misses()));
    }
}
