package io.stratus.run;

import io.stratus.compute.Fleet;
import io.stratus.hypervisor.CpuSharing;
import io.stratus.compute.InstanceState;
import io.stratus.compute.InstancesDistribution;
import io.stratus.infra.HostView;
import io.stratus.scenario.BatchConfig;
import io.stratus.sim.Simulation;
import io.stratus.sim.Time;
import io.stratus.storage.BlockStorage;
import io.stratus.trace.TraceReader;
import io.stratus.trace.WorkArrival;
import io.stratus.workload.BatchComputeEnvironment;
import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * One batch workload during a run: its compute environment, its trace and its bill. A job keeps
 * every vCPU of its instances busy for its trace lifetime: each instance is a trace-driven member
 * of its host's CPU sharing at utilisation 1, so it takes its share of the host's threads beside
 * services, queue workers and VMs (and steals from them as they from it). *Simplified:* the
 * lifetime is the trace's, not lengthened by steal (the job does not catch up on what it was denied).
 */
final class BatchRun implements WorkloadRun {

    private final BatchConfig config;
    private final BatchComputeEnvironment environment;
    private final WorkloadBill bill;
    private long lastSubmitted;
    private long lastRejected;
    private long lastCompleted;

    BatchRun(BatchConfig config, Simulation sim, Fleet fleet, HostView hosts, CpuSharing cpus, BlockStorage storage,
             List<Closeable> toClose, InstancesDistribution purchase) throws IOException {
        this.config = config;
        TraceReader<? extends WorkArrival> reader = config.format().open(config.path(), WorkArrival.class);
        toClose.add(reader);
        this.environment = new BatchComputeEnvironment(sim, fleet, hosts, config.launch(),
                new WorkArrivalJobs(reader, config.speedup()));
        environment.purchase(purchase);
        fleet.addListener(environment);
        this.bill = new WorkloadBill(fleet, storage, environment::owns);
        environment.onLaunch(id -> {
            bill.launched(fleet.instance(id));
            cpus.driveByUtilisation(id); // pending: it joins its host's pool busy when it runs
            cpus.setUtilisation(id, 1.0);
        });
    }

    /**
     * The period ending now, as a metrics row: instances by state and memory as for a service;
     * the request columns count jobs (submitted, rejected, completed); CPU and latency are not
     * measured for batch jobs (their run time comes from the trace) and stay empty.
     */
    @Override
    public void endPeriod(long now, List<MetricsRow> rows) {
        OwnedInstances owned = bill.owned();
        rows.add(new MetricsRow(now, config.name(), owned.count(InstanceState.PENDING),
                owned.count(InstanceState.RUNNING), owned.stoppedOrStopping(), Double.NaN, Double.NaN, owned.memoryGib(), 0,
                environment.submitted() - lastSubmitted, environment.rejected() - lastRejected,
                environment.completed() - lastCompleted, Double.NaN, Double.NaN, Double.NaN,
                bill.costSoFarUsd(now)));
        lastSubmitted = environment.submitted();
        lastRejected = environment.rejected();
        lastCompleted = environment.completed();
    }

    @Override
    public void start() {
        environment.start();
    }

    @Override
    public void close(long end) {
        // nothing to integrate: the environment's counters are final; the runner closes the bill
    }

    @Override
    public Optional<WorkloadBill> bill() {
        return Optional.of(bill);
    }

    @Override
    public void addResult(RunResults results) {
        results.batches.add(result());
    }

    BatchResult result() {
        long billed = bill.billedSeconds();
        long started = environment.waits().count();
        long unfinished = environment.submitted() - environment.rejected() - environment.completed();
        return new BatchResult(config.name(), config.type().name(), environment.submitted(), environment.completed(),
                environment.rejected(), unfinished,
                seconds(environment.waits().meanMicros()),
                started == 0 ? Double.NaN : seconds(environment.waits().percentileMicros(95)),
                seconds(environment.waits().maxMicros()),
                seconds(environment.responses().meanMicros()),
                seconds(environment.lastCompletion()),
                environment.instanceIds().size(), billed, bill.costUsd());
    }

    private static double seconds(double micros) {
        return micros / Time.SECOND;
    }
}
