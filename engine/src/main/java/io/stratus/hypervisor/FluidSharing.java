package io.stratus.hypervisor;

import io.stratus.sim.EventQueue;
import io.stratus.sim.Simulation;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.util.Arrays;
import java.util.Objects;

/**
 * The fluid-sharing core: members that share pools of capacity, and the one owner of their
 * completion and credit-exhaustion events. CPU ({@link CpuSharing}), disk IOPS
 * ({@code io.stratus.storage.IoSharing}) and trace-driven utilisation are configurations of it.
 *
 * <p>A member is one of two kinds, both in one pool:
 * <ul>
 *   <li>A <em>server</em>: a processor-sharing server of {@code slots} parallel slots
 *       ({@link ProcessorSharingCpu}; vCPUs of an instance, or one slot for a disk) whose full
 *       rate is {@code unit} pool units per slot (1 vCPU per vCPU; a disk's maximum IOPS). With
 *       {@code n} jobs it demands {@code min(n, slots) * unit} units, or less if its optional
 *       token bucket ({@link BurstCredits}) has run dry and holds it to its baseline.</li>
 *   <li>A <em>demand member</em>: a claim of a piecewise-constant number of units set from outside
 *       ({@link #setDemand}), for example a VM replaying a utilisation trace. It has no queue and
 *       no events: what it is denied is lost, not caught up later.</li>
 * </ul>
 * A pool's capacity is shared among all its members by weighted max-min fairness
 * ({@link WaterFilling}): if the demands fit, everyone gets its demand; otherwise member
 * {@code i} gets {@code min(d_i, L w_i)} with {@code sum = capacity}. A member granted
 * {@code g} of its full demand {@code f} runs at share {@code g / f}; the rest is steal. A pool's
 * efficiency (memory paging) slows its servers' work, not their grants.
 *
 * <p>Events: each busy server has at most one pending completion event (its earliest finish tag
 * over its current rate) and a bucketed server at most one credit-exhaustion event (the instant
 * its standard-mode balance reaches zero at its current rate). An arrival, completion or demand
 * change touches its own member in O(log n); only when it changes whether the pool fits, or the
 * pool is contended, is the pool re-shared, in O(k) for k members, and only members whose share
 * changed are brought forward and rescheduled. Nothing is allocated per event.
 *
 * <p>Bucket units: a server's work integral (slot-microseconds) times {@code unit / creditUnit}
 * is what its bucket spends; its bucket's earn rate times {@code creditUnit} is its baseline in
 * pool units (CPU credits: both 1, in vCPU-microseconds; gp2 I/O credits: {@code unit} is the
 * maximum IOPS and {@code creditUnit} is 10^6, in operations).
 *
 * <p>Members are numbered by the caller, and their numbers index the per-member arrays, so they
 * should be dense and reused: {@link CpuSharing} numbers its members by recycled instance slots,
 * which keeps this core's memory O(instances tracked), not O(instances ever attached).
 */
public final class FluidSharing {

    private final Simulation sim;
    private final CompletionListener listener;
    private final int completionKind;
    private final int creditKind;
    private final SharedPools pools = new SharedPools();
    private boolean[] open = new boolean[16];
    private ProcessorSharingCpu[] servers = new ProcessorSharingCpu[16];
    private int[] poolOf = new int[16];
    private double[] unit = new double[16];
    private double[] creditUnit = new double[16];
    private double[] weight = new double[16];
    private double[] demand = new double[16];
    private double[] fullDemand = new double[16];
    private BurstCredits[] credits = new BurstCredits[16];
    private long[] completionEvent = new long[16];
    private long[] creditEvent = new long[16];
    // demand members only: their share and their integrals of granted and denied units
    private double[] memberShare = new double[16];
    private long[] lastUpdate = new long[16];
    private double[] busy = new double[16];
    private double[] steal = new double[16];
    private long completed;
    private long dropped;

    /**
     * @param sim                the simulation whose events it schedules
     * @param completionKindName the event kind of completions
     * @param creditKindName     the event kind of credit exhaustion
     * @param listener           told of every completed job (server id, the job's tag, now)
     */
    public FluidSharing(Simulation sim, String completionKindName, String creditKindName, CompletionListener listener) {
        this.sim = Objects.requireNonNull(sim, "sim");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.completionKind = sim.registerKind(completionKindName, this::onCompletion);
        this.creditKind = sim.registerKind(creditKindName, (id, unused) -> onCreditsExhausted(id));
    }

    /**
     * Opens a pool of {@code capacity} units whose demands fit while their sum is at most
     * {@code capacity * (1 + tolerance)}; returns its number.
     */
    public int openPool(double capacity, double tolerance) {
        return pools.open(capacity, tolerance);
    }

    /** Closes a pool that has no members left. */
    public void closePool(int pool) {
        pools.close(pool);
    }

    /** Members of a pool, in the order they joined (do not modify). */
    public IntArrayList members(int pool) {
        return pools.members(pool);
    }

    /** Sets the speed of a pool's servers' work relative to an unloaded pool (0, 1]. */
    public void setEfficiency(int pool, double efficiency) {
        if (efficiency == pools.efficiency(pool)) {
            return;
        }
        pools.setEfficiency(pool, efficiency);
        IntArrayList m = pools.members(pool);
        for (int i = 0; i < m.size(); i++) {
            int id = m.getInt(i);
            if (servers[id] != null) {
                setShare(id, servers[id].share(), efficiency);
            }
        }
    }

    /**
     * Opens server {@code id} in {@code pool}, idle, now.
     *
     * @param slots      parallel slots (vCPUs; 1 for a disk)
     * @param unit       pool units per slot at full rate
     * @param weight     its weight in the pool's water-filling
     * @param bucket     its token bucket, or null; it is resumed now against a fresh work integral
     * @param creditUnit pool units per bucket unit per microsecond
     */
    public void openServer(int id, int pool, int slots, double unit, double weight, BurstCredits bucket,
                           double creditUnit) {
        openServer(id, pool, slots, unit, weight, bucket, creditUnit, VcpuSpeed.REFERENCE);
    }

    /**
     * Opens server {@code id} as {@link #openServer(int, int, int, double, double, BurstCredits, double)}
     * does, whose slots work at {@code speed} (jobs' sizes are in reference units; its grants and
     * bucket count slot time).
     */
    public void openServer(int id, int pool, int slots, double unit, double weight, BurstCredits bucket,
                           double creditUnit, VcpuSpeed speed) {
        long now = sim.now();
        join(id, pool, unit, weight);
        servers[id] = new ProcessorSharingCpu(slots, now, speed);
        this.creditUnit[id] = creditUnit;
        credits[id] = bucket;
        if (bucket != null) {
            bucket.resume(now, 0);
        }
        completionEvent[id] = EventQueue.NO_EVENT;
        creditEvent[id] = EventQueue.NO_EVENT;
    }

    /** Opens demand member {@code id} in {@code pool} with weight {@code weight}, demanding nothing, now. */
    public void openDemand(int id, int pool, double weight) {
        join(id, pool, 1.0, weight);
        servers[id] = null;
        credits[id] = null;
        memberShare[id] = 1.0;
        lastUpdate[id] = sim.now();
        busy[id] = 0;
        steal[id] = 0;
    }

    private void join(int id, int pool, double unit, double weight) {
        if (!(weight > 0)) {
            throw new IllegalArgumentException("weight must be positive, got " + weight);
        }
        ensureCapacity(id);
        if (open[id]) {
            throw new IllegalStateException("member " + id + " is already open");
        }
        open[id] = true;
        poolOf[id] = pool;
        this.unit[id] = unit;
        this.weight[id] = weight;
        demand[id] = 0;
        fullDemand[id] = 0;
        pools.members(pool).add(id);
    }

    /** Closes member {@code id}, dropping a server's jobs in progress; returns how many. */
    public int close(int id) {
        check(id);
        touch(id);
        int lost = 0;
        ProcessorSharingCpu s = servers[id];
        if (s != null) {
            lost = s.clear(sim.now());
            sim.cancel(completionEvent[id]);
            sim.cancel(creditEvent[id]);
        }
        int pool = poolOf[id];
        pools.leave(pool, id, demand[id]);
        open[id] = false;
        servers[id] = null;
        credits[id] = null;
        dropped += lost;
        if (pools.contended(pool)) {
            reshare(pool);
        }
        return lost;
    }

    /** Whether member {@code id} is open. */
    public boolean isOpen(int id) {
        return id >= 0 && id < open.length && open[id];
    }

    /** Whether member {@code id} is an open server (not a demand member). */
    public boolean isServer(int id) {
        return isOpen(id) && servers[id] != null;
    }

    /** Member {@code id}'s pool. */
    public int poolOf(int id) {
        check(id);
        return poolOf[id];
    }

    /** Server {@code id}'s processor-sharing state (read it; change it only through this core). */
    public ProcessorSharingCpu server(int id) {
        check(id);
        ProcessorSharingCpu s = servers[id];
        if (s == null) {
            throw new IllegalStateException("member " + id + " is a demand member, not a server");
        }
        return s;
    }

    /** Server {@code id}'s token bucket, or null. */
    public BurstCredits credits(int id) {
        check(id);
        return credits[id];
    }

    /** Starts a job of {@code work} slot-microseconds on server {@code id} now, reported with {@code tag}. */
    public void submit(int id, long work, long tag) {
        ProcessorSharingCpu s = server(id);
        touch(id);
        s.arrive(sim.now(), work, tag);
        demandChanged(id);
        reschedule(id);
    }

    /** Sets demand member {@code id}'s claim to {@code units} from now until the next change. */
    public void setDemand(int id, double units) {
        check(id);
        if (servers[id] != null) {
            throw new IllegalStateException("member " + id + " is a server: its demand follows its jobs");
        }
        if (!(units >= 0) || Double.isInfinite(units)) {
            throw new IllegalArgumentException("demand of member " + id + " must be finite and not negative, got "
                    + units);
        }
        touch(id);
        fullDemand[id] = units;
        updateDemand(id, units);
    }

    /** Units member {@code id} would use unthrottled and uncontended now. */
    public double fullDemand(int id) {
        check(id);
        return full(id);
    }

    /** Member {@code id}'s full demand now: a server's live one (its jobs may have just changed). */
    private double full(int id) {
        ProcessorSharingCpu s = servers[id];
        return s != null ? s.demand() * unit[id] : fullDemand[id];
    }

    /** Units member {@code id} is granted now. */
    public double granted(int id) {
        check(id);
        return servers[id] != null ? servers[id].busyRate() * unit[id] : fullDemand[id] * memberShare[id];
    }

    /** The fraction of its full demand member {@code id} is granted now (1 when it demands nothing). */
    public double share(int id) {
        check(id);
        return servers[id] != null ? servers[id].share() : memberShare[id];
    }

    /** Units granted to all members of {@code pool} now. */
    public double poolGranted(int pool) {
        IntArrayList m = pools.members(pool);
        double total = 0;
        for (int i = 0; i < m.size(); i++) {
            total += granted(m.getInt(i));
        }
        return total;
    }

    /** Unit-microseconds demand member {@code id} was granted, up to now. */
    public double demandBusy(int id) {
        touch(id);
        return busy[id];
    }

    /** Unit-microseconds demand member {@code id} was denied (steal), up to now. */
    public double demandSteal(int id) {
        touch(id);
        return steal[id];
    }

    /** Jobs completed so far. */
    public long completed() {
        return completed;
    }

    /** Jobs dropped because their server closed. */
    public long dropped() {
        return dropped;
    }

    /** Jobs in progress on all servers. */
    public long inProgress() {
        long n = 0;
        for (ProcessorSharingCpu s : servers) {
            if (s != null) {
                n += s.active();
            }
        }
        return n;
    }

    /** Brings member {@code id}'s work, integrals and bucket forward to now. */
    public void touch(int id) {
        long now = sim.now();
        ProcessorSharingCpu s = servers[id];
        if (s == null) {
            long dt = now - lastUpdate[id];
            if (dt > 0) {
                busy[id] += fullDemand[id] * memberShare[id] * dt;
                steal[id] += fullDemand[id] * (1 - memberShare[id]) * dt;
            }
            lastUpdate[id] = now;
            return;
        }
        s.advance(now);
        BurstCredits c = credits[id];
        if (c != null) {
            c.settle(now, s.busyVcpuMicrosExact() * unit[id] / creditUnit[id]);
        }
    }

    private void onCompletion(int id, long unused) {
        ProcessorSharingCpu s = servers[id];
        long now = sim.now();
        completionEvent[id] = EventQueue.NO_EVENT;
        touch(id);
        while (s.hasFinishedJob()) {
            long arrival = s.removeFinished();
            completed++;
            listener.completed(id, arrival, now);
            if (servers[id] != s) {
                return; // the listener closed the server
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

    /** Re-evaluates server {@code id}'s demand after its job count or throttle changed. */
    private void demandChanged(int id) {
        ProcessorSharingCpu s = servers[id];
        BurstCredits c = credits[id];
        double full = s.demand() * unit[id];
        if (c != null && c.throttled() && full < c.baselineVcpus() * creditUnit[id]) {
            c.throttle(false); // earning again: the balance grows from here
        }
        double d = full;
        if (c != null && c.throttled()) {
            d = Math.min(d, c.baselineVcpus() * creditUnit[id]);
        }
        if (d == demand[id] && full == fullDemand[id]) {
            return; // e.g. a busy server with more jobs than slots: nothing to re-share
        }
        fullDemand[id] = full;
        updateDemand(id, d);
    }

    private void updateDemand(int id, double d) {
        int pool = poolOf[id];
        boolean changed = pools.addDemand(pool, d - demand[id]);
        demand[id] = d;
        if (changed || pools.contended(pool)) {
            reshare(pool);
        } else {
            double full = full(id);
            setShare(id, full == 0 ? 1.0 : d / full, pools.efficiency(pool));
        }
    }

    private void reshare(int pool) {
        double[] allocation = pools.allocate(pool, demand, weight);
        IntArrayList m = pools.members(pool);
        double efficiency = pools.efficiency(pool);
        for (int i = 0; i < m.size(); i++) {
            int id = m.getInt(i);
            double full = full(id);
            setShare(id, full == 0 ? 1.0 : Math.min(1.0, allocation[i] / full), efficiency);
        }
    }

    private void setShare(int id, double share, double efficiency) {
        ProcessorSharingCpu s = servers[id];
        if (s == null) {
            if (share != memberShare[id]) {
                touch(id);
                memberShare[id] = share;
            }
            return;
        }
        if (share == s.share() && efficiency == s.efficiency()) {
            return;
        }
        touch(id);
        s.setShare(sim.now(), share, efficiency);
        reschedule(id);
    }

    private void reschedule(int id) {
        ProcessorSharingCpu s = servers[id];
        completionEvent[id] = move(completionEvent[id], s.nextCompletionTime(), completionKind, id);
        BurstCredits c = credits[id];
        if (c != null) {
            creditEvent[id] = move(creditEvent[id], c.exhaustionTime(s.busyRate() * unit[id] / creditUnit[id]),
                    creditKind, id);
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

    private void check(int id) {
        if (!isOpen(id)) {
            throw new IllegalStateException("member " + id + " is not open");
        }
    }

    private void ensureCapacity(int id) {
        if (id < open.length) {
            return;
        }
        int n = Math.max(id + 1, open.length * 2);
        open = Arrays.copyOf(open, n);
        servers = Arrays.copyOf(servers, n);
        poolOf = Arrays.copyOf(poolOf, n);
        unit = Arrays.copyOf(unit, n);
        creditUnit = Arrays.copyOf(creditUnit, n);
        weight = Arrays.copyOf(weight, n);
        demand = Arrays.copyOf(demand, n);
        fullDemand = Arrays.copyOf(fullDemand, n);
        credits = Arrays.copyOf(credits, n);
        completionEvent = Arrays.copyOf(completionEvent, n);
        creditEvent = Arrays.copyOf(creditEvent, n);
        memberShare = Arrays.copyOf(memberShare, n);
        lastUpdate = Arrays.copyOf(lastUpdate, n);
        busy = Arrays.copyOf(busy, n);
        steal = Arrays.copyOf(steal, n);
    }
}
