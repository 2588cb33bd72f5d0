package io.stratus.workload;

import io.stratus.compute.Fleet;
import io.stratus.compute.Instance;
import io.stratus.compute.InstanceListener;
import io.stratus.compute.InstanceState;
import io.stratus.compute.InstanceType;
import io.stratus.compute.LaunchSpec;
import io.stratus.infra.HostView;
import io.stratus.monitor.LatencyRecorder;
import io.stratus.sim.Simulation;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.ints.IntOpenHashSet;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.IntConsumer;

/**
 * AWS Batch on EC2: job queues with priorities feeding managed compute environments that pack
 * several jobs per instance and reuse instances between jobs.
 *
 * <p>Model. Each queue takes its jobs from its own source, in submission order. Scheduling passes
 * over the queues from the highest priority down (equal priorities in the order given); within a
 * queue jobs start first in, first out: the head is tried on the queue's environments in order, and
 * if none can take it now the queue waits (no backfilling within a queue), while lower-priority
 * queues may still use what the head cannot. A job needing {@code p} vCPUs and {@code m} MiB on an
 * environment whose type has {@code v} vCPUs and {@code M} MiB runs as
 * {@code n = max(ceil(p / v), ceil(m / M))} nodes (a multi-node job when {@code n > 1}) of
 * {@code ceil(p / n)} vCPUs and {@code ceil(m / n)} MiB; all its nodes are placed at once (gang).
 * Each node goes to the environment's live instance where it fits tightest (best fit on vCPUs,
 * then memory, as ECS's binpack strategy), pending instances included; nodes that fit nowhere get
 * new instances, if the environment stays within its maximum vCPUs and the hosts have room. A job
 * starts when all its instances run, and runs for its trace run time. An instance with no job is
 * kept for the environment's scale-down delay (a job arriving meanwhile reuses it, with no boot),
 * then terminated unless that would take the environment under its minimum vCPUs; the minimum's
 * instances are launched at the start. An instance lost under its jobs (a spot reclaim, a host
 * failure) puts them back at the head of their queue; they start again from the beginning.
 * A job no environment of its queue could ever hold (more instances than the environment's
 * maximum or the region's working hosts) is rejected and counted.
 *
 * <p>Simplifications: jobs reserve whole vCPUs and MiB (no oversubscription); a job's work is not
 * simulated inside the instances (its run time is the trace's); one instance type per
 * environment; AWS's scheduler is not documented in detail and its placement may differ.
 */
public final class BatchScheduler implements InstanceListener, BatchEnvironment {

    /** Told an instance's reserved share of its vCPUs (0 to 1) whenever it changes. */
    @FunctionalInterface
    public interface LoadListener {
        void load(int instanceId, double reservedShare);
    }

    /** A job in a queue: the job and whether it started before (an interrupted job starts again). */
    private record Waiting(BatchJob job, boolean startedBefore) {
    }

    /** A placed job: where its nodes are and whether it runs. */
    private static final class Placed {
        final Waiting waiting;
        final int queue;
        final int[] nodes;
        final int nodeVcpus;
        final long nodeMemory;
        int notRunning;
        long endHandle = -1;

        Placed(Waiting waiting, int queue, int[] nodes, int nodeVcpus, long nodeMemory) {
            this.waiting = waiting;
            this.queue = queue;
            this.nodes = nodes;
            this.nodeVcpus = nodeVcpus;
            this.nodeMemory = nodeMemory;
        }
    }

    private final Simulation sim;
    private final Fleet fleet;
    private final HostView hosts;
    private final List<ComputeEnvironmentSpec> environments;
    private final List<JobQueueSpec> queues;
    private final List<BatchJobSource> sources;
    private final int[] order;
    private final List<ArrayDeque<Waiting>> waiting = new ArrayList<>();
    private final BatchJob[] nextSubmission;
    private final PackedInstances instances;
    private final List<Placed> placed = new ArrayList<>();
    private final IntArrayList freeJobSlots = new IntArrayList();
    private final IntArrayList instanceIds = new IntArrayList();
    private final IntOpenHashSet launched = new IntOpenHashSet();
    private final LatencyRecorder waits = new LatencyRecorder();
    private final LatencyRecorder responses = new LatencyRecorder();
    private final int submitKind;
    private final int endKind;
    private final int idleKind;
    private int[] scratch = new int[16];
    private IntConsumer launchListener = id -> { };
    private LoadListener loadListener = (id, share) -> { };
    private long submitted;
    private long rejected;
    private long completed;
    private long interrupted;
    private long lastCompletion;

    /**
     * @param sim          the simulation
     * @param fleet        the fleet that launches the instances; this scheduler must be one of its listeners
     * @param hosts        a read-only view of the hosts, to check room before launching
     * @param environments the compute environments
     * @param queues       the job queues, whose environment indices point into {@code environments}
     * @param sources      each queue's jobs, in the order of {@code queues}
     */
    public BatchScheduler(Simulation sim, Fleet fleet, HostView hosts, List<ComputeEnvironmentSpec> environments,
                          List<JobQueueSpec> queues, List<BatchJobSource> sources) {
        this.sim = Objects.requireNonNull(sim, "sim");
        this.fleet = Objects.requireNonNull(fleet, "fleet");
        this.hosts = Objects.requireNonNull(hosts, "hosts");
        this.environments = List.copyOf(environments);
        this.queues = List.copyOf(queues);
        this.sources = List.copyOf(sources);
        if (this.queues.size() != this.sources.size() || this.queues.isEmpty()) {
            throw new IllegalArgumentException("one job source per queue, at least one queue");
        }
        for (JobQueueSpec q : this.queues) {
            for (int e : q.environments()) {
                Objects.checkIndex(e, this.environments.size());
            }
            waiting.add(new ArrayDeque<>());
        }
        this.order = java.util.stream.IntStream.range(0, this.queues.size()).boxed()
                .sorted(Comparator.comparingInt((Integer q) -> -this.queues.get(q).priority()))
                .mapToInt(Integer::intValue).toArray();
        this.nextSubmission = new BatchJob[this.queues.size()];
        this.instances = new PackedInstances(this.environments.size());
        this.submitKind = sim.registerKind("batch-queue-submit", (q, d) -> onSubmit(q));
        this.endKind = sim.registerKind("batch-packed-job-end", (j, d) -> onJobEnd(j));
        this.idleKind = sim.registerKind("batch-scale-in-check", (s, epoch) -> onIdleCheck(s, (int) epoch));
    }

    /** Tells {@code listener} of every instance this scheduler launches, as it launches it. */
    @Override
    public void onLaunch(IntConsumer listener) {
        this.launchListener = Objects.requireNonNull(listener, "listener");
    }

    /** Tells {@code listener} each instance's reserved share of its vCPUs as it changes. */
    public void onLoad(LoadListener listener) {
        this.loadListener = Objects.requireNonNull(listener, "listener");
    }

    /** Launches each environment's minimum and schedules each queue's first submission. */
    @Override
    public void start() {
        for (int e = 0; e < environments.size(); e++) {
            for (int i = 0, n = environments.get(e).minInstances(); i < n && launch(e) >= 0; i++) {
                // launched idle: kept by the minimum
            }
        }
        for (int q = 0; q < queues.size(); q++) {
            scheduleNextSubmission(q);
        }
    }

    private void scheduleNextSubmission(int q) {
        BatchJob job = sources.get(q).next();
        nextSubmission[q] = job;
        if (job != null) {
            sim.schedule(Math.max(sim.now(), job.submitTime()), submitKind, q, 0);
        }
    }

    private void onSubmit(int q) {
        BatchJob job = nextSubmission[q];
        submitted++;
        if (everFits(job, queues.get(q))) {
            waiting.get(q).addLast(new Waiting(job, false));
            schedule();
        } else {
            rejected++;
        }
        scheduleNextSubmission(q);
    }

    private boolean everFits(BatchJob job, JobQueueSpec queue) {
        for (int i = 0; i < queue.environmentCount(); i++) {
            ComputeEnvironmentSpec env = environments.get(queue.environment(i));
            long room = Math.min(env.maxInstances(), HostRoom.capacityWhenEmpty(hosts, fleet, env.launch()));
            if (instancesWhenEmpty(job, env.launch().type()) <= room) {
                return true;
            }
        }
        return false;
    }

    /** Nodes of {@code job} on {@code type}. */
    static int nodes(BatchJob job, InstanceType type) {
        int byCpu = (job.vcpus() + type.vcpus() - 1) / type.vcpus();
        long byMemory = (job.memoryMib() + type.memoryMib() - 1) / type.memoryMib();
        return (int) Math.max(1, Math.max(byCpu, byMemory));
    }

    /** Instances {@code job}'s nodes take on empty instances of {@code type}. */
    static int instancesWhenEmpty(BatchJob job, InstanceType type) {
        int n = nodes(job, type);
        int perInstance = nodesPerInstance(type, (job.vcpus() + n - 1) / n, (job.memoryMib() + n - 1) / n);
        return (n + perInstance - 1) / perInstance;
    }

    private static int nodesPerInstance(InstanceType type, int nodeVcpus, long nodeMemory) {
        long byMemory = nodeMemory == 0 ? Long.MAX_VALUE : type.memoryMib() / nodeMemory;
        return (int) Math.max(1, Math.min(type.vcpus() / nodeVcpus, byMemory));
    }

    /** Starts what can start: queues by priority, each first in, first out. */
    private void schedule() {
        for (int q : order) {
            ArrayDeque<Waiting> queue = waiting.get(q);
            while (!queue.isEmpty() && place(queue.peekFirst(), q)) {
                queue.pollFirst();
            }
        }
    }

    private boolean place(Waiting w, int q) {
        JobQueueSpec queue = queues.get(q);
        for (int i = 0; i < queue.environmentCount(); i++) {
            if (placeOn(w, q, queue.environment(i))) {
                return true;
            }
        }
        return false;
    }

    /** Places all of the job's nodes on environment {@code e}, or none of them. */
    private boolean placeOn(Waiting w, int q, int e) {
        ComputeEnvironmentSpec env = environments.get(e);
        InstanceType type = env.launch().type();
        BatchJob job = w.job();
        int n = nodes(job, type);
        int nodeVcpus = (job.vcpus() + n - 1) / n;
        long nodeMemory = (job.memoryMib() + n - 1) / n;
        if (scratch.length < n) {
            scratch = new int[Math.max(n, scratch.length * 2)];
        }
        int fitted = 0;
        while (fitted < n) {
            int s = instances.bestFit(e, nodeVcpus, nodeMemory);
            if (s < 0) {
                break;
            }
            instances.reserve(s, nodeVcpus, nodeMemory);
            scratch[fitted++] = s;
        }
        if (fitted < n && !launchFor(e, n - fitted, nodesPerInstance(type, nodeVcpus, nodeMemory))) {
            for (int i = 0; i < fitted; i++) {
                instances.release(scratch[i], nodeVcpus, nodeMemory);
            }
            return false;
        }
        while (fitted < n) { // the new instances take the rest
            int s = instances.bestFit(e, nodeVcpus, nodeMemory);
            instances.reserve(s, nodeVcpus, nodeMemory);
            scratch[fitted++] = s;
        }
        commit(new Placed(w, q, java.util.Arrays.copyOf(scratch, n), nodeVcpus, nodeMemory));
        return true;
    }

    /** Launches the instances {@code nodes} more nodes need, if the environment and the hosts allow. */
    private boolean launchFor(int e, int nodes, int perInstance) {
        ComputeEnvironmentSpec env = environments.get(e);
        int needed = (nodes + perInstance - 1) / perInstance;
        if (instances.count(e) + needed > env.maxInstances()
                || HostRoom.placeableNow(hosts, fleet, env.launch()) < needed) {
            return false;
        }
        for (int i = 0; i < needed; i++) {
            if (launch(e) < 0) {
                return false; // those launched stay, idle, and are scaled in unless a job takes them
            }
        }
        return true;
    }

    /** Launches one instance for environment {@code e}; its slot, or -1 if the placer refused it. */
    private int launch(int e) {
        LaunchSpec spec = environments.get(e).launch();
        int id = fleet.launch(spec);
        if (id < 0) {
            return -1;
        }
        instanceIds.add(id);
        launched.add(id);
        int s = instances.add(e, id, spec.type().vcpus(), spec.type().memoryMib());
        launchListener.accept(id);
        return s;
    }

    private void commit(Placed job) {
        int j = freeJobSlots.isEmpty() ? placed.size() : freeJobSlots.popInt();
        if (j == placed.size()) {
            placed.add(job);
        } else {
            placed.set(j, job);
        }
        for (int s : job.nodes) {
            IntArrayList on = instances.jobs(s);
            if (!on.contains(j)) {
                on.add(j);
                if (!instances.running(s)) {
                    job.notRunning++;
                }
            }
            announceLoad(s);
        }
        if (job.notRunning == 0) {
            startJob(j);
        }
    }

    private void startJob(int j) {
        Placed job = placed.get(j);
        if (!job.waiting.startedBefore()) {
            waits.record(sim.now() - job.waiting.job().submitTime());
        }
        job.endHandle = sim.scheduleIn(job.waiting.job().runMicros(), endKind, j, 0);
    }

    private void onJobEnd(int j) {
        Placed job = placed.get(j);
        release(j, job);
        completed++;
        lastCompletion = sim.now();
        responses.record(sim.now() - job.waiting.job().submitTime());
        schedule();
    }

    /** Frees the job's nodes and its slot; instances left with no job start their idle time. */
    private void release(int j, Placed job) {
        for (int s : job.nodes) {
            if (!instances.alive(s)) {
                continue;
            }
            instances.release(s, job.nodeVcpus, job.nodeMemory);
            IntArrayList on = instances.jobs(s);
            on.rem(j);
            announceLoad(s);
            if (on.isEmpty() && instances.running(s)) {
                becameIdle(s);
            }
        }
        placed.set(j, null);
        freeJobSlots.push(j);
    }

    private void becameIdle(int s) {
        int epoch = instances.nextEpoch(s);
        sim.scheduleIn(environments.get(instances.environment(s)).scaleDownMicros(), idleKind, s, epoch);
    }

    private void onIdleCheck(int s, int epoch) {
        if (!instances.alive(s) || instances.epoch(s) != epoch || !instances.jobs(s).isEmpty()) {
            return; // a job took it meanwhile, or it is gone
        }
        int e = instances.environment(s);
        if (instances.count(e) <= environments.get(e).minInstances()) {
            return; // kept for the minimum vCPUs
        }
        int id = instances.instanceId(s);
        instances.remove(s);
        fleet.terminate(id);
    }

    private void announceLoad(int s) {
        int v = environments.get(instances.environment(s)).launch().type().vcpus();
        loadListener.load(instances.instanceId(s), (double) (v - instances.freeVcpus(s)) / v);
    }

    @Override
    public void stateChanged(Instance instance, InstanceState from, InstanceState to, long now) {
        int s = instances.slotOf(instance.id());
        if (s >= 0 && to == InstanceState.RUNNING) {
            instances.markRunning(s);
            IntArrayList on = instances.jobs(s);
            if (on.isEmpty()) {
                becameIdle(s);
            }
            for (int i = 0; i < on.size(); i++) {
                int j = on.getInt(i);
                if (--placed.get(j).notRunning == 0) {
                    startJob(j);
                }
            }
        } else if (s >= 0 && to != InstanceState.PENDING) {
            lost(s); // reclaimed, stopped or its host failed under its jobs
        }
        if (to == InstanceState.TERMINATED) {
            schedule(); // hosts were freed: the queues may move
        }
    }

    /** Instance {@code s} is gone under its jobs: each goes back to the head of its queue. */
    private void lost(int s) {
        IntArrayList on = instances.jobs(s);
        instances.remove(s);
        while (!on.isEmpty()) {
            int j = on.popInt();
            Placed job = placed.get(j);
            boolean started = job.endHandle >= 0;
            if (started) {
                sim.cancel(job.endHandle);
            }
            interrupted++;
            release(j, job);
            waiting.get(job.queue).addFirst(new Waiting(job.waiting.job(), job.waiting.startedBefore() || started));
        }
        schedule();
    }

    @Override
    public IntArrayList instanceIds() {
        return instanceIds;
    }

    @Override
    public boolean owns(int id) {
        return launched.contains(id);
    }

    @Override
    public long submitted() {
        return submitted;
    }

    @Override
    public long rejected() {
        return rejected;
    }

    @Override
    public long completed() {
        return completed;
    }

    /** Jobs put back in their queue because an instance was lost under them (counted per loss). */
    public long interrupted() {
        return interrupted;
    }

    /** Jobs waiting in the queues now. */
    public int queued() {
        int n = 0;
        for (ArrayDeque<Waiting> q : waiting) {
            n += q.size();
        }
        return n;
    }

    /** Live instances of environment {@code e} now. */
    public int liveInstances(int e) {
        return instances.count(e);
    }

    @Override
    public long lastCompletion() {
        return lastCompletion;
    }

    @Override
    public LatencyRecorder waits() {
        return waits;
    }

    @Override
    public LatencyRecorder responses() {
        return responses;
    }
}
