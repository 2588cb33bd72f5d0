package io.stratus.storage;

import io.stratus.hypervisor.BurstCredits;
import io.stratus.hypervisor.CpuCreditMode;
import io.stratus.hypervisor.FluidSharing;
import io.stratus.sim.Simulation;
import java.util.Arrays;
import java.util.Objects;

/**
 * The disk configuration of the fluid-sharing core ({@link FluidSharing}): a set of I/O servers
 * (one per volume, or one per instance store) grouped in pools that cap their total rate (an
 * instance's EBS bandwidth, a host's NVMe IOPS).
 *
 * <p>Each server is a one-slot processor-sharing server whose full rate is its maximum IOPS:
 * requests of {@code k} operations are work of {@code k / maxIops} seconds, and concurrent
 * requests share the rate equally. A busy server demands its current limit (its maximum, or its
 * baseline when its bucket of I/O credits has run dry: the same token bucket as CPU credits, in
 * operations); a pool's capacity is shared among its busy servers by max-min fairness with equal
 * weights and no tolerance on the fit. The core owns the completion and credit-exhaustion
 * events; nothing is allocated per request.
 *
 * <p>Simplifications: queue depth, latency per operation and I/O size are not modelled (an
 * operation is a fixed-size I/O; a request's time is its operations over the rate it gets).
 */
final class IoServers {

    /** Bucket units are operations: a server's earn rate in operations per microsecond, times this, is IOPS. */
    private static final double MICROS_PER_SECOND = 1e6;

    private final Simulation sim;
    private final FluidSharing core;
    private int[] corePool = new int[16];
    private double[] maxIops = new double[16];

    IoServers(Simulation sim, String name, IoCompletionListener listener) {
        this.sim = Objects.requireNonNull(sim, "sim");
        Objects.requireNonNull(listener, "listener");
        this.core = new FluidSharing(sim, name + "-io-completion", name + "-io-credits-exhausted", listener::completed);
        Arrays.fill(corePool, -1);
    }

    boolean isOpen(int server) {
        return core.isOpen(server);
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
        if (core.isOpen(server)) {
            throw new IllegalStateException("I/O server " + server + " is already open");
        }
        if (corePool[pool] < 0) {
            corePool[pool] = core.openPool(poolCapacity, 0);
        }
        maxIops[server] = serverMax;
        core.openServer(server, corePool[pool], 1, serverMax, 1.0, bucket, MICROS_PER_SECOND);
    }

    /** Closes a server, dropping its requests in progress; returns how many. */
    int close(int server) {
        check(server);
        return core.close(server);
    }

    void submit(int server, long ops) {
        submit(server, ops, sim.now());
    }

    /** Submits {@code ops} operations now, reported on completion with {@code tag} as their arrival. */
    void submit(int server, long ops, long tag) {
        if (ops <= 0) {
            throw new IllegalArgumentException("an I/O request needs at least one operation, got " + ops);
        }
        check(server);
        core.submit(server, (long) Math.ceil(ops * 1e6 / maxIops[server]), tag);
    }

    /** The IOPS the server does now (0 when idle). */
    double iops(int server) {
        check(server);
        return core.granted(server);
    }

    int active(int server) {
        check(server);
        return core.server(server).active();
    }

    long completed() {
        return core.completed();
    }

    long dropped() {
        return core.dropped();
    }

    private void check(int server) {
        if (!isOpen(server)) {
            throw new IllegalStateException("I/O server " + server + " is not open");
        }
    }

    private void ensureCapacity(int index) {
        if (index < maxIops.length) {
            return;
        }
        int capacity = Math.max(index + 1, maxIops.length * 2);
        int old = corePool.length;
        corePool = Arrays.copyOf(corePool, capacity);
        Arrays.fill(corePool, old, capacity, -1);
        maxIops = Arrays.copyOf(maxIops, capacity);
    }

    static BurstCredits gp2Bucket(VolumeSpec spec, long now) {
        return new BurstCredits(spec.baselineIops() / 1e6, VolumeType.GP2_BUCKET_CREDITS, VolumeType.GP2_BUCKET_CREDITS,
                CpuCreditMode.STANDARD, now, 0);
    }
}
