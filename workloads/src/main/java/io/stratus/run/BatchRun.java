package io.stratus.run;

import io.stratus.compute.Fleet;
import io.stratus.hypervisor.CpuSharing;
import io.stratus.compute.InstanceState;
import io.stratus.infra.HostView;
import io.stratus.scenario.BatchConfig;
import io.stratus.scenario.BatchJobsConfig;
import io.stratus.scenario.BatchQueueConfig;
import io.stratus.sim.Simulation;
import io.stratus.sim.Time;
import io.stratus.storage.BlockStorage;
import io.stratus.trace.TraceReader;
import io.stratus.trace.WorkArrival;
import io.stratus.workload.ArrayJobs;
import io.stratus.workload.BatchComputeEnvironment;
import io.stratus.workload.BatchEnvironment;
import io.stratus.workload.BatchJobSource;
import io.stratus.workload.BatchScheduler;
import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One batch workload during a run: its compute environment (one set of instances per job, or AWS
 * Batch job queues packing jobs onto compute environments), its traces and its bill. A job keeps
 * the vCPUs it holds busy for its trace lifetime: each instance is a trace-driven member of its
 * host's CPU sharing, at utilisation 1 for a job's own instances and at its jobs' reserved share of
 * its vCPUs when packed (0 while idle), so it takes its share of the host's threads beside
 * services, queue workers and VMs (and steals from them as they from it). Packed environments buy
 * on demand or spot as each says (a spot reclaim requeues its jobs), whatever the compare strategy;
 * one-per-job instances are on-demand in every strategy. *Simplified:* the
 * lifetime is the trace's, not lengthened by steal (the job does not catch up on what it was denied).
 */
final class BatchRun implements WorkloadRun {

    private final BatchConfig config;
    private final BatchEnvironment environment;
    private final WorkloadBill bill;
    private long lastSubmitted;
    private long lastRejected;
    private long lastCompleted;

    BatchRun(BatchConfig config, Simulation sim, Fleet fleet, HostView hosts, CpuSharing cpus, BlockStorage storage,
             List<Closeable> toClose, Purchases purchases) throws IOException {
        this.config = config;
        if (config.packed()) {
            BatchScheduler scheduler = new BatchScheduler(sim, fleet, hosts, config.environments(),
                    config.queues().stream().map(BatchQueueConfig::spec).toList(), sources(config, toClose));
            // jobs reserve whole vCPUs: an instance demands its reserved share, idle ones nothing
            scheduler.onLoad(cpus::setUtilisation);
            this.environment = scheduler;
            this.bill = new WorkloadBill(fleet, storage, scheduler::owns, purchases);
            fleet.addListener(scheduler);
        } else {
            BatchComputeEnvironment perJob = new BatchComputeEnvironment(sim, fleet, hosts, config.launch(),
                    source(config.jobs(), toClose));
            perJob.purchase(purchases.uninterruptible());
            this.environment = perJob;
            this.bill = new WorkloadBill(fleet, storage, perJob::owns);
            fleet.addListener(perJob);
        }
        double busyAtLaunch = config.packed() ? 0.0 : 1.0; // one per job: its job keeps every vCPU busy
        environment.onLaunch(id -> {
            bill.launched(fleet.instance(id));
            cpus.driveByUtilisation(id); // pending: it joins its host's pool when it runs
            cpus.setUtilisation(id, busyAtLaunch);
        });
    }

    private static List<BatchJobSource> sources(BatchConfig config, List<Closeable> toClose) throws IOException {
        List<BatchJobSource> out = new ArrayList<>();
        for (BatchQueueConfig q : config.queues()) {
            out.add(source(q.jobs(), toClose));
        }
        return out;
    }

    /** A trace's jobs, streamed; each an array of {@code arraySize} children when above 1. */
    private static BatchJobSource source(BatchJobsConfig jobs, List<Closeable> toClose) throws IOException {
        TraceReader<? extends WorkArrival> reader = jobs.format().open(jobs.path(), WorkArrival.class);
        toClose.add(reader);
        BatchJobSource source = new WorkArrivalJobs(reader, jobs.speedup());
        return jobs.arraySize() == 1 ? source : new ArrayJobs(source, jobs.arraySize());
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
        return new BatchResult(config.name(), config.typeNames(), environment.submitted(), environment.completed(),
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
