package io.stratus.run;

import io.stratus.compute.Fleet;
import io.stratus.compute.InstanceCatalog;
import io.stratus.compute.InstanceType;
import io.stratus.gpu.GpuCluster;
import io.stratus.gpu.GpuModels;
import io.stratus.gpu.GpuNode;
import io.stratus.gpu.GpuNodePool;
import io.stratus.gpu.GpuNodeTypes;
import io.stratus.gpu.GpuPodDriver;
import io.stratus.gpu.GpuPods;
import io.stratus.gpu.GpuPolicies;
import io.stratus.gpu.PodMix;
import io.stratus.scenario.GpuClusterConfig;
import io.stratus.sim.Simulation;
import io.stratus.sim.Time;
import io.stratus.trace.AlibabaNode;
import io.stratus.trace.AlibabaPod;
import io.stratus.trace.TraceFormat;
import io.stratus.trace.TraceReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One GPU cluster during a run: the node list read into one {@link GpuCluster} per policy, each
 * node an EC2 instance of the catalogue type closest to it ({@link GpuNodeTypes}) launched through
 * the region's fleet onto a host of its own ({@link GpuNodePool}) and billed on demand like every
 * instance (once, whatever the number of policies); the scheduler sees the node list's capacities
 * or, with {@code capacity: instance-type}, the type's. And the
 * pod list streamed once into a {@link GpuPodDriver}, which applies each arrival and departure to
 * every policy's cluster, so the policies see exactly the same pods at the same times.
 *
 * <p>The pod list is read twice: first whole, to count the pod types ({@link PodMix}, the
 * workload distribution the fragmentation measure and FGD weigh by), then streamed during the run.
 * A pod created at trace time t arrives at t / speedup and, when departures follow the trace,
 * leaves its lifetime (deletion minus creation, not scaled) later, placed or not. With a load
 * factor f each trace pod arrives floor(f) times, plus once more with probability frac(f) (one
 * random stream, {@code <name>/load-factor}, shared by the policies' identical arrivals). Per
 * event, beyond the trace reader's record, nothing is allocated (GPU specifications are parsed
 * once each).
 */
final class GpuClusterRun implements WorkloadRun {

    private final GpuClusterConfig config;
    private final Simulation sim;
    private final TraceReader<AlibabaPod> reader;
    private final GpuPods pods = new GpuPods();
    private final GpuModels models;
    private final List<GpuCluster> clusters = new ArrayList<>();
    private final int nodeCount;
    private final int podTypes;
    private final int arrivalKind;
    private final GpuPodDriver driver;
    private final Map<String, Long> masks = new HashMap<>();
    private final Fleet fleet;
    private final GpuNodePool pool;
    private final WorkloadBill bill;
    private AlibabaPod nextPod;
    private long[] lastArrived;
    private long[] lastPlaced;
    private long[] lastNeverPlaced;

    GpuClusterRun(GpuClusterConfig config, SharedRegion region) throws IOException {
        this.config = config;
        this.sim = region.sim();
        this.fleet = region.fleet();
        List<Closeable> toClose = region.toClose();
        List<GpuNode> traceNodes = readNodes(config.nodes());
        nodeCount = traceNodes.size();
        GpuNodeTypes closest = new GpuNodeTypes(InstanceCatalog.bundled());
        List<InstanceType> types = new ArrayList<>();
        List<GpuNode> nodes = new ArrayList<>();
        for (GpuNode n : traceNodes) {
            InstanceType type = closest.closest(n);
            types.add(type);
            nodes.add(config.traceCapacity() ? n : GpuNodeTypes.nodeOf(n.name(), type));
        }
        try {
            models = new GpuModels(nodes);
        } catch (IllegalArgumentException e) {
            throw new IOException(config.nodes() + ": " + e.getMessage(), e);
        }
        PodMix.Builder mix = new PodMix.Builder();
        try (TraceReader<AlibabaPod> in = TraceFormat.ALIBABA_GPU_PODS.open(config.pods(), AlibabaPod.class)) {
            for (AlibabaPod p = in.next(); p != null; p = in.next()) {
                if (p.gpus() > GpuNode.MAX_GPUS) {
                    throw new IOException(config.pods() + ": pod " + p.name() + " asks " + p.gpus()
                            + " GPUs; a node has at most " + GpuNode.MAX_GPUS);
                }
                mix.add(p.cpuMilli(), p.memoryRequestMib(), p.gpus(), p.gpuMilli(), models.mask(p.gpuSpec()));
            }
        }
        PodMix podMix;
        try {
            podMix = mix.build();
        } catch (IllegalStateException e) {
            throw new IOException(config.pods() + ": the pod list has no pods", e);
        }
        podTypes = podMix.types();
        for (String policy : config.policies()) {
            clusters.add(new GpuCluster(nodes, models, podMix, GpuPolicies.create(policy, podMix), pods));
        }
        lastArrived = new long[clusters.size()];
        lastPlaced = new long[clusters.size()];
        lastNeverPlaced = new long[clusters.size()];
        reader = TraceFormat.ALIBABA_GPU_PODS.open(config.pods(), AlibabaPod.class);
        toClose.add(reader);
        arrivalKind = sim.registerKind(config.name() + "/pod-arrival", (subject, data) -> arrive());
        driver = new GpuPodDriver(sim, config.name(), clusters, pods, config.loadFactor(), config.departures(),
                sim.random().stream(config.name() + "/load-factor"));
        pool = new GpuNodePool(sim, region.fleet(), region.hosts(), 0, types, config.bootMicros(), 0, clusters);
        bill = new WorkloadBill(region.fleet(), region.storage(), pool::owns);
    }

    private static List<GpuNode> readNodes(Path path) throws IOException {
        List<GpuNode> nodes = new ArrayList<>();
        try (TraceReader<AlibabaNode> in = TraceFormat.ALIBABA_GPU_NODES.open(path, AlibabaNode.class)) {
            for (AlibabaNode n = in.next(); n != null; n = in.next()) {
                nodes.add(new GpuNode(n.name(), n.cpuMilli(), n.memoryMib(), n.gpus(), n.gpuModel()));
            }
        } catch (IllegalArgumentException e) {
            throw new IOException(path + ": " + e.getMessage(), e);
        }
        if (nodes.isEmpty()) {
            throw new IOException(path + ": the node list has no nodes");
        }
        return nodes;
    }

    /** Launches the node instances (they take pods once running), then schedules the first arrival. */
    @Override
    public void start() throws IOException {
        pool.launch();
        for (int node = 0; node < nodeCount; node++) {
            bill.launched(fleet.instance(pool.instanceOf(node)));
        }
        nextPod = reader.next();
        scheduleNext();
    }

    private void scheduleNext() {
        if (nextPod != null) {
            sim.schedule(Math.max(sim.now(), arrivalTime(nextPod)), arrivalKind, 0, 0);
        }
    }

    private long arrivalTime(AlibabaPod p) {
        return (long) (p.creationTime() / config.speedup());
    }

    private void arrive() {
        AlibabaPod p = nextPod;
        long mask = p.gpuSpec().isEmpty() ? GpuModels.ANY : masks.computeIfAbsent(p.gpuSpec(), models::mask);
        driver.offer(p.cpuMilli(), p.memoryRequestMib(), p.gpus(), p.gpuMilli(), mask, p.lifetime());
        try {
            nextPod = reader.next();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        scheduleNext();
    }

    /**
     * The period ending now, one row per policy (named {@code cluster/policy}): pods pending and
     * running at the end; arrived, never placed (as refused) and placed (as completed) in the
     * period; memory and CPU columns stay empty; the cost so far of the node instances (the same in
     * every policy's row: they share the instances); GPU allocation and fragmentation rate at the end.
     */
    @Override
    public void endPeriod(long now, List<MetricsRow> rows) {
        double cost = bill.costSoFarUsd(now);
        for (int i = 0; i < clusters.size(); i++) {
            GpuCluster c = clusters.get(i);
            c.advance(now);
            rows.add(new MetricsRow(now, config.name() + "/" + c.policy(), (int) c.pending(), (int) c.running(), 0,
                    Double.NaN, Double.NaN, Double.NaN, 0, c.arrived() - lastArrived[i],
                    c.neverPlaced() - lastNeverPlaced[i], c.placed() - lastPlaced[i], Double.NaN, Double.NaN,
                    Double.NaN, cost, c.allocationRatio(), c.fragmentationRate(), null));
            lastArrived[i] = c.arrived();
            lastPlaced[i] = c.placed();
            lastNeverPlaced[i] = c.neverPlaced();
        }
    }

    /** Closes the measurements at the end of the run and checks each cluster's invariants. */
    @Override
    public void close(long end) {
        for (GpuCluster c : clusters) {
            c.advance(end);
            c.checkInvariants();
        }
    }

    @Override
    public void addResult(RunResults results) {
        List<GpuClusterResult> out = results.gpuClusters;
        Map<String, Integer> typeCounts = new TreeMap<>();
        for (InstanceType t : pool.types()) {
            typeCounts.merge(t.name(), 1, Integer::sum);
        }
        for (GpuCluster c : clusters) {
            List<GpuModelResult> perModel = new ArrayList<>();
            for (int m = 0; m < models.count(); m++) {
                perModel.add(new GpuModelResult(models.name(m), c.modelCapacity(m) / GpuPods.MILLI,
                        c.modelMeanAllocationRatio(m), c.modelMeanFragmentationRate(m), c.modelAllocationRatio(m),
                        c.modelFragmentationRate(m)));
            }
            out.add(new GpuClusterResult(config.name(), c.policy(), nodeCount, c.gpuCapacity() / GpuPods.MILLI,
                    podTypes, nodeCount, typeCounts, bill.costUsd(), c.arrived(), c.placed(), c.pending(), c.neverPlaced(), c.running(),
                    seconds(c.meanWaitMicros()), seconds(c.waitPercentileMicros(99)), seconds(c.maxWaitMicros()),
                    seconds(c.neverPlacedMeanWaitMicros()), c.meanAllocationRatio(), c.meanFragmentationRate(),
                    c.allocationRatio(), c.fragmentationRate(), perModel));
        }
    }

    /** The node instances' on-demand bill (once, whatever the number of policies). */
    @Override
    public Optional<WorkloadBill> bill() {
        return Optional.of(bill);
    }

    private static double seconds(double micros) {
        return micros / Time.SECOND;
    }
}
