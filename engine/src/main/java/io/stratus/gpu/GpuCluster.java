package io.stratus.gpu;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.HdrHistogram.Histogram;

/**
 * One GPU cluster under one placement policy: the nodes' free capacity, where each pod runs, the
 * pods waiting, and the measurements of a run.
 *
 * <p>A pod that arrives is placed at once on the best feasible candidate of the policy, or waits
 * in a FIFO pending queue (as Kubernetes keeps an unschedulable pod pending and retries it when
 * the cluster changes). When a running pod departs, the pending pods are retried in FIFO order on
 * the node it left; each that fits there is placed (a later pod may start before an earlier one
 * that still does not fit: no head-of-line blocking). Only that node needs a retry: a pending pod
 * fitted no node when last tried, and since then only departures have freed capacity, each
 * retried in turn. A pod that departs while still pending was never placed; its wait counts
 * apart. So arrived = placed + pending + never placed at any time.
 *
 * <p>Measures, integrated exactly over simulated time: GPU allocation (allocated thousandths over
 * capacity) and fragmentation ({@link PodMix}: fragmented GPU capacity over unallocated GPU
 * capacity), for the cluster and per GPU model; the scheduling wait of placed pods (an
 * HdrHistogram to 3 significant digits, up to ten years). Per-node state is in primitive arrays; a
 * placement decision is one pass over the nodes (1,523 in the Alibaba trace), evaluating the
 * policy on each feasible node (and each distinct GPU for a one-GPU pod). Nothing is allocated per
 * pod beyond the growth of the per-pod arrays.
 */
public final class GpuCluster implements GpuClusterView {

    private static final byte NOT_ARRIVED = 0;
    private static final byte PENDING = 1;
    private static final byte RUNNING = 2;
    private static final byte GONE = 3;
    private static final long MAX_WAIT_MICROS = 3650L * 86_400_000_000L;

    private final GpuPods pods;
    private final PodMix mix;
    private final GpuPlacementPolicy policy;
    private final GpuModels models;
    private final List<GpuNode> nodeList;
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
    private long fragTotal;
    private final long gpuCapacity;
    private long allocated;
    private final long[] modelCapacity;
    private final long[] modelAllocated;
    private final long[] modelFrag;

    private byte[] state = new byte[64];
    private int[] nodeOf = new int[64];
    private long[] gpusOf = new long[64];
    private int[] prev = new int[64];
    private int[] next = new int[64];
    private int head = -1;
    private int tail = -1;

    private long arrived;
    private long placed;
    private long neverPlaced;
    private long pendingNow;
    private long runningNow;
    private long departedRunning;
    private final Histogram waits = new Histogram(MAX_WAIT_MICROS, 3);
    private long waitSum;
    private long waitMax;
    private long neverPlacedWaitSum;

    private long last;
    private double allocArea;
    private double fragArea;
    private double unallocArea;
    private final double[] modelAllocArea;
    private final double[] modelFragArea;
    private final double[] modelUnallocArea;

    private int bestNode;
    private int bestGpu;

    /**
     * An empty cluster.
     *
     * @param nodes  the nodes, in node-list order
     * @param models the GPU models of the nodes
     * @param mix    the workload's pod types, for the fragmentation measure
     * @param policy the placement policy
     * @param pods   the pods that will arrive (filled as they arrive)
     */
    public GpuCluster(List<GpuNode> nodes, GpuModels models, PodMix mix, GpuPlacementPolicy policy, GpuPods pods) {
        this.nodeList = List.copyOf(nodes);
        this.models = Objects.requireNonNull(models, "models");
        this.mix = Objects.requireNonNull(mix, "mix");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.pods = Objects.requireNonNull(pods, "pods");
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
        modelCapacity = new long[models.count()];
        modelAllocated = new long[models.count()];
        modelFrag = new long[models.count()];
        modelAllocArea = new double[models.count()];
        modelFragArea = new double[models.count()];
        modelUnallocArea = new double[models.count()];
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

    /** The pod arrives now: it is placed, or waits. */
    public void arrive(int pod, long now) {
        advance(now);
        grow(pod);
        if (state[pod] != NOT_ARRIVED) {
            throw new IllegalStateException("pod " + pod + " arrived twice");
        }
        arrived++;
        if (search(pod, -1)) {
            place(pod, now);
        } else {
            state[pod] = PENDING;
            pendingNow++;
            prev[pod] = tail;
            next[pod] = -1;
            if (tail >= 0) {
                next[tail] = pod;
            } else {
                head = pod;
            }
            tail = pod;
        }
    }

    /** The pod departs now: it frees its node and the pending pods are retried there, or it leaves the queue. */
    public void depart(int pod, long now) {
        advance(now);
        if (pod >= state.length || state[pod] == NOT_ARRIVED || state[pod] == GONE) {
            throw new IllegalStateException("pod " + pod + " departs but is not in the cluster");
        }
        if (state[pod] == PENDING) {
            unlink(pod);
            state[pod] = GONE;
            pendingNow--;
            neverPlaced++;
            neverPlacedWaitSum += now - pods.arrival(pod);
            return;
        }
        int node = nodeOf[pod];
        cpuFree[node] += pods.cpuMilli(pod);
        memFree[node] += pods.memoryMib(pod);
        long mask = gpusOf[pod];
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
        state[pod] = GONE;
        runningNow--;
        departedRunning++;
        refresh(node);
        for (int p = head; p >= 0; ) {
            int following = next[p];
            if (GpuFit.fits(this, pods, p, node) && search(p, node)) {
                unlink(p);
                place(p, now);
            }
            p = following;
        }
    }

    /** Integrates the measures up to {@code now}. */
    public void advance(long now) {
        if (now < last) {
            throw new IllegalArgumentException("time went back from " + last + " to " + now);
        }
        double dt = now - last;
        if (dt > 0) {
            allocArea += allocated * dt;
            fragArea += fragTotal * dt / mix.total();
            unallocArea += (gpuCapacity - allocated) * dt;
            for (int m = 0; m < modelCapacity.length; m++) {
                modelAllocArea[m] += modelAllocated[m] * dt;
                modelFragArea[m] += modelFrag[m] * dt / mix.total();
                modelUnallocArea[m] += (modelCapacity[m] - modelAllocated[m]) * dt;
            }
        }
        last = now;
    }

    /** Finds the policy's best candidate for the pod on every node, or only on {@code onlyNode}. */
    private boolean search(int pod, int onlyNode) {
        bestNode = -1;
        bestGpu = -1;
        double best = Double.NEGATIVE_INFINITY;
        int from = onlyNode < 0 ? 0 : onlyNode;
        int to = onlyNode < 0 ? n : onlyNode + 1;
        boolean first = policy.takesFirstFeasible();
        boolean oneGpu = pods.gpus(pod) == 1;
        for (int node = from; node < to; node++) {
            if (!GpuFit.fits(this, pods, pod, node)) {
                continue;
            }
            if (oneGpu) {
                for (int g = 0; g < gpuCount[node]; g++) {
                    if (GpuFit.candidateGpu(this, pods, pod, node, g)) {
                        double s = policy.score(this, pods, pod, node, g);
                        if (bestNode < 0 || s > best) {
                            best = s;
                            bestNode = node;
                            bestGpu = g;
                            if (first) {
                                return true;
                            }
                        }
                    }
                }
            } else {
                double s = policy.score(this, pods, pod, node, -1);
                if (bestNode < 0 || s > best) {
                    best = s;
                    bestNode = node;
                    bestGpu = -1;
                    if (first) {
                        return true;
                    }
                }
            }
        }
        return bestNode >= 0;
    }

    /** Places the pod on the candidate {@link #search} found. */
    private void place(int pod, long now) {
        int node = bestNode;
        cpuFree[node] -= pods.cpuMilli(pod);
        memFree[node] -= pods.memoryMib(pod);
        long mask = 0;
        int want = pods.gpus(pod);
        if (want == 1) {
            gpuFree[gpuStart[node] + bestGpu] -= pods.gpuShare(pod);
            mask = 1L << bestGpu;
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
        nodeOf[pod] = node;
        gpusOf[pod] = mask;
        if (state[pod] == PENDING) {
            pendingNow--;
        }
        state[pod] = RUNNING;
        runningNow++;
        placed++;
        long wait = now - pods.arrival(pod);
        waitSum += wait;
        waitMax = Math.max(waitMax, wait);
        waits.recordValue(Math.max(1, Math.min(wait, MAX_WAIT_MICROS)));
        refresh(node);
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

    private void unlink(int pod) {
        int p = prev[pod];
        int q = next[pod];
        if (p >= 0) {
            next[p] = q;
        } else {
            head = q;
        }
        if (q >= 0) {
            prev[q] = p;
        } else {
            tail = p;
        }
    }

    private void grow(int pod) {
        if (pod >= state.length) {
            int size = Math.max(pod + 1, state.length * 2);
            state = Arrays.copyOf(state, size);
            nodeOf = Arrays.copyOf(nodeOf, size);
            gpusOf = Arrays.copyOf(gpusOf, size);
            prev = Arrays.copyOf(prev, size);
            next = Arrays.copyOf(next, size);
        }
    }

    /**
     * Checks the invariants: no node over its CPU, memory or any GPU over 1000 thousandths; the
     * running pods' requests add up to each node's allocation and respect their GPU models; the
     * pod counts are conserved; the cached fragmentation equals a recomputation.
     *
     * @throws IllegalStateException naming the first violation
     */
    public void checkInvariants() {
        long[] cpuUsed = new long[n];
        long[] memUsed = new long[n];
        int[] gpuUsed = new int[gpuFree.length];
        long running = 0;
        long pending = 0;
        for (int p = 0; p < Math.min(state.length, pods.size()); p++) {
            if (state[p] == PENDING) {
                pending++;
            } else if (state[p] == RUNNING) {
                running++;
                int node = nodeOf[p];
                cpuUsed[node] += pods.cpuMilli(p);
                memUsed[node] += pods.memoryMib(p);
                if (pods.gpus(p) > 0) {
                    if ((pods.modelMask(p) >>> model[node] & 1L) == 0) {
                        throw new IllegalStateException("pod " + p + " runs on node " + node + " of a model it does not accept");
                    }
                    if (Long.bitCount(gpusOf[p]) != pods.gpus(p)) {
                        throw new IllegalStateException("pod " + p + " holds " + Long.bitCount(gpusOf[p]) + " GPUs, asked "
                                + pods.gpus(p));
                    }
                }
                for (int g = 0; g < gpuCount[node]; g++) {
                    if ((gpusOf[p] >>> g & 1L) != 0) {
                        gpuUsed[gpuStart[node] + g] += pods.gpuShare(p);
                    }
                }
            }
        }
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
        if (running != runningNow || pending != pendingNow || arrived != placed + pendingNow + neverPlaced
                || placed != runningNow + departedRunning) {
            throw new IllegalStateException("pods: arrived " + arrived + ", placed " + placed + ", pending " + pendingNow
                    + ", never placed " + neverPlaced + ", running " + runningNow + " (counted " + running + "/" + pending + ")");
        }
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

    // ---- results ----

    /** The policy's name. */
    public String policy() {
        return policy.name();
    }

    /** The GPU models. */
    public GpuModels models() {
        return models;
    }

    /** The node a running pod is on, or -1 if it is not running. */
    public int nodeOf(int pod) {
        return pod < state.length && state[pod] == RUNNING ? nodeOf[pod] : -1;
    }

    /** The GPUs a running pod holds on its node, as a bit mask (0 if none or not running). */
    public long gpusOf(int pod) {
        return pod < state.length && state[pod] == RUNNING ? gpusOf[pod] : 0;
    }

    /** Whether the pod is waiting to be placed. */
    public boolean isPending(int pod) {
        return pod < state.length && state[pod] == PENDING;
    }

    /** Pods arrived. */
    public long arrived() {
        return arrived;
    }

    /** Pods placed (running now or departed after running). */
    public long placed() {
        return placed;
    }

    /** Pods that departed while pending: never placed. */
    public long neverPlaced() {
        return neverPlaced;
    }

    /** Pods pending now. */
    public long pending() {
        return pendingNow;
    }

    /** Pods running now. */
    public long running() {
        return runningNow;
    }

    /** GPU capacity, thousandths. */
    public long gpuCapacity() {
        return gpuCapacity;
    }

    /** GPU thousandths allocated now. */
    public long gpuAllocated() {
        return allocated;
    }

    /** Fragmented GPU thousandths now (popularity-weighted, {@link PodMix}). */
    public double gpuFragmented() {
        return (double) fragTotal / mix.total();
    }

    /** Allocated over capacity now (NaN without GPUs). */
    public double allocationRatio() {
        return gpuCapacity == 0 ? Double.NaN : (double) allocated / gpuCapacity;
    }

    /** Fragmented over unallocated GPU capacity now (NaN when all is allocated). */
    public double fragmentationRate() {
        long free = gpuCapacity - allocated;
        return free == 0 ? Double.NaN : gpuFragmented() / free;
    }

    /** Time-average allocation ratio up to the last {@link #advance}. */
    public double meanAllocationRatio() {
        return last == 0 || gpuCapacity == 0 ? Double.NaN : allocArea / ((double) gpuCapacity * last);
    }

    /** Time-integrated fragmented over time-integrated unallocated GPU capacity. */
    public double meanFragmentationRate() {
        return unallocArea == 0 ? Double.NaN : fragArea / unallocArea;
    }

    /** GPU capacity of a model, thousandths. */
    public long modelCapacity(int m) {
        return modelCapacity[m];
    }

    /** Allocated over capacity of a model now. */
    public double modelAllocationRatio(int m) {
        return (double) modelAllocated[m] / modelCapacity[m];
    }

    /** Fragmented over unallocated capacity of a model now (NaN when all is allocated). */
    public double modelFragmentationRate(int m) {
        long free = modelCapacity[m] - modelAllocated[m];
        return free == 0 ? Double.NaN : (double) modelFrag[m] / mix.total() / free;
    }

    /** Time-average allocation ratio of a model. */
    public double modelMeanAllocationRatio(int m) {
        return last == 0 ? Double.NaN : modelAllocArea[m] / ((double) modelCapacity[m] * last);
    }

    /** Time-integrated fragmented over unallocated capacity of a model. */
    public double modelMeanFragmentationRate(int m) {
        return modelUnallocArea[m] == 0 ? Double.NaN : modelFragArea[m] / modelUnallocArea[m];
    }

    /** Placed pods' mean scheduling wait, microseconds (NaN if none placed). */
    public double meanWaitMicros() {
        return placed == 0 ? Double.NaN : (double) waitSum / placed;
    }

    /** Placed pods' scheduling wait at a percentile, microseconds, within 0.1% (NaN if none placed). */
    public double waitPercentileMicros(double percentile) {
        if (placed == 0) {
            return Double.NaN;
        }
        long v = waits.getValueAtPercentile(percentile);
        return v <= 1 ? 0 : v; // waits are recorded as at least 1 us
    }

    /** Placed pods' longest scheduling wait, microseconds. */
    public long maxWaitMicros() {
        return waitMax;
    }

    /** Mean time never-placed pods waited before departing, microseconds (NaN if none). */
    public double neverPlacedMeanWaitMicros() {
        return neverPlaced == 0 ? Double.NaN : (double) neverPlacedWaitSum / neverPlaced;
    }
}
