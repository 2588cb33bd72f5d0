package io.stratus.gpu;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The workload's pod types and their popularity, and the fragmentation measure of Weng et al.
 * (ATC 2023, section 4) built on them.
 *
 * <p>A pod type is a distinct request (CPU, memory, GPUs, GPU share, accepted models); its
 * popularity is its count over all pods. For a node n and a type m, the fragment F_n(m) is the
 * node's free GPU capacity that a pod of type m cannot use:
 * <ul>
 *   <li>if m cannot be placed on n at all (not enough CPU or memory, no accepted GPU model, no GPU
 *       with the share free, too few whole free GPUs), all the node's free GPU capacity;</li>
 *   <li>otherwise, for m asking a share d of one GPU, the free capacity of the GPUs with less than
 *       d free; for m asking whole GPUs, the free capacity of partly used GPUs; for a CPU-only m,
 *       nothing.</li>
 * </ul>
 * The node's fragmentation is the popularity-weighted sum F_n = sum_m p_m F_n(m); the cluster's is
 * the sum over nodes. This class returns sum_m count_m F_n(m), an exact integer (thousandths of a
 * GPU times pods); divide by {@link #total()} for GPU thousandths. Simplifications: types are the
 * distinct requests of the whole trace, counted before the run (the paper likewise assumes the
 * workload's distribution known from history); memory takes part in "can be placed", as it does
 * in our filter ({@link GpuFit}).
 *
 * <p>Cost: types times GPUs per node evaluation, with the GPU part shared by all types of one GPU
 * demand (the openb trace has 151 types and 25 GPU demands). Evaluating allocates nothing.
 */
public final class PodMix {

    private final int[] cpu;
    private final long[] memory;
    private final long[] mask;
    private final long[] count;
    private final int[] demandOf;
    private final int[] demandGpus;
    private final int[] demandShare;
    private final long total;
    // scratch, per evaluation
    private final boolean[] demandFits;
    private final int[] demandFrag;
    private final int[] free = new int[GpuNode.MAX_GPUS];

    private PodMix(Map<Type, long[]> types) {
        int n = types.size();
        cpu = new int[n];
        memory = new long[n];
        mask = new long[n];
        count = new long[n];
        demandOf = new int[n];
        Map<Long, Integer> demands = new LinkedHashMap<>();
        int i = 0;
        long sum = 0;
        for (Map.Entry<Type, long[]> e : types.entrySet()) {
            Type t = e.getKey();
            cpu[i] = t.cpu;
            memory[i] = t.memory;
            mask[i] = t.mask;
            count[i] = e.getValue()[0];
            sum += count[i];
            long key = (long) t.gpus << 32 | t.share;
            Integer d = demands.get(key);
            if (d == null) {
                d = demands.size();
                demands.put(key, d);
            }
            demandOf[i++] = d;
        }
        total = sum;
        demandGpus = new int[demands.size()];
        demandShare = new int[demands.size()];
        for (Map.Entry<Long, Integer> e : demands.entrySet()) {
            demandGpus[e.getValue()] = (int) (e.getKey() >>> 32);
            demandShare[e.getValue()] = (int) (long) e.getKey();
        }
        demandFits = new boolean[demands.size()];
        demandFrag = new int[demands.size()];
    }

    /** Collects pod requests into a mix. */
    public static final class Builder {
        private final Map<Type, long[]> types = new LinkedHashMap<>();

        /** Counts one pod of this request (arguments as in {@link GpuPods#add}). */
        public Builder add(int cpuMilli, long memoryMib, int gpus, int gpuMilli, long modelMask) {
            int share = gpus == 1 ? gpuMilli : gpus == 0 ? 0 : GpuPods.MILLI;
            types.computeIfAbsent(new Type(cpuMilli, memoryMib, gpus, share, gpus == 0 ? GpuModels.ANY : modelMask),
                    k -> new long[1])[0]++;
            return this;
        }

        /** The mix; at least one pod must have been added. */
        public PodMix build() {
            if (types.isEmpty()) {
                throw new IllegalStateException("a pod mix needs at least one pod");
            }
            return new PodMix(types);
        }
    }

    private record Type(int cpu, long memory, int gpus, int share, long mask) {
    }

    /** Distinct pod types. */
    public int types() {
        return cpu.length;
    }

    /** Distinct GPU demands (GPUs, share) among the types. */
    public int demands() {
        return demandGpus.length;
    }

    /** Pods counted: the weights' sum. */
    public long total() {
        return total;
    }

    /** The node's fragmentation now, weighted by counts. */
    public long fragment(GpuClusterView v, int node) {
        int g = v.gpus(node);
        for (int i = 0; i < g; i++) {
            free[i] = v.gpuFree(node, i);
        }
        return fragment(v.cpuFree(node), v.memoryFree(node), v.model(node), free, g);
    }

    /**
     * The node's fragmentation if the pod were placed on it (on GPU {@code gpu} for a one-GPU pod;
     * on the lowest-numbered whole free GPUs for a multi-GPU pod), weighted by counts. The node
     * must fit the pod ({@link GpuFit}).
     */
    public long fragmentIfPlaced(GpuClusterView v, GpuPods pods, int pod, int node, int gpu) {
        int g = v.gpus(node);
        for (int i = 0; i < g; i++) {
            free[i] = v.gpuFree(node, i);
        }
        int want = pods.gpus(pod);
        if (want == 1) {
            free[gpu] -= pods.gpuShare(pod);
        } else {
            for (int i = 0; i < g && want > 0; i++) {
                if (free[i] == GpuPods.MILLI) {
                    free[i] = 0;
                    want--;
                }
            }
        }
        return fragment(v.cpuFree(node) - pods.cpuMilli(pod), v.memoryFree(node) - pods.memoryMib(pod),
                v.model(node), free, g);
    }

    /**
     * sum_m count_m F(m) for a node with this much CPU and memory free, GPUs of model
     * {@code model} and {@code free[0..gpus)} thousandths free on each GPU.
     */
    long fragment(int cpuFree, long memoryFree, int model, int[] free, int gpus) {
        int unallocated = 0;
        int full = 0;
        int max = 0;
        for (int i = 0; i < gpus; i++) {
            int f = free[i];
            unallocated += f;
            if (f == GpuPods.MILLI) {
                full++;
            }
            max = Math.max(max, f);
        }
        if (unallocated == 0) {
            return 0;
        }
        for (int d = 0; d < demandGpus.length; d++) {
            int k = demandGpus[d];
            int share = demandShare[d];
            if (k == 0) {
                demandFits[d] = true;
                demandFrag[d] = 0;
            } else if (k == 1) {
                demandFits[d] = max >= share;
                int frag = 0;
                for (int i = 0; i < gpus; i++) {
                    if (free[i] < share) {
                        frag += free[i];
                    }
                }
                demandFrag[d] = frag;
            } else {
                demandFits[d] = full >= k;
                demandFrag[d] = unallocated - full * GpuPods.MILLI;
            }
        }
        long sum = 0;
        for (int m = 0; m < cpu.length; m++) {
            int d = demandOf[m];
            boolean placeable = demandFits[d] && cpuFree >= cpu[m] && memoryFree >= memory[m]
                    && (demandGpus[d] == 0 || (mask[m] >>> model & 1L) != 0);
            sum += count[m] * (placeable ? demandFrag[d] : unallocated);
        }
        return sum;
    }

    @Override
    public String toString() {
        return "PodMix[" + types() + " types, " + demands() + " GPU demands, " + total + " pods, counts "
                + Arrays.toString(Arrays.copyOf(count, Math.min(5, count.length))) + "...]";
    }
}
