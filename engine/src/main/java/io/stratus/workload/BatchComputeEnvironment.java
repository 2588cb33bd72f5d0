package io.stratus.workload;

import io.stratus.compute.Fleet;
import io.stratus.compute.Instance;
import io.stratus.compute.InstanceListener;
import io.stratus.compute.InstanceState;
import io.stratus.compute.InstanceType;
import io.stratus.compute.InstancesDistribution;
import io.stratus.compute.LaunchSpec;
import io.stratus.compute.PurchaseMix;
import io.stratus.infra.HostView;
import io.stratus.monitor.LatencyRecorder;
import io.stratus.sim.Simulation;
import it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.ints.IntOpenHashSet;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.IntConsumer;

/**
 * Runs batch jobs the way a managed compute environment (AWS Batch on EC2, on-demand) does:
 * each job gets its own instances, launched when it starts and terminated when it ends.
 *
 * <p>Model: a job needing {@code p} vCPUs and {@code m} MiB gets
 * {@code n = max(ceil(p / v), ceil(m / M))} instances of the environment's type (v vCPUs, M MiB
 * each). Jobs start in submission order (first come, first served, no backfilling): the job at
 * the head of the queue starts as soon as the hosts can hold all its {@code n} instances, and no
 * later job overtakes it. Its run time counts from the moment its last instance is running, so
 * its wait is queueing for capacity plus boot. When it ends its instances are terminated, which
 * frees their hosts after the shutdown delay. A job that could never fit (more instances than
 * the whole region holds when empty) is rejected and counted, not queued for ever.
 *
 * <p>Simplifications: the job's work is not simulated inside the instances (its run time is
 * taken from the trace as measured on its original machine); instances are not reused between
 * jobs.
 */
public final class BatchComputeEnvironment implements InstanceListener, BatchEnvironment {

    private final Simulation sim;
    private final Fleet fleet;
    private final HostView hosts;
    private final InstanceType type;
    private final LaunchSpec spec;
    private final BatchJobSource source;
    private final int submitKind;
    private final int endKind;
    private final ArrayDeque<BatchJob> queue = new ArrayDeque<>();
    private final List<RunningJob> running = new ArrayList<>();
    private final IntArrayList freeSlots = new IntArrayList();
    private final Int2IntOpenHashMap jobOfInstance = new Int2IntOpenHashMap();
    private final IntArrayList instanceIds = new IntArrayList();
    private final IntOpenHashSet launched = new IntOpenHashSet();
    private final LatencyRecorder waits = new LatencyRecorder();
    private final LatencyRecorder responses = new LatencyRecorder();
    private IntConsumer launchListener = id -> { };
    private PurchaseMix purchases = new PurchaseMix(InstancesDistribution.ON_DEMAND);
    private BatchJob pendingSubmission;
    private long submitted;
    private long rejected;
    private long refusedByPlacement;
    /** Instances of refused jobs, terminated as soon as they run. */
    private final IntOpenHashSet abandoned = new IntOpenHashSet();
    private long completed;
    private long lastCompletion;

    /** A started job: its instances and how many of them are running. */
    private static final class RunningJob {
        final BatchJob job;
        final int[] instances;
        int runningCount;

        RunningJob(BatchJob job, int[] instances) {
            this.job = job;
            this.instances = instances;
        }
    }

    /**
     * @param sim    the simulation
     * @param fleet  the fleet that launches the instances; this environment must be added as
     *               one of its listeners
     * @param hosts  a read-only view of the hosts, to check capacity before launching a job
     * @param spec   what each instance is (type, zone, boot and shutdown times)
     * @param source the jobs, in submission order
     */
    public BatchComputeEnvironment(Simulation sim, Fleet fleet, HostView hosts, LaunchSpec spec,
                                   BatchJobSource source) {
        this.sim = Objects.requireNonNull(sim, "sim");
        this.fleet = Objects.requireNonNull(fleet, "fleet");
        this.hosts = Objects.requireNonNull(hosts, "hosts");
        this.spec = Objects.requireNonNull(spec, "spec");
        this.type = spec.type();
        this.source = Objects.requireNonNull(source, "source");
        this.jobOfInstance.defaultReturnValue(-1);
        this.submitKind = sim.registerKind("batch-submit", (s, d) -> onSubmit());
        this.endKind = sim.registerKind("batch-job-end", (s, d) -> onJobEnd(s));
    }

    /**
     * Buys its instances with {@code distribution} (on-demand only by default), counted over its own
     * live instances. Call before {@link #start()}.
     */
    public void purchase(InstancesDistribution distribution) {
        this.purchases = new PurchaseMix(distribution);
    }

    /** Tells {@code listener} of every instance this environment launches, as it launches it. */
    @Override
    public void onLaunch(IntConsumer listener) {
        this.launchListener = Objects.requireNonNull(listener, "listener");
    }

    /** Schedules the first submission. */
    @Override
    public void start() {
        scheduleNextSubmission();
    }

    /** Instances this environment ever launched, in launch order. */
    @Override
    public IntArrayList instanceIds() {
        return instanceIds;
    }

    /** Whether instance {@code id} was launched by this environment. */
    @Override
    public boolean owns(int id) {
        return launched.contains(id);
    }

    /** Instances one job needs. */
    public int instancesFor(BatchJob job) {
        int byCpu = (job.vcpus() + type.vcpus() - 1) / type.vcpus();
        long byMemory = (job.memoryMib() + type.memoryMib() - 1) / type.memoryMib();
        return (int) Math.max(1, Math.max(byCpu, byMemory));
    }

    private void scheduleNextSubmission() {
        pendingSubmission = source.next();
        if (pendingSubmission != null) {
            sim.schedule(Math.max(sim.now(), pendingSubmission.submitTime()), submitKind, 0, 0);
        }
    }

    private void onSubmit() {
        BatchJob job = pendingSubmission;
        submitted++;
        if (instancesFor(job) > capacityWhenEmpty()) {
            rejected++;
        } else {
            queue.addLast(job);
            startQueuedJobs();
        }
        scheduleNextSubmission();
    }

    private void startQueuedJobs() {
        while (!queue.isEmpty() && instancesFor(queue.peekFirst()) <= placeableNow()) {
            BatchJob job = queue.pollFirst();
            int n = instancesFor(job);
            int[] ids = new int[n];
            Arrays.fill(ids, -1);
            for (int i = 0; i < n; i++) {
                LaunchSpec bought = purchases.launchSpec(spec);
                ids[i] = fleet.launch(bought);
                if (ids[i] < 0) {
                    purchases.left(bought.purchase());
                    break;
                }
                instanceIds.add(ids[i]);
                launched.add(ids[i]);
                launchListener.accept(ids[i]);
            }
            if (ids[n - 1] < 0) {
                refuseByPlacement(ids);
                continue;
            }
            int slot = freeSlots.isEmpty() ? running.size() : freeSlots.popInt();
            for (int id : ids) {
                jobOfInstance.put(id, slot);
            }
            RunningJob started = new RunningJob(job, ids);
            if (slot == running.size()) {
                running.add(started);
            } else {
                running.set(slot, started);
            }
        }
    }

    /**
     * A job the placer refused although free capacity counted enough (tenancy, placement-group rules
     * or failed hosts decide beyond free threads and memory): it is rejected, and the instances
     * already launched for it are terminated as soon as they run (they are billed for that time).
     */
    private void refuseByPlacement(int[] ids) {
        rejected++;
        refusedByPlacement++;
        for (int id : ids) {
            if (id >= 0) {
                abandoned.add(id);
            }
        }
    }

    private long placeableNow() {
        return HostRoom.placeableNow(hosts, fleet, spec);
    }

    private long capacityWhenEmpty() {
        return HostRoom.capacityWhenEmpty(hosts, fleet, spec);
    }

    @Override
    public void stateChanged(Instance instance, InstanceState from, InstanceState to, long now) {
        int slot = jobOfInstance.get(instance.id());
        if (to == InstanceState.SHUTTING_DOWN && launched.contains(instance.id())) {
            purchases.left(instance.spec().purchase());
        }
        if (to == InstanceState.TERMINATED) {
            startQueuedJobs(); // hosts were freed: any instance's end may let the queue move
            return;
        }
        if (to == InstanceState.RUNNING && abandoned.remove(instance.id())) {
            fleet.terminate(instance.id());
            return;
        }
        if (slot < 0 || to != InstanceState.RUNNING) {
            return;
        }
        RunningJob job = running.get(slot);
        if (++job.runningCount == job.instances.length) {
            waits.record(now - job.job.submitTime());
            sim.scheduleIn(job.job.runMicros(), endKind, slot, 0);
        }
    }

    private void onJobEnd(int slot) {
        RunningJob job = running.get(slot);
        for (int id : job.instances) {
            InstanceState state = fleet.state(id); // a host failure may have ended it already
            if (state == InstanceState.RUNNING || state == InstanceState.STOPPED) {
                fleet.terminate(id);
            }
            jobOfInstance.remove(id);
        }
        completed++;
        lastCompletion = sim.now();
        responses.record(sim.now() - job.job.submitTime());
        running.set(slot, null);
        freeSlots.push(slot);
    }

    /** Jobs submitted so far. */
    @Override
    public long submitted() {
        return submitted;
    }

    /** Jobs refused because the placer refused their instances though free capacity counted enough. */
    public long refusedByPlacement() {
        return refusedByPlacement;
    }

    /** Jobs refused: they could never fit in the region, or the placer refused them. */
    @Override
    public long rejected() {
        return rejected;
    }

    /** Jobs finished. */
    @Override
    public long completed() {
        return completed;
    }

    /** Jobs waiting for capacity now. */
    public int queued() {
        return queue.size();
    }

    /** When the last job finished (the makespan when all are done), microseconds. */
    @Override
    public long lastCompletion() {
        return lastCompletion;
    }

    /** Waits from submission to start (all instances running). */
    @Override
    public LatencyRecorder waits() {
        return waits;
    }

    /** Response times from submission to end. */
    @Override
    public LatencyRecorder responses() {
        return responses;
    }
}
