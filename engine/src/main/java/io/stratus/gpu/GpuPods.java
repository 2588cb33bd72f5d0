package io.stratus.gpu;

import java.util.Arrays;

/**
 * The pods of a run and what each asks, in primitive arrays indexed by pod id (0, 1, 2, ... in
 * arrival order). Shared read-only by the clusters that replay the same pods under different
 * policies; where each pod runs is the cluster's state, not this table's.
 *
 * <p>A pod asks {@code gpus = 0} (CPU only), {@code gpus = 1} with a share of one GPU of
 * {@code gpuMilli} thousandths (1000 is a whole GPU), or {@code gpus > 1} whole GPUs (its
 * {@code gpuMilli} is then ignored: the trace sets it to 1000).
 */
public final class GpuPods {

    /** A whole GPU, in thousandths. */
    public static final int MILLI = 1000;

    private int size;
    private int[] cpu = new int[64];
    private long[] memory = new long[64];
    private int[] gpus = new int[64];
    private int[] share = new int[64];
    private long[] models = new long[64];
    private long[] arrival = new long[64];

    /**
     * Adds a pod.
     *
     * @param cpuMilli   CPU asked, thousandths of a core
     * @param memoryMib  memory asked, MiB
     * @param gpuCount   GPUs asked, 0 to {@link GpuNode#MAX_GPUS}
     * @param gpuMilli   share of the one GPU when {@code gpuCount == 1}, 0 to 1000
     * @param modelMask  the GPU models accepted ({@link GpuModels#mask})
     * @param arrivalMicros when the pod arrives
     * @return the pod's id
     */
    public int add(int cpuMilli, long memoryMib, int gpuCount, int gpuMilli, long modelMask, long arrivalMicros) {
        if (cpuMilli < 0 || memoryMib < 0 || gpuCount < 0 || gpuCount > GpuNode.MAX_GPUS
                || gpuMilli < 0 || gpuMilli > MILLI) {
            throw new IllegalArgumentException("pod asks cpu " + cpuMilli + ", memory " + memoryMib + ", gpus "
                    + gpuCount + ", gpu share " + gpuMilli + ": out of range");
        }
        if (size == cpu.length) {
            int n = size * 2;
            cpu = Arrays.copyOf(cpu, n);
            memory = Arrays.copyOf(memory, n);
            gpus = Arrays.copyOf(gpus, n);
            share = Arrays.copyOf(share, n);
            models = Arrays.copyOf(models, n);
            arrival = Arrays.copyOf(arrival, n);
        }
        cpu[size] = cpuMilli;
        memory[size] = memoryMib;
        gpus[size] = gpuCount;
        share[size] = gpuCount == 1 ? gpuMilli : gpuCount == 0 ? 0 : MILLI;
        models[size] = modelMask;
        arrival[size] = arrivalMicros;
        return size++;
    }

    /** Pods added. */
    public int size() {
        return size;
    }

    /** CPU asked, thousandths of a core. */
    public int cpuMilli(int pod) {
        return cpu[pod];
    }

    /** Memory asked, MiB. */
    public long memoryMib(int pod) {
        return memory[pod];
    }

    /** GPUs asked. */
    public int gpus(int pod) {
        return gpus[pod];
    }

    /** Thousandths of each GPU asked: the share for one GPU, 1000 for several, 0 for none. */
    public int gpuShare(int pod) {
        return share[pod];
    }

    /** GPU thousandths the pod holds in all: {@code gpus * gpuShare}. */
    public int gpuMilliTotal(int pod) {
        return gpus[pod] * share[pod];
    }

    /** The models accepted. */
    public long modelMask(int pod) {
        return models[pod];
    }

    /** When the pod arrived. */
    public long arrival(int pod) {
        return arrival[pod];
    }
}
