package io.stratus.storage;

import io.stratus.hypervisor.BurstCredits;
import io.stratus.hypervisor.CpuCreditMode;
import io.stratus.hypervisor.ProcessorSharingCpu;
import io.stratus.hypervisor.WaterFilling;
import io.stratus.sim.EventQueue;
import io.stratus.sim.Simulation;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.util.Arrays;
import java.util.Objects;

/**
 * A set of I/O servers (one per volume, or one per instance store) in a fluid model, grouped in
 * pools that cap their total rate (an instance's EBS bandwidth, a host's NVMe IOPS).
 *
 * <p>Each server is a processor-sharing server whose full rate is its maximum IOPS: requests of
 * {@code k} operations are work of {@code k / maxIops} seconds, and concurrent requests share the
 * rate equally. A busy server demands its current limit (its maximum, or its baseline when a
 * bucket of I/O credits has run dry); a pool's capacity is shared among its busy servers by
 * max-min fairness ({@link WaterFilling}, equal weights). Completion and credit-exhaustion
 * events are rescheduled as in {@link io.stratus.hypervisor.CpuSharing}, with no allocation per
 * request.
 *
 * <p>Simplifications: queue depth, latency per operation and I/O size are not modelled (an
 * operation is a fixed-size I/O; a request's time is its operations over the rate it gets).
 */
final class IoServers {

    private static final class Pool {
        final double capacity;
        final IntArrayList members = new IntArrayList();
        double demandSum;
        boolean contended;

        Pool(double capacity) {
            this.capacity = capacity;
        }
    }

    private final Simulation sim;
    private final IoCompletionListener listener;
    private final int completionKind;
    private final int creditKind;
    private ProcessorSharingCpu[] servers = new ProcessorSharingCpu[16];
    private Pool[] poolOf = new Pool[16];
    private Pool[] pools = new Pool[16];
    private double[] maxIops = new double[16];
    private double[] demand = new double[16];
    private BurstCredits[] credits = new BurstCredits[16];
    private long[] completionEvent = new long[16];
    private long[] creditEvent = new long[16];
    private double[] scratchDemand = new double[16];
    private double[] scratchWeight = new double[16];
    private double[] scratchAllocation = new double[16];
    private long completed;
    private long dropped;

    IoServers(Simulation sim, String name, IoCompletionListener listener) {
        this.sim = Objects.requireNonNull(sim, "sim");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.completionKind = sim.registerKind(name + "-io-completion", this::onCompletion);
        this.creditKind = sim.registerKind(name + "-io-credits-exhausted", (s, d) -> onCreditsExhausted(s));
    }

    boolean isOpen(int server) {
        return server >= 0 && server < servers.length && servers[server] != null;
    }

    /**
     * Opens a server.
     *
     * @param pool         the pool it shares (created with {@code poolCapacity} IOPS on first use)
     * @param serverMax    its maximum IOPS
     * @param bucket       its I/O credit bucket, or null if it does not burst
     */
    void open(int server, int pool, double poolCapacity, double serverMax, BurstCredits bucket) {
        ensureCapacity(Math.max(server, pool));
        if (servers[server] != null) {
            throw new IllegalStateException("I/O server " + server + " is already open");
        }
        long now = sim.now();
        servers[server] = new ProcessorSharingCpu(1, now);
        if (pools[pool] == null) {
            pools[pool] = new Pool(poolCapacity);
        }
        poolOf[server] = pools[pool];
        pools[pool].members.add(server);
        maxIops[server] = serverMax;
        demand[server] = 0;
        credits[server] = bucket;
        if (bucket != null) {
            bucket.resume(now, 0);
        }
        completionEvent[server] = EventQueue.NO_EVENT;
        creditEvent[server] = EventQueue.NO_EVENT;
    }

    /** Closes a server, dropping its requests in progress; returns how many. */
    int close(int server) {
        ProcessorSharingCpu s = server(server);
        touch(server);
        int lost = s.clear(sim.now());
        sim.cancel(completionEvent[server]);
        sim.cancel(creditEvent[server]);
        Pool pool = poolOf[server];
        pool.members.rem(server);
        pool.demandSum -= demand[server];
        servers[server] = null;
        poolOf[server] = null;
        dropped += lost;
        if (pool.contended) {
            reshare(pool);
        }
        return lost;
    }

    void submit(int server, long ops) {
        submit(server, ops, sim.now());
    }

    /** Submits {@code ops} operations now, reported on completion with {@code tag} as their arrival. */
    void submit(int server, long ops, long tag) {
        if (ops <= 0) {
            throw new IllegalArgumentException("an I/O request needs at least one operation, got " + ops);
        }
        ProcessorSharingCpu s = server(server);
        touch(server);
        s.arrive(sim.now(), (long) Math.ceil(ops * 1e6 / maxIops[server]), tag);
        demandChanged(server);
        reschedule(server);
    }

    /** The IOPS the server does now (0 when idle). */
    double iops(int server) {
        return server(server).busyRate() * maxIops[server];
    }

    int active(int server) {
        return server(server).active();
    }

    long completed() {
        return completed;
    }

    long dropped() {
        return dropped;
    }

    private void onCompletion(int server, long unused) {
        ProcessorSharingCpu s = servers[server];
        long now = sim.now();
        completionEvent[server] = EventQueue.NO_EVENT;
        touch(server);
        while (s.hasFinishedJob()) {
            long arrival = s.removeFinished();
            completed++;
            listener.completed(server, arrival, now);
            if (servers[server] != s) {
                return;
            }
        }
        demandChanged(server);
        reschedule(server);
    }

    private void onCreditsExhausted(int server) {
        creditEvent[server] = EventQueue.NO_EVENT;
        touch(server);
        credits[server].throttle(true);
        demandChanged(server);
        reschedule(server);
    }

    private void touch(int server) {
        ProcessorSharingCpu s = servers[server];
        long now = sim.now();
        s.advance(now);
        BurstCredits c = credits[server];
        if (c != null) {
            c.settle(now, s.busyVcpuMicrosExact() * maxIops[server] / 1e6);
        }
    }

    private void demandChanged(int server) {
        ProcessorSharingCpu s = servers[server];
        BurstCredits c = credits[server];
        if (c != null && c.throttled() && s.active() == 0) {
            c.throttle(false); // idle: the bucket refills from here
        }
        double d = s.active() == 0 ? 0 : limit(server);
        if (d == demand[server]) {
            return;
        }
        Pool pool = poolOf[server];
        pool.demandSum += d - demand[server];
        demand[server] = d;
        if (pool.demandSum <= pool.capacity) {
            if (pool.contended) {
                pool.contended = false;
                reshare(pool);
            } else {
                setShare(server, d == 0 ? 1.0 : d / maxIops[server]);
            }
        } else {
            pool.contended = true;
            reshare(pool);
        }
    }

    private double limit(int server) {
        BurstCredits c = credits[server];
        return c != null && c.throttled() ? c.baselineVcpus() * 1e6 : maxIops[server];
    }

    private void reshare(Pool pool) {
        int k = pool.members.size();
        if (k > scratchDemand.length) {
            scratchDemand = new double[Math.max(k, 2 * scratchDemand.length)];
            scratchWeight = new double[scratchDemand.length];
            scratchAllocation = new double[scratchDemand.length];
        }
        for (int i = 0; i < k; i++) {
            scratchDemand[i] = demand[pool.members.getInt(i)];
            scratchWeight[i] = 1;
        }
        WaterFilling.allocate(k, scratchDemand, scratchWeight, pool.capacity, scratchAllocation);
        for (int i = 0; i < k; i++) {
            int server = pool.members.getInt(i);
            double a = scratchAllocation[i];
            setShare(server, a <= 0 ? 1.0 : Math.min(1.0, a / maxIops[server]));
        }
    }

    private void setShare(int server, double share) {
        ProcessorSharingCpu s = servers[server];
        if (share == s.share()) {
            return;
        }
        touch(server);
        s.setShare(sim.now(), share, 1.0);
        reschedule(server);
    }

    private void reschedule(int server) {
        ProcessorSharingCpu s = servers[server];
        completionEvent[server] = move(completionEvent[server], s.nextCompletionTime(), completionKind, server);
        BurstCredits c = credits[server];
        if (c != null) {
            creditEvent[server] = move(creditEvent[server], c.exhaustionTime(s.busyRate() * maxIops[server] / 1e6),
                    creditKind, server);
        }
    }

    private long move(long handle, long time, int kind, int server) {
        if (time == Long.MAX_VALUE) {
            sim.cancel(handle);
            return EventQueue.NO_EVENT;
        }
        if (sim.reschedule(handle, time)) {
            return handle;
        }
        return sim.schedule(time, kind, server, 0);
    }

    private ProcessorSharingCpu server(int server) {
        if (!isOpen(server)) {
            throw new IllegalStateException("I/O server " + server + " is not open");
        }
        return servers[server];
    }

    private void ensureCapacity(int index) {
        if (index < servers.length && index < pools.length) {
            return;
        }
        int capacity = Math.max(index + 1, servers.length * 2);
        servers = Arrays.copyOf(servers, capacity);
        poolOf = Arrays.copyOf(poolOf, capacity);
        pools = Arrays.copyOf(pools, capacity);
        maxIops = Arrays.copyOf(maxIops, capacity);
        demand = Arrays.copyOf(demand, capacity);
        credits = Arrays.copyOf(credits, capacity);
        completionEvent = Arrays.copyOf(completionEvent, capacity);
        creditEvent = Arrays.copyOf(creditEvent, capacity);
    }

    static BurstCredits gp2Bucket(VolumeSpec spec, long now) {
        return new BurstCredits(spec.baselineIops() / 1e6, VolumeType.GP2_BUCKET_CREDITS, VolumeType.GP2_BUCKET_CREDITS,
                CpuCreditMode.STANDARD, now, 0);
    }
}
