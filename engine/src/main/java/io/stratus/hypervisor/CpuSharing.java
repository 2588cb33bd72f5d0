package io.stratus.hypervisor;

import io.stratus.infra.HostSpec;
import io.stratus.infra.HostView;
import io.stratus.sim.Simulation;
import io.stratus.util.DenseSlots;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.util.Arrays;
import java.util.Objects;

/**
 * The hypervisors of all hosts: the CPU configuration of the {@link FluidSharing} core. Each
 * host's hardware threads are one pool; each running instance is a processor-sharing server of
 * its vCPUs in its host's pool, and a VM replaying a utilisation trace is a demand member of the
 * same pool, so both kinds share one water-filling and steal from each other.
 *
 * <p>Within an instance, requests share its vCPUs by processor sharing ({@link ProcessorSharingCpu}).
 * Across the members of a host, the physical threads are shared by weighted max-min fairness
 * ({@link WaterFilling}): an instance demands {@code min(active jobs, vCPUs)} vCPUs (its
 * baseline if it is a throttled burstable instance), a trace-driven VM demands its utilisation
 * times its vCPUs, and when the demands exceed the host's threads each gets
 * {@code min(demand, L * weight)}. The part of a demand not granted is steal time. When memory is
 * overcommitted and active memory exceeds physical memory, every instance of the host also runs
 * at the {@link PagingModel}'s efficiency (a trace-driven VM's grant is not slowed: it does no
 * work, it only claims threads).
 *
 * <p>Cost: an arrival or completion on an instance reschedules its completion event in O(log n).
 * While the host's demands fit in its threads that is all; when they do not, the host is
 * re-shared (O(k) for its k members) and only the instances whose share changed have their
 * completion events rescheduled. Nothing is allocated per request.
 *
 * <p>Burstable instances carry {@link BurstCredits}; an event is scheduled at the exact instant a
 * standard-mode balance reaches zero, when the instance is throttled to its baseline. It stays
 * throttled until its demand falls below the baseline. A trace-driven VM has no credits.
 *
 * <p>Memory is O(instances not forgotten), not O(instances ever attached): an instance holds a
 * recycled dense slot ({@link DenseSlots}) from its first attach (or {@link #driveByUtilisation})
 * until {@link #forget}, which the fleet calls once a terminated instance's listeners have read
 * its lifetime totals; the core's members are numbered by these slots. A forgotten instance's
 * totals read 0, and its busy and capacity time stay in the all-instances totals.
 */
public final class CpuSharing {

    private static final double FIT_TOLERANCE = 1e-9;

    private final Simulation sim;
    private final FluidSharing core;
    private PagingModel paging = PagingModel.DEFAULT;
    private HostView hosts;
    private int[] hostPool = new int[16];
    private long[] poolActiveMemoryMib = new long[16];
    private long[] poolPhysicalMemoryMib = new long[16];
    private boolean[] poolPrivate = new boolean[16];
    // per-instance state by dense slot (recycled once an instance is forgotten), not by id
    private final DenseSlots slots = new DenseSlots();
    private int[] idOfSlot = new int[16];
    private VcpuProfile[] profiles = new VcpuProfile[16];
    private long[] attachedAt = new long[16];
    private long[] closedBusy = new long[16];
    private long[] closedCapacity = new long[16];
    private double[] closedSteal = new double[16];
    private double[] surplusCredits = new double[16];
    private boolean[] utilisationDriven = new boolean[16];
    private double[] utilisation = new double[16];
    private long forgottenBusy;
    private long forgottenCapacity;

    public CpuSharing(Simulation sim, CompletionListener listener) {
        this.sim = Objects.requireNonNull(sim, "sim");
        Objects.requireNonNull(listener, "listener");
        this.core = new FluidSharing(sim, "cpu-completion", "cpu-credits-exhausted",
                (slot, arrival, now) -> listener.completed(idOfSlot[slot], arrival, now));
        Arrays.fill(hostPool, -1);
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
        int slot = slotFor(id);
        if (utilisationDriven[slot]) {
            attachUtilisation(id, host, profile);
            return;
        }
        int pool = joinHost(slot, id, host, profile);
        BurstCredits bucket = profile.isBurstable() ? new BurstCredits(profile, sim.now(), 0) : null;
        core.openServer(slot, pool, profile.vcpus(), 1.0, profile.weight(), bucket, 1.0, profile.speed());
        memoryJoined(pool, profile);
    }

    /**
     * Marks instance {@code id}, not running yet, as a VM whose demand is a utilisation trace:
     * whenever it is attached (by the fleet when it starts running, or after a live migration)
     * it joins its host as by {@link #attachUtilisation}, at the utilisation last set.
     */
    public void driveByUtilisation(int id) {
        if (id < 0) {
            throw new IllegalArgumentException("instance id must not be negative, got " + id);
        }
        int slot = slotFor(id);
        if (core.isOpen(slot) && !utilisationDriven[slot]) {
            throw new IllegalStateException("instance " + id
                    + " already runs requests: mark it trace-driven before it starts running");
        }
        utilisationDriven[slot] = true;
    }

    /**
     * Places a VM whose CPU demand is a utilisation of its vCPUs (a trace replay, no requests) on
     * host {@code host} (or {@code -1}: a private host of its own), at the utilisation last set
     * for it (0 if none) until {@link #setUtilisation}. It shares the host's threads with the
     * instances serving requests: its demand steals from them and theirs from it. Its memory
     * counts towards paging.
     */
    public void attachUtilisation(int id, int host, VcpuProfile profile) {
        Objects.requireNonNull(profile, "profile");
        int slot = slotFor(id);
        int pool = joinHost(slot, id, host, profile);
        utilisationDriven[slot] = true;
        core.openDemand(slot, pool, profile.weight());
        memoryJoined(pool, profile);
        if (utilisation[slot] > 0) {
            core.setDemand(slot, utilisation[slot] * profile.vcpus());
        }
    }

    /**
     * Sets trace-driven VM {@code id}'s utilisation (a fraction of its vCPUs, 0 to 1) from now
     * until the next change; its host is re-shared if that changes anyone's grant. A VM marked by
     * {@link #driveByUtilisation} but not running keeps it for when it runs.
     */
    public void setUtilisation(int id, double utilisation) {
        if (!(utilisation >= 0 && utilisation <= 1)) {
            throw new IllegalArgumentException("utilisation of VM " + id + " must be in [0, 1], got " + utilisation);
        }
        int slot = slots.slotOf(id);
        if (slot == DenseSlots.NONE || !utilisationDriven[slot]) {
            throw new IllegalStateException("instance " + id + " is not a trace-driven VM");
        }
        this.utilisation[slot] = utilisation;
        if (core.isOpen(slot)) {
            core.setDemand(slot, utilisation * profiles[slot].vcpus());
        }
    }

    /** Whether {@code id} is a trace-driven VM now running (attached as one). */
    public boolean isUtilisationVm(int id) {
        int slot = slots.slotOf(id);
        return slot != DenseSlots.NONE && core.isOpen(slot) && !core.isServer(slot);
    }

    private int joinHost(int slot, int id, int host, VcpuProfile profile) {
        if (core.isOpen(slot)) {
            throw new IllegalStateException("instance " + id + " already has a CPU");
        }
        profiles[slot] = profile;
        attachedAt[slot] = sim.now();
        if (host >= 0) {
            return pool(host);
        }
        int pool = core.openPool(profile.vcpus(), FIT_TOLERANCE);
        ensurePoolCapacity(pool);
        poolPrivate[pool] = true;
        poolActiveMemoryMib[pool] = 0;
        poolPhysicalMemoryMib[pool] = Long.MAX_VALUE;
        return pool;
    }

    private void memoryJoined(int pool, VcpuProfile profile) {
        poolActiveMemoryMib[pool] += profile.memoryMib();
        memoryChanged(pool);
    }

    /**
     * Removes instance {@code id}'s CPU (or trace-driven VM {@code id}), dropping the requests in
     * progress.
     *
     * @return the number of requests dropped
     */
    public int detach(int id) {
        int slot = check(id);
        long now = sim.now();
        core.touch(slot);
        if (core.isServer(slot)) {
            ProcessorSharingCpu cpu = core.server(slot);
            closedBusy[slot] += cpu.busyVcpuMicros();
            closedSteal[slot] += cpu.stealVcpuMicros();
            BurstCredits c = core.credits(slot);
            if (c != null) {
                surplusCredits[slot] += c.chargedSurplusCredits() + c.outstandingSurplusCredits();
            }
        } else {
            closedBusy[slot] += (long) core.demandBusy(slot);
            closedSteal[slot] += core.demandSteal(slot);
        }
        closedCapacity[slot] += (long) profiles[slot].vcpus() * (now - attachedAt[slot]);
        int pool = core.poolOf(slot);
        int lost = core.close(slot);
        poolActiveMemoryMib[pool] -= profiles[slot].memoryMib();
        memoryChanged(pool);
        if (poolPrivate[pool]) {
            core.closePool(pool);
        }
        return lost;
    }

    /**
     * Forgets instance {@code id}, which will never be attached again (the fleet calls it once a
     * terminated instance's listeners have been told): its slot goes to a later instance, its
     * lifetime totals read 0 from now on, and its busy and capacity time stay counted in
     * {@link #busyVcpuMicros()} and {@link #capacityVcpuMicros()}. Nothing happens if the
     * instance holds no slot.
     *
     * @throws IllegalStateException if it is attached
     */
    public void forget(int id) {
        int slot = slots.slotOf(id);
        if (slot == DenseSlots.NONE) {
            return;
        }
        if (core.isOpen(slot)) {
            throw new IllegalStateException("instance " + id + " still has a CPU: detach it before forgetting it");
        }
        forgottenBusy += closedBusy[slot];
        forgottenCapacity += closedCapacity[slot];
        profiles[slot] = null;
        idOfSlot[slot] = -1;
        slots.release(id);
    }

    /** Instances holding a slot now: attached, or detached and not yet forgotten. */
    public int trackedCount() {
        return slots.size();
    }

    /** The length of the per-instance arrays: the most instances ever tracked at once. */
    public int slotCapacity() {
        return profiles.length;
    }

    /** Whether instance {@code id} has a CPU. */
    public boolean isAttached(int id) {
        int slot = slots.slotOf(id);
        return slot != DenseSlots.NONE && core.isOpen(slot);
    }

    /**
     * Starts a request of {@code workMicros} microseconds of CPU on the reference vCPU on instance
     * {@code id} now (it takes longer or shorter at the instance's {@link VcpuSpeed}).
     */
    public void submit(int id, long workMicros) {
        core.submit(check(id), workMicros, sim.now());
    }

    /** vCPUs of instance {@code id}'s CPU (it must be attached). */
    public int vcpus(int id) {
        return profiles[check(id)].vcpus();
    }

    /** Requests in progress on instance {@code id} (0 for a trace-driven VM). */
    public int active(int id) {
        int slot = check(id);
        return core.isServer(slot) ? core.server(slot).active() : 0;
    }

    /** The fraction of its demand instance {@code id} is granted now (1 when not contended). */
    public double share(int id) {
        return core.share(check(id));
    }

    /** vCPUs instance {@code id} is using now. */
    public double grantedVcpus(int id) {
        return core.granted(check(id));
    }

    /** vCPUs granted to all instances on host {@code host} now. */
    public double hostGrantedVcpus(int host) {
        if (host < 0 || host >= hostPool.length || hostPool[host] < 0) {
            return 0;
        }
        return core.poolGranted(hostPool[host]);
    }

    /**
     * vCPUs the request-serving instances on host {@code host} would use now uncontended
     * ({@code min(requests, vCPUs)} each; trace-driven VMs apart).
     */
    public double hostRequestDemandVcpus(int host) {
        if (host < 0 || host >= hostPool.length || hostPool[host] < 0) {
            return 0;
        }
        IntArrayList members = core.members(hostPool[host]); // numbered by slot
        double total = 0;
        for (int i = 0; i < members.size(); i++) {
            int slot = members.getInt(i);
            if (core.isServer(slot)) {
                total += core.fullDemand(slot);
            }
        }
        return total;
    }

    /** Whether burstable instance {@code id} is throttled to its baseline now. */
    public boolean isThrottled(int id) {
        BurstCredits c = core.credits(check(id));
        return c != null && c.throttled();
    }

    /** Instance {@code id}'s CPU credit balance now (0 for a fixed-performance instance). */
    public double creditBalance(int id) {
        int slot = check(id);
        BurstCredits c = core.credits(slot);
        if (c == null) {
            return 0;
        }
        core.touch(slot);
        return c.balanceCredits();
    }

    /**
     * Surplus credits instance {@code id} owes since it was first attached: those charged beyond
     * the 24-hour limit and those outstanding when it left running, plus, if it is running, those
     * charged and outstanding now (unlimited mode; billed per vCPU-hour by pricing). Cumulative:
     * it never decreases while the instance holds its slot.
     */
    public double surplusCredits(int id) {
        int slot = slots.slotOf(id);
        if (slot == DenseSlots.NONE) {
            return 0;
        }
        double total = surplusCredits[slot];
        if (core.isOpen(slot) && core.credits(slot) != null) {
            core.touch(slot);
            BurstCredits c = core.credits(slot);
            total += c.chargedSurplusCredits() + c.outstandingSurplusCredits();
        }
        return total;
    }

    /** Requests completed so far. */
    public long completed() {
        return core.completed();
    }

    /** Requests dropped because their instance's CPU was detached. */
    public long dropped() {
        return core.dropped();
    }

    /** Requests in progress on all CPUs. */
    public long inProgress() {
        return core.inProgress();
    }

    /** vCPU-microseconds of work instance {@code id} has done, over all its running periods, up to now. */
    public long busyVcpuMicros(int id) {
        int slot = slots.slotOf(id);
        return slot == DenseSlots.NONE ? 0 : busyOf(slot);
    }

    private long busyOf(int slot) {
        long total = closedBusy[slot];
        if (core.isServer(slot)) {
            ProcessorSharingCpu cpu = core.server(slot);
            cpu.advance(sim.now());
            total += cpu.busyVcpuMicros();
        } else if (core.isOpen(slot)) {
            total += (long) core.demandBusy(slot);
        }
        return total;
    }

    /** vCPU-microseconds instance {@code id}'s runnable vCPUs waited for a hardware thread, up to now. */
    public double stealVcpuMicros(int id) {
        int slot = slots.slotOf(id);
        if (slot == DenseSlots.NONE) {
            return 0;
        }
        double total = closedSteal[slot];
        if (core.isServer(slot)) {
            ProcessorSharingCpu cpu = core.server(slot);
            cpu.advance(sim.now());
            total += cpu.stealVcpuMicros();
        } else if (core.isOpen(slot)) {
            total += core.demandSteal(slot);
        }
        return total;
    }

    /** vCPU-microseconds of capacity (vCPUs times running time) of instance {@code id} up to now. */
    public long capacityVcpuMicros(int id) {
        int slot = slots.slotOf(id);
        return slot == DenseSlots.NONE ? 0 : capacityOf(slot);
    }

    private long capacityOf(int slot) {
        long total = closedCapacity[slot];
        if (core.isOpen(slot)) {
            total += (long) profiles[slot].vcpus() * (sim.now() - attachedAt[slot]);
        }
        return total;
    }

    /** vCPU-microseconds of work done by all CPUs up to now, forgotten instances included. */
    public long busyVcpuMicros() {
        long total = forgottenBusy;
        for (int slot = 0; slot < slots.highWater(); slot++) {
            if (idOfSlot[slot] >= 0) {
                total += busyOf(slot);
            }
        }
        return total;
    }

    /** vCPU-microseconds of capacity of all CPUs up to now, forgotten instances included. */
    public long capacityVcpuMicros() {
        long total = forgottenCapacity;
        for (int slot = 0; slot < slots.highWater(); slot++) {
            if (idOfSlot[slot] >= 0) {
                total += capacityOf(slot);
            }
        }
        return total;
    }

    private void memoryChanged(int pool) {
        core.setEfficiency(pool, paging.efficiency(poolActiveMemoryMib[pool], poolPhysicalMemoryMib[pool]));
    }

    private int pool(int host) {
        if (hosts == null) {
            throw new IllegalStateException("instance placed on host " + host
                    + " but CPU sharing is bound to no host table");
        }
        if (host >= hostPool.length) {
            int old = hostPool.length;
            hostPool = Arrays.copyOf(hostPool, Math.max(host + 1, old * 2));
            Arrays.fill(hostPool, old, hostPool.length, -1);
        }
        int pool = hostPool[host];
        if (pool < 0) {
            HostSpec spec = hosts.spec(host);
            pool = core.openPool(spec.physicalThreads(), FIT_TOLERANCE);
            ensurePoolCapacity(pool);
            poolPrivate[pool] = false;
            poolActiveMemoryMib[pool] = 0;
            poolPhysicalMemoryMib[pool] = spec.physicalMemoryMib();
            hostPool[host] = pool;
        }
        return pool;
    }

    private void ensurePoolCapacity(int pool) {
        if (pool < poolPrivate.length) {
            return;
        }
        int n = Math.max(pool + 1, poolPrivate.length * 2);
        poolPrivate = Arrays.copyOf(poolPrivate, n);
        poolActiveMemoryMib = Arrays.copyOf(poolActiveMemoryMib, n);
        poolPhysicalMemoryMib = Arrays.copyOf(poolPhysicalMemoryMib, n);
    }

    /** The slot of instance {@code id}, given a fresh one (all totals 0) if it holds none. */
    private int slotFor(int id) {
        if (id < 0) {
            throw new IllegalArgumentException("instance id must not be negative, got " + id);
        }
        int slot = slots.slotOf(id);
        if (slot != DenseSlots.NONE) {
            return slot;
        }
        slot = slots.acquire(id);
        ensureCapacity(slot);
        idOfSlot[slot] = id;
        profiles[slot] = null;
        attachedAt[slot] = 0;
        closedBusy[slot] = 0;
        closedCapacity[slot] = 0;
        closedSteal[slot] = 0;
        surplusCredits[slot] = 0;
        utilisationDriven[slot] = false;
        utilisation[slot] = 0;
        return slot;
    }

    private void ensureCapacity(int slot) {
        if (slot < profiles.length) {
            return;
        }
        int capacity = Math.max(slot + 1, profiles.length * 2);
        idOfSlot = Arrays.copyOf(idOfSlot, capacity);
        profiles = Arrays.copyOf(profiles, capacity);
        attachedAt = Arrays.copyOf(attachedAt, capacity);
        closedBusy = Arrays.copyOf(closedBusy, capacity);
        closedCapacity = Arrays.copyOf(closedCapacity, capacity);
        closedSteal = Arrays.copyOf(closedSteal, capacity);
        surplusCredits = Arrays.copyOf(surplusCredits, capacity);
        utilisationDriven = Arrays.copyOf(utilisationDriven, capacity);
        utilisation = Arrays.copyOf(utilisation, capacity);
    }

    /** The slot of attached instance {@code id}. */
    private int check(int id) {
        int slot = slots.slotOf(id);
        if (slot == DenseSlots.NONE || !core.isOpen(slot)) {
            throw new IllegalStateException("instance " + id + " has no CPU (it is not running)");
        }
        return slot;
    }
}
