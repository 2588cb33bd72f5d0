package io.stratus.scenario;

import io.stratus.compute.Fleet;
import io.stratus.compute.InstanceState;
import io.stratus.hypervisor.CpuSharing;
import io.stratus.lb.RoundRobinBalancer;
import io.stratus.monitor.LatencyRecorder;
import io.stratus.pricing.OnDemandBilling;
import io.stratus.sim.Time;
import io.stratus.workload.RequestSource;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.ints.IntOpenHashSet;
import java.util.Objects;

/**
 * The parts of one service during a run (its instances, balancer, request source, latency
 * recorders and bill) and the measurements taken from them: per period and for the whole run.
 */
final class ServiceRun {

    private final ServiceConfig config;
    private final Fleet fleet;
    private final CpuSharing cpus;
    final RoundRobinBalancer balancer;
    final OnDemandBilling billing = new OnDemandBilling();
    private final IntArrayList instanceIds = new IntArrayList();
    private final IntOpenHashSet members = new IntOpenHashSet();
    final OwnedInstances owned = new OwnedInstances(members::contains);
    private final LatencyRecorder latency = new LatencyRecorder();
    private LatencyRecorder periodLatency = new LatencyRecorder();
    private RequestSource source;
    private long inSystemSamples;
    private long inSystemSum;
    private long lastBusy;
    private long lastCapacity;
    private long lastArrived;
    private long lastRefused;

    ServiceRun(ServiceConfig config, Fleet fleet, CpuSharing cpus) {
        this.config = Objects.requireNonNull(config, "config");
        this.fleet = Objects.requireNonNull(fleet, "fleet");
        this.cpus = Objects.requireNonNull(cpus, "cpus");
        this.balancer = new RoundRobinBalancer(cpus);
    }

    ServiceConfig config() {
        return config;
    }

    /** Whether instance {@code id} belongs to this service. */
    boolean owns(int id) {
        return members.contains(id);
    }

    void adopt(int instanceId) {
        instanceIds.add(instanceId);
        members.add(instanceId);
        owned.launched(fleet.instance(instanceId));
        balancer.register(instanceId);
    }

    void source(RequestSource requestSource) {
        this.source = requestSource;
    }

    /** A request of this service finished. */
    void completed(int instance, long arrival, long now) {
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
        for (int i = 0; i < instanceIds.size(); i++) {
            int id = instanceIds.getInt(i);
            busy += cpus.busyVcpuMicros(id);
            capacity += cpus.capacityVcpuMicros(id);
        }
        long arrived = source.generated();
        long refused = source.refused();
        long dCapacity = capacity - lastCapacity;
        MetricsRow row = new MetricsRow(now, config.name(), owned.count(InstanceState.PENDING),
                owned.count(InstanceState.RUNNING), owned.stoppedOrStopping(),
                dCapacity == 0 ? Double.NaN : (double) (busy - lastBusy) / dCapacity, owned.memoryGib(),
                arrived - lastArrived, refused - lastRefused, periodLatency.count(),
                percentileMs(periodLatency, 50), percentileMs(periodLatency, 95), percentileMs(periodLatency, 99),
                billing.totalUsd() + owned.openCostUsd(now));
        lastBusy = busy;
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
        for (int i = 0; i < instanceIds.size(); i++) {
            busy += cpus.busyVcpuMicros(instanceIds.getInt(i));
            capacity += cpus.capacityVcpuMicros(instanceIds.getInt(i));
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
                inSystemSamples == 0 ? 0 : (double) inSystemSum / inSystemSamples,
                billed, billing.totalUsd());
    }
}
