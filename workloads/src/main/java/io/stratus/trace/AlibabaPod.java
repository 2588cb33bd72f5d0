package io.stratus.trace;

/**
 * One pod of the Alibaba GPU cluster trace 2023 ({@code openb_pod_list}): a container that is
 * created, possibly scheduled onto a node, and deleted, asking for CPU, memory and a share of
 * GPUs. Times are microseconds since the trace's start (the file gives seconds).
 *
 * @param name          the pod's name
 * @param cpuMilli      CPU request in thousandths of a core
 * @param memoryRequestMib memory request, MiB
 * @param gpus          GPUs requested
 * @param gpuMilli      share of each GPU requested, thousandths (1000 = whole GPUs)
 * @param gpuSpec       the GPU models the pod accepts; empty for any
 * @param qos           quality-of-service class: LS (latency-sensitive), BE (best effort),
 *                      Burstable or Guaranteed
 * @param phase         the pod's final phase: Running, Succeeded, Failed or Pending
 * @param creationTime  when the pod was created: its arrival
 * @param deletionTime  when it was deleted (or the trace ended)
 * @param scheduledTime when it was placed on a node, or {@link #NOT_SCHEDULED}
 */
public record AlibabaPod(
        String name,
        int cpuMilli,
        long memoryRequestMib,
        int gpus,
        int gpuMilli,
        String gpuSpec,
        String qos,
        String phase,
        long creationTime,
        long deletionTime,
        long scheduledTime) implements WorkArrival {

    /** The scheduled time of a pod that was never placed. */
    public static final long NOT_SCHEDULED = -1;

    /** Whether the pod was ever placed on a node. */
    public boolean wasScheduled() {
        return scheduledTime != NOT_SCHEDULED;
    }

    @Override
    public long time() {
        return creationTime;
    }

    /** From creation to deletion (waiting included). */
    @Override
    public long lifetime() {
        return deletionTime - creationTime;
    }

    @Override
    public double vcpus() {
        return cpuMilli / 1000.0;
    }

    @Override
    public double memoryMib() {
        return memoryRequestMib;
    }
}
