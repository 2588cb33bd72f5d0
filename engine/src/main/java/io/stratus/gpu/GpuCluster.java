package io.stratus.gpu;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One GPU cluster under one placement policy: the lifecycle of its pods (arrive, place, depart,
 * retry), coordinating the nodes' free capacity ({@link NodeCapacity}), the pods waiting
 * ({@link PendingQueue}) and the measurements of a run ({@link GpuMeter}).
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
 * <p>Nodes go down and up ({@link #nodeDown}, {@link #nodeUp}), as the EC2 instances behind them
 * leave and enter running ({@link GpuNodePool}); all start up. A node that goes down evicts its
 * running pods, each placed again at once elsewhere or queued at the end (as a ReplicaSet recreates
 * the pods of a lost node and the scheduler places them), and a node that comes up is offered the pending pods like a node a pod departed from. An
 * evicted pod placed again counts as placed again, its wait measured from its first arrival; so
 * arrived + evicted = placed + pending + never placed.
 *
 * <p>Measures, integrated over (event by event, without sampling) simulated time: GPU allocation (allocated thousandths over
 * capacity) and fragmentation ({@link PodMix}: fragmented GPU capacity over unallocated GPU
 * capacity), for the cluster and per GPU model; the scheduling wait of placed pods (an
 * HdrHistogram to 3 significant digits, up to ten years). Per-node and per-pod state is in
 * primitive arrays; a placement decision is one pass over the nodes (1,523 in the Alibaba trace),
 * evaluating the policy on each feasible node (and each distinct GPU for a one-GPU pod). Nothing
 * is allocated per pod beyond the growth of the per-pod arrays. Single-threaded.
 */
public final class GpuCluster implements GpuClusterView {

    private static final byte NOT_ARRIVED = 0;
    private static final byte PENDING = 1;
    private static final byte RUNNING = 2;
    private static final byte GONE = 3;

    private final GpuPods pods;
    private final GpuPlacementPolicy policy;
    private final GpuModels models;
    private final NodeCapacity capacity;
    private final PendingQueue queue = new PendingQueue();
    private final GpuMeter meter;

    private byte[] state = new byte[64];
    private int[] nodeOf = new int[64];
    private long[] gpusOf = new long[64];

    private long arrived;
    private long placed;
    private long neverPlaced;
    private long pendingNow;
    private long runningNow;
    private long departedRunning;
    private long evicted;

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
        List<GpuNode> nodeList = List.copyOf(nodes);
        this.models = Objects.requireNonNull(models, "models");
        Objects.requireNonNull(mix, "mix");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.pods = Objects.requireNonNull(pods, "pods");
        capacity = new NodeCapacity(nodeList, models, mix);
        meter = new GpuMeter(capacity, mix);
    }

    /** The pod arrives now: it is placed, or waits. */
    public void arrive(int pod, long now) {
        meter.advance(now);
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
            queue.add(pod);
        }
    }

    /** The pod departs now: it frees its node and the pending pods are retried there, or it leaves the queue. */
    public void depart(int pod, long now) {
        meter.advance(now);
        if (pod >= state.length || state[pod] == NOT_ARRIVED || state[pod] == GONE) {
            throw new IllegalStateException("pod " + pod + " departs but is not in the cluster");
        }
        if (state[pod] == PENDING) {
            queue.remove(pod);
            state[pod] = GONE;
            pendingNow--;
            neverPlaced++;
            meter.neverPlaced(now - pods.arrival(pod));
            return;
        }
        int node = nodeOf[pod];
        capacity.give(pods, pod, node, gpusOf[pod]);
        state[pod] = GONE;
        runningNow--;
        departedRunning++;
        retryOn(node, now);
    }

    /**
     * The node goes down now: it takes no pod until {@link #nodeUp}, and each pod running on it
     * (in pod order) is evicted and placed again at once on the policy's best other node, or added
     * to the end of the pending queue. A node already down stays down.
     */
    public void nodeDown(int node, long now) {
        checkNode(node);
        meter.advance(now);
        capacity.setUp(node, false);
        for (int p = 0; p < Math.min(state.length, pods.size()); p++) {
            if (state[p] == RUNNING && nodeOf[p] == node) {
                capacity.give(pods, p, node, gpusOf[p]);
                state[p] = PENDING;
                runningNow--;
                pendingNow++;
                evicted++;
                if (search(p, -1)) {
                    place(p, now);
                } else {
                    queue.add(p);
                }
            }
        }
    }

    /** The node comes up now: the pending pods are retried on it, in FIFO order. */
    public void nodeUp(int node, long now) {
        checkNode(node);
        meter.advance(now);
        capacity.setUp(node, true);
        retryOn(node, now);
    }

    private void checkNode(int node) {
        if (node < 0 || node >= capacity.nodes()) {
            throw new IllegalArgumentException("no node " + node + " in a cluster of " + capacity.nodes());
        }
    }

    /** Retries the pending pods, in FIFO order, on one node; each that fits there is placed. */
    private void retryOn(int node, long now) {
        for (int p = queue.first(); p >= 0; ) {
            int following = queue.next(p);
            if (GpuFit.fits(capacity, pods, p, node) && search(p, node)) {
                queue.remove(p);
                place(p, now);
            }
            p = following;
        }
    }

    /** Integrates the measures up to {@code now}. */
    public void advance(long now) {
        meter.advance(now);
    }

    /** Finds the policy's best candidate for the pod on every node, or only on {@code onlyNode}. */
    private boolean search(int pod, int onlyNode) {
        bestNode = -1;
        bestGpu = -1;
        double best = Double.NEGATIVE_INFINITY;
        int from = onlyNode < 0 ? 0 : onlyNode;
        int to = onlyNode < 0 ? capacity.nodes() : onlyNode + 1;
        boolean first = policy.takesFirstFeasible();
        boolean oneGpu = pods.gpus(pod) == 1;
        for (int node = from; node < to; node++) {
            if (!GpuFit.fits(capacity, pods, pod, node)) {
                continue;
            }
            if (oneGpu) {
                for (int g = 0; g < capacity.gpus(node); g++) {
                    if (GpuFit.candidateGpu(capacity, pods, pod, node, g)) {
                        double s = policy.score(capacity, pods, pod, node, g);
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
                double s = policy.score(capacity, pods, pod, node, -1);
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
        nodeOf[pod] = node;
        gpusOf[pod] = capacity.take(pods, pod, node, bestGpu);
        if (state[pod] == PENDING) {
            pendingNow--;
        }
        state[pod] = RUNNING;
        runningNow++;
        placed++;
        meter.placed(now - pods.arrival(pod));
    }

    private void grow(int pod) {
        if (pod >= state.length) {
            int size = Math.max(pod + 1, state.length * 2);
            state = Arrays.copyOf(state, size);
            nodeOf = Arrays.copyOf(nodeOf, size);
            gpusOf = Arrays.copyOf(gpusOf, size);
        }
    }

    /**
     * Checks the invariants: no node over its CPU, memory or any GPU over 1000 thousandths; the
     * running pods' requests add up to each node's allocation and respect their GPU models; the
     * pod counts are conserved; no pod runs on a node that is down; the cached fragmentation equals a
     * recomputation.
     *
     * @throws IllegalStateException naming the first violation
     */
    public void checkInvariants() {
        int n = capacity.nodes();
        long[] cpuUsed = new long[n];
        long[] memUsed = new long[n];
        int[] gpuUsed = new int[capacity.gpuSlots()];
        long running = 0;
        long pending = 0;
        for (int p = 0; p < Math.min(state.length, pods.size()); p++) {
            if (state[p] == PENDING) {
                pending++;
            } else if (state[p] == RUNNING) {
                running++;
                int node = nodeOf[p];
                if (!capacity.up(node)) {
                    throw new IllegalStateException("pod " + p + " runs on node " + node + ", which is down");
                }
                cpuUsed[node] += pods.cpuMilli(p);
                memUsed[node] += pods.memoryMib(p);
                if (pods.gpus(p) > 0) {
                    if ((pods.modelMask(p) >>> capacity.model(node) & 1L) == 0) {
                        throw new IllegalStateException("pod " + p + " runs on node " + node + " of a model it does not accept");
                    }
                    if (Long.bitCount(gpusOf[p]) != pods.gpus(p)) {
                        throw new IllegalStateException("pod " + p + " holds " + Long.bitCount(gpusOf[p]) + " GPUs, asked "
                                + pods.gpus(p));
                    }
                }
                for (int g = 0; g < capacity.gpus(node); g++) {
                    if ((gpusOf[p] >>> g & 1L) != 0) {
                        gpuUsed[capacity.gpuSlot(node, g)] += pods.gpuShare(p);
                    }
                }
            }
        }
        capacity.checkUsage(cpuUsed, memUsed, gpuUsed);
        if (running != runningNow || pending != pendingNow || arrived + evicted != placed + pendingNow + neverPlaced
                || placed != runningNow + departedRunning + evicted) {
            throw new IllegalStateException("pods: arrived " + arrived + ", placed " + placed + ", pending " + pendingNow
                    + ", never placed " + neverPlaced + ", running " + runningNow + ", evicted " + evicted + " (counted "
                    + running + "/" + pending + ")");
        }
        if (meter.placedWaits() != placed || meter.neverPlacedWaits() != neverPlaced) {
            throw new IllegalStateException("waits recorded: " + meter.placedWaits() + " placed, " + meter.neverPlacedWaits()
                    + " never placed; pods placed " + placed + ", never placed " + neverPlaced);
        }
        capacity.checkFragmentationTotal();
    }

    // ---- view ----

    @Override
    public int nodes() {
        return capacity.nodes();
    }

    @Override
    public boolean up(int node) {
        return capacity.up(node);
    }

    @Override
    public int cpuFree(int node) {
        return capacity.cpuFree(node);
    }

    @Override
    public long memoryFree(int node) {
        return capacity.memoryFree(node);
    }

    @Override
    public int gpus(int node) {
        return capacity.gpus(node);
    }

    @Override
    public int model(int node) {
        return capacity.model(node);
    }

    @Override
    public int gpuFree(int node, int gpu) {
        return capacity.gpuFree(node, gpu);
    }

    @Override
    public int nodeGpuFree(int node) {
        return capacity.nodeGpuFree(node);
    }

    @Override
    public int fullGpus(int node) {
        return capacity.fullGpus(node);
    }

    @Override
    public int maxGpuFree(int node) {
        return capacity.maxGpuFree(node);
    }

    @Override
    public long fragment(int node) {
        return capacity.fragment(node);
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

    /** Running pods evicted because their node went down (each counted once per eviction). */
    public long evicted() {
        return evicted;
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
        return capacity.gpuCapacity();
    }

    /** GPU thousandths allocated now. */
    public long gpuAllocated() {
        return capacity.gpuAllocated();
    }

    /** Fragmented GPU thousandths now (popularity-weighted, {@link PodMix}). */
    public double gpuFragmented() {
        return meter.gpuFragmented();
    }

    /** Allocated over capacity now (NaN without GPUs). */
    public double allocationRatio() {
        return meter.allocationRatio();
    }

    /** Fragmented over unallocated GPU capacity now (NaN when all is allocated). */
    public double fragmentationRate() {
        return meter.fragmentationRate();
    }

    /** Time-average allocation ratio up to the last {@link #advance}. */
    public double meanAllocationRatio() {
        return meter.meanAllocationRatio();
    }

    /** Time-integrated fragmented over time-integrated unallocated GPU capacity. */
    public double meanFragmentationRate() {
        return meter.meanFragmentationRate();
    }

    /** GPU capacity of a model, thousandths. */
    public long modelCapacity(int m) {
        return capacity.modelCapacity(m);
    }

    /** Allocated over capacity of a model now. */
    public double modelAllocationRatio(int m) {
        return meter.modelAllocationRatio(m);
    }

    /** Fragmented over unallocated capacity of a model now (NaN when all is allocated). */
    public double modelFragmentationRate(int m) {
        return meter.modelFragmentationRate(m);
    }

    /** Time-average allocation ratio of a model. */
    public double modelMeanAllocationRatio(int m) {
        return meter.modelMeanAllocationRatio(m);
    }

    /** Time-integrated fragmented over unallocated capacity of a model. */
    public double modelMeanFragmentationRate(int m) {
        return meter.modelMeanFragmentationRate(m);
    }

    /** Placed pods' mean scheduling wait, microseconds (NaN if none placed). */
    public double meanWaitMicros() {
        return meter.meanWaitMicros();
    }

    /** Placed pods' scheduling wait at a percentile, microseconds, within 0.1% (NaN if none placed). */
    public double waitPercentileMicros(double percentile) {
        return meter.waitPercentileMicros(percentile);
    }

    /** Placed pods' longest scheduling wait, microseconds. */
    public long maxWaitMicros() {
        return meter.maxWaitMicros();
    }

    /** Mean time never-placed pods waited before departing, microseconds (NaN if none). */
    public double neverPlacedMeanWaitMicros() {
        return meter.neverPlacedMeanWaitMicros();
    }
}
