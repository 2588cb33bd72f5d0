package io.stratus.scenario;

import io.stratus.compute.Fleet;
import io.stratus.compute.InstanceState;
import io.stratus.compute.InstancesDistribution;
import io.stratus.infra.HostView;
import io.stratus.pricing.EbsMeter;
import io.stratus.pricing.OnDemandBilling;
import io.stratus.sim.Simulation;
import io.stratus.sim.Time;
import io.stratus.trace.TraceReader;
import io.stratus.trace.WorkArrival;
import io.stratus.workload.BatchComputeEnvironment;
import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/** One batch workload during a run: its compute environment, its trace and its bill. */
final class BatchRun {

    private final BatchConfig config;
    private final BatchComputeEnvironment environment;
    final OnDemandBilling billing = new OnDemandBilling();
    private final OwnedInstances owned;
    private long lastSubmitted;
    private long lastRejected;
    private long lastCompleted;
    private long closedAt;

    BatchRun(BatchConfig config, Simulation sim, Fleet fleet, HostView hosts, List<Closeable> toClose,
             InstancesDistribution purchase) throws IOException {
        this.config = config;
        TraceReader<? extends WorkArrival> reader = config.format().open(config.path(), WorkArrival.class);
        toClose.add(reader);
        this.environment = new BatchComputeEnvironment(sim, fleet, hosts, config.launch(),
                new WorkArrivalJobs(reader, config.speedup()));
        environment.purchase(purchase);
        this.owned = new OwnedInstances(environment::owns);
        environment.onLaunch(id -> owned.launched(fleet.instance(id)));
        fleet.addListener(environment);
        fleet.addListener(billing.onlyFor(environment::owns));
        fleet.addListener(owned);
    }

    /**
     * The period ending now, as a metrics row: instances by state and memory as for a service;
     * the request columns count jobs (submitted, rejected, completed); CPU and latency are not
     * measured for batch jobs (their run time comes from the trace) and stay empty.
     */
    MetricsRow endPeriod(long now) {
        MetricsRow row = new MetricsRow(now, config.name(), owned.count(InstanceState.PENDING),
                owned.count(InstanceState.RUNNING), owned.stoppedOrStopping(), Double.NaN, Double.NaN, owned.memoryGib(), 0,
                environment.submitted() - lastSubmitted, environment.rejected() - lastRejected,
                environment.completed() - lastCompleted, Double.NaN, Double.NaN, Double.NaN,
                billing.totalUsd() + owned.openCostUsd(now) + owned.volumeCostUsd(now));
        lastSubmitted = environment.submitted();
        lastRejected = environment.rejected();
        lastCompleted = environment.completed();
        return row;
    }

    void start() {
        environment.start();
    }

    void close(long end) {
        billing.close(end);
        closedAt = end;
    }

    /** The meter of this workload's EBS volumes, to add to the run's block storage. */
    EbsMeter volumes() {
        return owned.volumes();
    }

    /** What this workload's EBS volumes cost up to the end of the run (after {@link #close}). */
    double volumeCostUsd() {
        return owned.volumeCostUsd(closedAt);
    }

    BatchResult result() {
        long billed = billing.billedSecondsByType().values().stream().mapToLong(Long::longValue).sum();
        long started = environment.waits().count();
        long unfinished = environment.submitted() - environment.rejected() - environment.completed();
        return new BatchResult(config.name(), config.type().name(), environment.submitted(), environment.completed(),
                environment.rejected(), unfinished,
                seconds(environment.waits().meanMicros()),
                started == 0 ? Double.NaN : seconds(environment.waits().percentileMicros(95)),
                seconds(environment.waits().maxMicros()),
                seconds(environment.responses().meanMicros()),
                seconds(environment.lastCompletion()),
                environment.instanceIds().size(), billed, billing.totalUsd() + owned.volumeCostUsd(closedAt));
    }

    private static double seconds(double micros) {
        return micros / Time.SECOND;
    }
}
