package io.stratus.hypervisor;

import io.stratus.sim.EventQueue;
import io.stratus.sim.Simulation;
import java.util.Arrays;
import java.util.Objects;

/**
 * The processor-sharing CPUs of all running instances, and the one completion event each busy
 * CPU has pending.
 *
 * <p>Each attached instance owns a {@link ProcessorSharingCpu}. Whenever its set of jobs changes
 * (an arrival or a completion), its single pending completion event is rescheduled in O(log n);
 * an idle CPU has none. Nothing is allocated per request.
 *
 * <p>It also integrates, per instance, the vCPU-time the CPU was attached (capacity) and busy,
 * which gives utilisation.
 */
public final class CpuSharing {

    private final Simulation sim;
    private final CompletionListener listener;
    private final int completionKind;
    private ProcessorSharingCpu[] cpus = new ProcessorSharingCpu[16];
    private long[] completionEvent = new long[16];
    private long[] attachedAt = new long[16];
    private long[] closedBusy = new long[16];
    private long[] closedCapacity = new long[16];
    private int highestId = -1;
    private long completed;
    private long dropped;

    public CpuSharing(Simulation sim, CompletionListener listener) {
        this.sim = Objects.requireNonNull(sim, "sim");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.completionKind = sim.registerKind("cpu-completion", this::onCompletion);
    }

    /** Gives instance {@code id} a CPU of {@code vcpus} vCPUs, starting now. */
    public void attach(int id, int vcpus) {
        if (id >= cpus.length) {
            int capacity = Math.max(id + 1, cpus.length * 2);
            cpus = Arrays.copyOf(cpus, capacity);
            completionEvent = Arrays.copyOf(completionEvent, capacity);
            attachedAt = Arrays.copyOf(attachedAt, capacity);
            closedBusy = Arrays.copyOf(closedBusy, capacity);
            closedCapacity = Arrays.copyOf(closedCapacity, capacity);
        }
        highestId = Math.max(highestId, id);
        if (cpus[id] != null) {
            throw new IllegalStateException("instance " + id + " already has a CPU");
        }
        cpus[id] = new ProcessorSharingCpu(vcpus, sim.now());
        completionEvent[id] = EventQueue.NO_EVENT;
        attachedAt[id] = sim.now();
    }

    /**
     * Removes instance {@code id}'s CPU, dropping the requests in progress.
     *
     * @return the number of requests dropped
     */
    public int detach(int id) {
        ProcessorSharingCpu cpu = cpu(id);
        int lost = cpu.clear(sim.now());
        sim.cancel(completionEvent[id]);
        closedBusy[id] += cpu.busyVcpuMicros();
        closedCapacity[id] += (long) cpu.vcpus() * (sim.now() - attachedAt[id]);
        cpus[id] = null;
        dropped += lost;
        return lost;
    }

    /** Whether instance {@code id} has a CPU. */
    public boolean isAttached(int id) {
        return id >= 0 && id < cpus.length && cpus[id] != null;
    }

    /** Starts a request of {@code workMicros} CPU-microseconds on instance {@code id} now. */
    public void submit(int id, long workMicros) {
        ProcessorSharingCpu cpu = cpu(id);
        cpu.arrive(sim.now(), workMicros);
        reschedule(id, cpu);
    }

    /** vCPUs of instance {@code id}'s CPU (it must be attached). */
    public int vcpus(int id) {
        return cpu(id).vcpus();
    }

    /** Requests in progress on instance {@code id}. */
    public int active(int id) {
        return cpu(id).active();
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
        cpu.advance(now);
        while (cpu.hasFinishedJob()) {
            long arrival = cpu.removeFinished();
            completed++;
            listener.completed(id, arrival, now);
        }
        completionEvent[id] = EventQueue.NO_EVENT;
        reschedule(id, cpu);
    }

    private void reschedule(int id, ProcessorSharingCpu cpu) {
        long next = cpu.nextCompletionTime();
        long handle = completionEvent[id];
        if (next == Long.MAX_VALUE) {
            sim.cancel(handle);
            completionEvent[id] = EventQueue.NO_EVENT;
        } else if (!sim.reschedule(handle, next)) {
            completionEvent[id] = sim.schedule(next, completionKind, id, 0);
        }
    }

    private ProcessorSharingCpu cpu(int id) {
        if (!isAttached(id)) {
            throw new IllegalStateException("instance " + id + " has no CPU (it is not running)");
        }
        return cpus[id];
    }
}
