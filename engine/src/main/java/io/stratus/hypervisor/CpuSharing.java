package io.stratus.hypervisor;

import io.stratus.infra.HostSpec;
import io.stratus.infra.HostView;
import io.stratus.sim.EventQueue;
import io.stratus.sim.Simulation;
import java.util.Arrays;
import java.util.Objects;

/**
 * The hypervisors of all hosts: the processor-sharing CPUs of the running instances, how each
 * host's hardware threads are shared among them, and the one completion event each busy CPU has
 * pending.
 *
 * <p>Within an instance, requests share its vCPUs by processor sharing ({@link ProcessorSharingCpu}).
 * Across the instances of a host, the physical threads are shared by weighted max-min fairness
 * ({@link WaterFilling}): instance {@code i} demands {@code min(active jobs, vCPUs)} vCPUs (its
 * baseline if it is a throttled burstable instance), and when the demands exceed the host's
 * threads each gets {@code min(demand, L * weight)}. The part of a demand not granted is steal
 * time. When memory is overcommitted and active memory exceeds physical memory, every instance
 * of the host also runs at the {@link PagingModel}'s efficiency.
 *
 * <p>Cost: an arrival or completion on an instance reschedules its completion event in O(log n).
 * While the host's demands fit in its threads that is all; when they do not, the host is
 * re-shared (O(k) for its k instances) and only the instances whose share changed have their
 * completion events rescheduled. Nothing is allocated per request.
 *
 * <p>Burstable instances carry {@link BurstCredits}; an event is scheduled at the exact instant a
 * standard-mode balance reaches zero, when the instance is throttled to its baseline. It stays
 * throttled until its demand falls below the baseline.
 */
public final class CpuSharing {

    private static final double FIT_TOLERANCE = 1e-9;

    private final Simulation sim;
    private final CompletionListener listener;
    private final int completionKind;
    private final int creditKind;
    private PagingModel paging = PagingModel.DEFAULT;
    private HostView hosts;
    private HostPool[] pools = new HostPool[16];
    private ProcessorSharingCpu[] cpus = new ProcessorSharingCpu[16];
    private HostPool[] poolOf = new HostPool[16];
    private BurstCredits[] credits = new BurstCredits[16];
    private VcpuProfile[] profiles = new VcpuProfile[16];
    private double[] demand = new double[16];
    private int[] fullDemand = new int[16];
    private long[] completionEvent = new long[16];
    private long[] creditEvent = new long[16];
    private long[] attachedAt = new long[16];
    private long[] closedBusy = new long[16];
    private long[] closedCapacity = new long[16];
    private double[] closedSteal = new double[16];
    private double[] surplusCredits = new double[16];
    private double[] scratchDemand = new double[16];
    private double[] scratchWeight = new double[16];
    private double[] scratchAllocation = new double[16];
    private int highestId = -1;
    private long completed;
    private long dropped;

    public CpuSharing(Simulation sim, CompletionListener listener) {
        this.sim = Objects.requireNonNull(sim, "sim");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.completionKind = sim.registerKind("cpu-completion", this::onCompletion);
        this.creditKind = sim.registerKind("cpu-credits-exhausted", (id, unused) -> onCreditsExhausted(id));
    }

    /**
     * Shares the hardware of these hosts among the instances attached to them. The fleet binds its
     * host table here; without hosts, every instance runs as if alone on its own hardware.
     */
    public void bindHosts(HostView hostView) {
        Objects.requireNonNull(hostView, "hostView");
        if (hosts != null && hosts != hostView) {
            throw new IllegalStateException("CPU sharing is already bound to another host table");
        }
        hosts = hostView;
    }

    /** Sets the slowdown model for hosts whose active memory exceeds their physical memory. */
    public void setPagingModel(PagingModel model) {
        this.paging = Objects.requireNonNull(model, "model");
    }

    /** Gives instance {@code id} a host-less CPU of {@code vcpus} vCPUs, starting now. */
    public void attach(int id, int vcpus) {
        attach(id, -1, VcpuProfile.fixed(vcpus, 0));
    }

    /**
     * Gives instance {@code id} a CPU on host {@code host} (or {@code -1}: a private host of its
     * own), starting now.
     */
    public void attach(int id, int host, VcpuProfile profile) {
        Objects.requireNonNull(profile, "profile");
        ensureCapacity(id);
        if (cpus[id] != null) {
            throw new IllegalStateException("instance " + id + " already has a CPU");
        }
        highestId = Math.max(highestId, id);
        long now = sim.now();
        ProcessorSharingCpu cpu = new ProcessorSharingCpu(profile.vcpus(), now);
        cpus[id] = cpu;
        profiles[id] = profile;
        completionEvent[id] = EventQueue.NO_EVENT;
        creditEvent[id] = EventQueue.NO_EVENT;
        attachedAt[id] = now;
        demand[id] = 0;
        fullDemand[id] = 0;
        credits[id] = profile.isBurstable() ? new BurstCredits(profile, now, 0) : null;
        HostPool pool = host < 0 ? new HostPool(profile.vcpus(), Long.MAX_VALUE) : pool(host);
        poolOf[id] = pool;
        pool.members.add(id);
        pool.activeMemoryMib += profile.memoryMib();
        memoryChanged(pool);
    }

    /**
     * Removes instance {@code id}'s CPU, dropping the requests in progress.
     *
     * @return the number of requests dropped
     */
    public int detach(int id) {
        ProcessorSharingCpu cpu = cpu(id);
        touch(id);
        long now = sim.now();
        int lost = cpu.clear(now);
        sim.cancel(completionEvent[id]);
        sim.cancel(creditEvent[id]);
        closedBusy[id] += cpu.busyVcpuMicros();
        closedSteal[id] += cpu.stealVcpuMicros();
        closedCapacity[id] += (long) cpu.vcpus() * (now - attachedAt[id]);
        if (credits[id] != null) {
            surplusCredits[id] += credits[id].outstandingSurplusCredits();
        }
        HostPool pool = poolOf[id];
        pool.members.rem(id);
        pool.demandSum -= demand[id];
        pool.activeMemoryMib -= profiles[id].memoryMib();
        cpus[id] = null;
        poolOf[id] = null;
        dropped += lost;
        if (pool.contended) {
            reshare(pool);
        }
        memoryChanged(pool);
        return lost;
    }

    /** Whether instance {@code id} has a CPU. */
    public boolean isAttached(int id) {
        return id >= 0 && id < cpus.length && cpus[id] != null;
    }

    /** Starts a request of {@code workMicros} CPU-microseconds on instance {@code id} now. */
    public void submit(int id, long workMicros) {
        ProcessorSharingCpu cpu = cpu(id);
        touch(id);
        cpu.arrive(sim.now(), workMicros);
        demandChanged(id);
        reschedule(id);
    }

    /** vCPUs of instance {@code id}'s CPU (it must be attached). */
    public int vcpus(int id) {
        return cpu(id).vcpus();
    }

    /** Requests in progress on instance {@code id}. */
    public int active(int id) {
        return cpu(id).active();
    }

    /** The fraction of its demand instance {@code id} is granted now (1 when not contended). */
    public double share(int id) {
        return cpu(id).share();
    }

    /** vCPUs instance {@code id} is using now. */
    public double grantedVcpus(int id) {
        return cpu(id).busyRate();
    }

    /** vCPUs granted to all instances on host {@code host} now. */
    public double hostGrantedVcpus(int host) {
        if (host < 0 || host >= pools.length || pools[host] == null) {
            return 0;
        }
        double total = 0;
        HostPool pool = pools[host];
        for (int i = 0; i < pool.members.size(); i++) {
            total += cpus[pool.members.getInt(i)].busyRate();
        }
        return total;
    }

    /** Whether burstable instance {@code id} is throttled to its baseline now. */
    public boolean isThrottled(int id) {
        cpu(id);
        return credits[id] != null && credits[id].throttled();
    }

    /** Instance {@code id}'s CPU credit balance now (0 for a fixed-performance instance). */
    public double creditBalance(int id) {
        cpu(id);
        if (credits[id] == null) {
            return 0;
        }
        touch(id);
        return credits[id].balanceCredits();
    }

    /**
     * Surplus credits instance {@code id} owes: those outstanding when it left running, plus
     * those outstanding now if it is running (unlimited mode; billed per vCPU-hour by pricing).
     */
    public double surplusCredits(int id) {
        if (id < 0 || id > highestId) {
            return 0;
        }
        double total = surplusCredits[id];
        if (cpus[id] != null && credits[id] != null) {
            touch(id);
            total += credits[id].outstandingSurplusCredits();
        }
        return total;
    }

    /** Requests completed so far. */
    public long completed() {
        return completed;
    }

    /** Requests dropped because their instance's CPU was detached. */
    public long dropped() {
        return dropped;
    }

    /** Requests in progress on all CPUs. */
    public long inProgress() {
        long n = 0;
        for (ProcessorSharingCpu cpu : cpus) {
            if (cpu != null) {
                n += cpu.active();
            }
        }
        return n;
    }

    /** vCPU-microseconds of work instance {@code id} has done, over all its running periods, up to now. */
    public long busyVcpuMicros(int id) {
        if (id < 0 || id > highestId) {
            return 0;
        }
        long total = closedBusy[id];
        if (cpus[id] != null) {
            cpus[id].advance(sim.now());
            total += cpus[id].busyVcpuMicros();
        }
        return total;
    }

    /** vCPU-microseconds instance {@code id}'s runnable vCPUs waited for a hardware thread, up to now. */
    public double stealVcpuMicros(int id) {
        if (id < 0 || id > highestId) {
            return 0;
        }
        double total = closedSteal[id];
        if (cpus[id] != null) {
            cpus[id].advance(sim.now());
            total += cpus[id].stealVcpuMicros();
        }
        return total;
    }

    /** vCPU-microseconds of capacity (vCPUs times running time) of instance {@code id} up to now. */
    public long capacityVcpuMicros(int id) {
        if (id < 0 || id > highestId) {
            return 0;
        }
        long total = closedCapacity[id];
        if (cpus[id] != null) {
            total += (long) cpus[id].vcpus() * (sim.now() - attachedAt[id]);
        }
        return total;
    }

    /** vCPU-microseconds of work done by all CPUs up to now. */
    public long busyVcpuMicros() {
        long total = 0;
        for (int id = 0; id <= highestId; id++) {
            total += busyVcpuMicros(id);
        }
        return total;
    }

    /** vCPU-microseconds of capacity of all CPUs up to now. */
    public long capacityVcpuMicros() {
        long total = 0;
        for (int id = 0; id <= highestId; id++) {
            total += capacityVcpuMicros(id);
        }
        return total;
    }

    private void onCompletion(int id, long unused) {
        ProcessorSharingCpu cpu = cpus[id];
        long now = sim.now();
        completionEvent[id] = EventQueue.NO_EVENT;
        touch(id);
        while (cpu.hasFinishedJob()) {
            long arrival = cpu.removeFinished();
            completed++;
            listener.completed(id, arrival, now);
            if (cpus[id] != cpu) {
                return; // the listener stopped the instance
            }
        }
        demandChanged(id);
        reschedule(id);
    }

    private void onCreditsExhausted(int id) {
        creditEvent[id] = EventQueue.NO_EVENT;
        touch(id);
        credits[id].throttle(true);
        demandChanged(id);
        reschedule(id);
    }

    /** Brings instance {@code id}'s CPU and credits forward to now. */
    private void touch(int id) {
        ProcessorSharingCpu cpu = cpus[id];
        long now = sim.now();
        cpu.advance(now);
        BurstCredits c = credits[id];
        if (c != null) {
            c.settle(now, cpu.busyVcpuMicrosExact());
        }
    }

    /** Re-evaluates instance {@code id}'s demand after its job count or throttle changed. */
    private void demandChanged(int id) {
        ProcessorSharingCpu cpu = cpus[id];
        BurstCredits c = credits[id];
        if (c != null && c.throttled() && cpu.demand() < c.baselineVcpus()) {
            c.throttle(false); // earning again: the balance grows from here
        }
        int full = cpu.demand();
        double d = full;
        if (c != null && c.throttled()) {
            d = Math.min(d, c.baselineVcpus());
        }
        if (d == demand[id] && full == fullDemand[id]) {
            return; // e.g. a busy instance with more jobs than vCPUs: nothing to re-share
        }
        fullDemand[id] = full;
        HostPool pool = poolOf[id];
        pool.demandSum += d - demand[id];
        demand[id] = d;
        if (pool.demandSum <= pool.threads * (1 + FIT_TOLERANCE)) {
            if (pool.contended) {
                pool.contended = false;
                reshare(pool);
            } else {
                setShare(id, ownShare(id), pool.efficiency);
            }
        } else {
            pool.contended = true;
            reshare(pool);
        }
    }

    /** The share of an uncontended instance: all its demand (less when throttled). */
    private double ownShare(int id) {
        int full = cpus[id].demand();
        return full == 0 ? 1.0 : demand[id] / full;
    }

    private void reshare(HostPool pool) {
        int k = pool.members.size();
        if (k > scratchDemand.length) {
            int capacity = Math.max(k, scratchDemand.length * 2);
            scratchDemand = new double[capacity];
            scratchWeight = new double[capacity];
            scratchAllocation = new double[capacity];
        }
        for (int i = 0; i < k; i++) {
            int id = pool.members.getInt(i);
            scratchDemand[i] = demand[id];
            scratchWeight[i] = profiles[id].weight();
        }
        WaterFilling.allocate(k, scratchDemand, scratchWeight, pool.threads, scratchAllocation);
        for (int i = 0; i < k; i++) {
            int id = pool.members.getInt(i);
            int full = cpus[id].demand();
            double share = full == 0 ? 1.0 : Math.min(1.0, scratchAllocation[i] / full);
            setShare(id, share, pool.efficiency);
        }
    }

    private void memoryChanged(HostPool pool) {
        double efficiency = paging.efficiency(pool.activeMemoryMib, pool.physicalMemoryMib);
        if (efficiency == pool.efficiency) {
            return;
        }
        pool.efficiency = efficiency;
        for (int i = 0; i < pool.members.size(); i++) {
            int id = pool.members.getInt(i);
            setShare(id, cpus[id].share(), efficiency);
        }
    }

    private void setShare(int id, double share, double efficiency) {
        ProcessorSharingCpu cpu = cpus[id];
        if (share == cpu.share() && efficiency == cpu.efficiency()) {
            return;
        }
        touch(id);
        cpu.setShare(sim.now(), share, efficiency);
        reschedule(id);
    }

    private void reschedule(int id) {
        ProcessorSharingCpu cpu = cpus[id];
        completionEvent[id] = move(completionEvent[id], cpu.nextCompletionTime(), completionKind, id);
        BurstCredits c = credits[id];
        if (c != null) {
            creditEvent[id] = move(creditEvent[id], c.exhaustionTime(cpu.busyRate()), creditKind, id);
        }
    }

    private long move(long handle, long time, int kind, int id) {
        if (time == Long.MAX_VALUE) {
            sim.cancel(handle);
            return EventQueue.NO_EVENT;
        }
        if (sim.reschedule(handle, time)) {
            return handle;
        }
        return sim.schedule(time, kind, id, 0);
    }

    private HostPool pool(int host) {
        if (hosts == null) {
            throw new IllegalStateException("instance placed on host " + host
                    + " but CPU sharing is bound to no host table");
        }
        if (host >= pools.length) {
            pools = Arrays.copyOf(pools, Math.max(host + 1, pools.length * 2));
        }
        HostPool pool = pools[host];
        if (pool == null) {
            HostSpec spec = hosts.spec(host);
            pool = new HostPool(spec.physicalThreads(), spec.physicalMemoryMib());
            pools[host] = pool;
        }
        return pool;
    }

    private void ensureCapacity(int id) {
        if (id < cpus.length) {
            return;
        }
        int capacity = Math.max(id + 1, cpus.length * 2);
        cpus = Arrays.copyOf(cpus, capacity);
        poolOf = Arrays.copyOf(poolOf, capacity);
        credits = Arrays.copyOf(credits, capacity);
        profiles = Arrays.copyOf(profiles, capacity);
        demand = Arrays.copyOf(demand, capacity);
        fullDemand = Arrays.copyOf(fullDemand, capacity);
        completionEvent = Arrays.copyOf(completionEvent, capacity);
        creditEvent = Arrays.copyOf(creditEvent, capacity);
        attachedAt = Arrays.copyOf(attachedAt, capacity);
        closedBusy = Arrays.copyOf(closedBusy, capacity);
        closedCapacity = Arrays.copyOf(closedCapacity, capacity);
        closedSteal = Arrays.copyOf(closedSteal, capacity);
        surplusCredits = Arrays.copyOf(surplusCredits, capacity);
    }

    private ProcessorSharingCpu cpu(int id) {
        if (!isAttached(id)) {
            throw new IllegalStateException("instance " + id + " has no CPU (it is not running)");
        }
        return cpus[id];
    }
}
