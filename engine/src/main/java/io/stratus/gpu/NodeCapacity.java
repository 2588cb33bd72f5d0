package io.stratus.gpu;

import java.util.Arrays;
import java.util.List;

/**
 * The free capacity of a GPU cluster's nodes: CPU, memory and each GPU's free thousandths, with
 * per-node summaries (free GPU total, whole free GPUs, largest free share) and the cached
 * fragmentation of each node ({@link PodMix#fragment}), summed for the cluster and per GPU model.
 * Also the GPU thousandths allocated, for the cluster and per model.
 *
 * <p>Assumptions: the caller has checked that a pod fits ({@link GpuFit}) before {@link #take}
 * and gives back exactly what it took in {@link #give}; this class does not know which pods run
 * where. The summaries and fragmentation of a node are recomputed after each change of it, so
 * the view is always current. Everything is in primitive arrays (the GPUs of all nodes in one
 * array, node {@code i}'s from {@code gpuStart[i]}); nothing is allocated after construction.
 * Each node is up (takes pods) or down; all start up. A node that is down keeps its capacity in
 * the totals (allocation and fragmentation count every node of the cluster, up or not).
 */
final class NodeCapacity implements GpuClusterView {

    private final PodMix mix;
    private final int n;
    private final int[] cpuCap;
    private final int[] cpuFree;
    private final long[] memCap;
    private final long[] memFree;
    private final int[] gpuCount;
    private final int[] model;
    private final int[] gpuStart;
    private final int[] gpuFree;
    private final int[] nodeGpuFree;
    private final int[] fullGpus;
    private final int[] maxFree;
    private final long[] frag;
    private final boolean[] up;
    private long fragTotal;
    private final long gpuCapacity;
    private long allocated;
    private final long[] modelCapacity;
    private final long[] modelAllocated;
    private final long[] modelFrag;

    /** All of the nodes free; at least one node, each GPU model among the models. */
    NodeCapacity(List<GpuNode> nodeList, GpuModels models, PodMix mix) {
        this.mix = mix;
        if (nodeList.isEmpty()) {
            throw new IllegalArgumentException("a GPU cluster needs at least one node");
        }
        n = nodeList.size();
        cpuCap = new int[n];
        cpuFree = new int[n];
        memCap = new long[n];
        memFree = new long[n];
        gpuCount = new int[n];
        model = new int[n];
        gpuStart = new int[n + 1];
        nodeGpuFree = new int[n];
        fullGpus = new int[n];
        maxFree = new int[n];
        frag = new long[n];
        up = new boolean[n];
        Arrays.fill(up, true);
        modelCapacity = new long[models.count()];
        modelAllocated = new long[models.count()];
        modelFrag = new long[models.count()];
        long capacity = 0;
        for (int i = 0; i < n; i++) {
            GpuNode node = nodeList.get(i);
            cpuCap[i] = node.cpuMilli();
            cpuFree[i] = node.cpuMilli();
            memCap[i] = node.memoryMib();
            memFree[i] = node.memoryMib();
            gpuCount[i] = node.gpus();
            model[i] = node.gpus() == 0 ? -1 : models.id(node.model());
            if (node.gpus() > 0 && model[i] < 0) {
                throw new IllegalArgumentException("node " + node.name() + ": model " + node.model() + " not in the models");
            }
            gpuStart[i + 1] = gpuStart[i] + node.gpus();
            capacity += (long) node.gpus() * GpuPods.MILLI;
            if (model[i] >= 0) {
                modelCapacity[model[i]] += (long) node.gpus() * GpuPods.MILLI;
            }
        }
        gpuCapacity = capacity;
        gpuFree = new int[gpuStart[n]];
        Arrays.fill(gpuFree, GpuPods.MILLI);
        for (int i = 0; i < n; i++) {
            refresh(i);
        }
    }

    /**
     * Takes the pod's request from the node: its share of GPU {@code gpu} for a one-GPU pod, else
     * the lowest-numbered wholly free GPUs it asks.
     *
     * @return the GPUs taken, as a bit mask
     */
    long take(GpuPods pods, int pod, int node, int gpu) {
        cpuFree[node] -= pods.cpuMilli(pod);
        memFree[node] -= pods.memoryMib(pod);
        long mask = 0;
        int want = pods.gpus(pod);
        if (want == 1) {
            gpuFree[gpuStart[node] + gpu] -= pods.gpuShare(pod);
            mask = 1L << gpu;
        } else {
            for (int g = 0; g < gpuCount[node] && want > 0; g++) {
                if (gpuFree[gpuStart[node] + g] == GpuPods.MILLI) {
                    gpuFree[gpuStart[node] + g] = 0;
                    mask |= 1L << g;
                    want--;
                }
            }
        }
        int total = pods.gpuMilliTotal(pod);
        allocated += total;
        if (model[node] >= 0) {
            modelAllocated[model[node]] += total;
        }
        refresh(node);
        return mask;
    }

    /** Gives back to the node what {@link #take} took for the pod ({@code mask} its result). */
    void give(GpuPods pods, int pod, int node, long mask) {
        cpuFree[node] += pods.cpuMilli(pod);
        memFree[node] += pods.memoryMib(pod);
        int share = pods.gpuShare(pod);
        for (int g = 0; g < gpuCount[node]; g++) {
            if ((mask >>> g & 1L) != 0) {
                gpuFree[gpuStart[node] + g] += share;
            }
        }
        int total = pods.gpuMilliTotal(pod);
        allocated -= total;
        if (model[node] >= 0) {
            modelAllocated[model[node]] -= total;
        }
        refresh(node);
    }

    /** Marks the node up (it takes pods) or down (it fits none); its free capacity is unchanged. */
    void setUp(int node, boolean isUp) {
        up[node] = isUp;
    }

    /** Recomputes the node's summaries and fragmentation after a change. */
    private void refresh(int node) {
        int total = 0;
        int full = 0;
        int max = 0;
        for (int i = gpuStart[node]; i < gpuStart[node + 1]; i++) {
            int f = gpuFree[i];
            total += f;
            full += f == GpuPods.MILLI ? 1 : 0;
            max = Math.max(max, f);
        }
        nodeGpuFree[node] = total;
        fullGpus[node] = full;
        maxFree[node] = max;
        long f = mix.fragment(this, node);
        fragTotal += f - frag[node];
        if (model[node] >= 0) {
            modelFrag[model[node]] += f - frag[node];
        }
        frag[node] = f;
    }

    // ---- invariants ----

    /** GPUs in the cluster, the length of a per-GPU usage array for {@link #checkUsage}. */
    int gpuSlots() {
        return gpuFree.length;
    }

    /** The index of a node's GPU in a per-GPU usage array. */
    int gpuSlot(int node, int gpu) {
        return gpuStart[node] + gpu;
    }

    /**
     * Checks each node against the usage of the pods running on it: nothing over capacity, used
     * plus free equal to capacity, and the cached fragmentation equal to a recomputation.
     *
     * @throws IllegalStateException naming the first violation
     */
    void checkUsage(long[] cpuUsed, long[] memUsed, int[] gpuUsed) {
        for (int i = 0; i < n; i++) {
            if (cpuUsed[i] > cpuCap[i] || cpuUsed[i] + cpuFree[i] != cpuCap[i]) {
                throw new IllegalStateException("node " + i + ": CPU used " + cpuUsed[i] + ", free " + cpuFree[i]
                        + ", capacity " + cpuCap[i]);
            }
            if (memUsed[i] > memCap[i] || memUsed[i] + memFree[i] != memCap[i]) {
                throw new IllegalStateException("node " + i + ": memory used " + memUsed[i] + ", free " + memFree[i]
                        + ", capacity " + memCap[i]);
            }
            for (int g = gpuStart[i]; g < gpuStart[i + 1]; g++) {
                if (gpuUsed[g] > GpuPods.MILLI || gpuUsed[g] + gpuFree[g] != GpuPods.MILLI) {
                    throw new IllegalStateException("node " + i + " GPU " + (g - gpuStart[i]) + ": used " + gpuUsed[g]
                            + ", free " + gpuFree[g]);
                }
            }
            if (mix.fragment(this, i) != frag[i]) {
                throw new IllegalStateException("node " + i + ": cached fragmentation differs from a recomputation");
            }
        }
    }

    /**
     * Checks that the cluster's fragmentation is the sum of the nodes'.
     *
     * @throws IllegalStateException if not
     */
    void checkFragmentationTotal() {
        long sum = 0;
        for (long f : frag) {
            sum += f;
        }
        if (sum != fragTotal) {
            throw new IllegalStateException("cluster fragmentation " + fragTotal + " is not the nodes' sum " + sum);
        }
    }

    // ---- view ----

    @Override
    public int nodes() {
        return n;
    }

    @Override
    public boolean up(int node) {
        return up[node];
    }

    @Override
    public int cpuFree(int node) {
        return cpuFree[node];
    }

    @Override
    public long memoryFree(int node) {
        return memFree[node];
    }

    @Override
    public int gpus(int node) {
        return gpuCount[node];
    }

    @Override
    public int model(int node) {
        return model[node];
    }

    @Override
    public int gpuFree(int node, int gpu) {
        return gpuFree[gpuStart[node] + gpu];
    }

    @Override
    public int nodeGpuFree(int node) {
        return nodeGpuFree[node];
    }

    @Override
    public int fullGpus(int node) {
        return fullGpus[node];
    }

    @Override
    public int maxGpuFree(int node) {
        return maxFree[node];
    }

    @Override
    public long fragment(int node) {
        return frag[node];
    }

    // ---- totals ----

    /** GPU capacity, thousandths. */
    long gpuCapacity() {
        return gpuCapacity;
    }

    /** GPU thousandths allocated now. */
    long gpuAllocated() {
        return allocated;
    }

    /** The nodes' fragmentation summed, weighted by counts ({@link PodMix#fragment}). */
    long fragmentTotal() {
        return fragTotal;
    }

    /** GPU models (the length of the per-model totals). */
    int modelCount() {
        return modelCapacity.length;
    }

    /** GPU capacity of a model, thousandths. */
    long modelCapacity(int m) {
        return modelCapacity[m];
    }

    /** GPU thousandths of a model allocated now. */
    long modelAllocated(int m) {
        return modelAllocated[m];
    }

    /** Fragmentation of a model's nodes summed, weighted by counts. */
    long modelFragment(int m) {
        return modelFrag[m];
    }
}
