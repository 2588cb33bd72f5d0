package io.stratus.gpu;

import io.stratus.compute.Fleet;
import io.stratus.compute.Instance;
import io.stratus.compute.InstanceListener;
import io.stratus.compute.InstanceState;
import io.stratus.compute.InstanceType;
import io.stratus.compute.LaunchSpec;
import io.stratus.infra.HostSpec;
import io.stratus.infra.HostTable;
import io.stratus.sim.Simulation;
import it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The EC2 instances behind a GPU cluster's nodes: node {@code i} is an instance of
 * {@code types.get(i)}, launched through the region's {@link Fleet} onto a host of its own, so it
 * occupies host capacity, follows the instance lifecycle (pending, running after its boot time,
 * and so on) and is billed by whatever listens to the fleet, like every instance. The node takes
 * pods only while its instance is running: each cluster's node is down from the pool's creation,
 * comes up when the instance enters running and goes down (evicting its pods) when it leaves it
 * ({@link GpuCluster#nodeUp}, {@link GpuCluster#nodeDown}).
 *
 * <p>Simplifications: each node gets a host sized to its instance type (the type's vCPUs and memory,
 * named {@code <type>-host}, of the type's family), added to the region's host table in one zone,
 * so no other instance shares it; EC2 packs several smaller GPU instances onto a metal-sized host
 * of the family. The host table has no GPU column: the GPUs are the cluster's. Several clusters
 * given to one pool (one per placement policy, the same pods) share its instances: they are copies
 * of one scheduler's decision, not more hardware, so the instances are launched and billed once.
 */
public final class GpuNodePool implements InstanceListener {

    private final Fleet fleet;
    private final List<InstanceType> types;
    private final List<GpuCluster> clusters;
    private final int firstHost;
    private final int zone;
    private final long bootMicros;
    private final long shutdownMicros;
    private final Int2IntOpenHashMap nodeOf = new Int2IntOpenHashMap();
    private final int[] instanceOf;
    private int running;

    /**
     * Adds the nodes' hosts to {@code hosts} (in {@code zone}) and listens to the fleet; every
     * node of every cluster is down until {@link #launch} brings its instance to running.
     *
     * @param types        the instance type of each node, in node order (as many as each cluster's nodes)
     * @param bootMicros   time from launch to running (image and user data)
     * @param shutdownMicros time from terminate to terminated
     */
    public GpuNodePool(Simulation sim, Fleet fleet, HostTable hosts, int zone, List<InstanceType> types,
                       long bootMicros, long shutdownMicros, List<GpuCluster> clusters) {
        this.fleet = Objects.requireNonNull(fleet, "fleet");
        this.types = List.copyOf(types);
        this.clusters = List.copyOf(clusters);
        this.zone = zone;
        this.bootMicros = bootMicros;
        this.shutdownMicros = shutdownMicros;
        if (this.types.isEmpty()) {
            throw new IllegalArgumentException("a GPU node pool needs at least one node");
        }
        for (GpuCluster c : this.clusters) {
            if (c.nodes() != this.types.size()) {
                throw new IllegalArgumentException("a cluster of " + c.nodes() + " nodes for " + this.types.size()
                        + " instance types");
            }
        }
        nodeOf.defaultReturnValue(-1);
        instanceOf = new int[this.types.size()];
        Arrays.fill(instanceOf, -1);
        int first = -1;
        for (InstanceType t : this.types) {
            int h = hosts.addHosts(hostFor(t), zone, 1);
            first = first < 0 ? h : first;
        }
        firstHost = first;
        long now = sim.now();
        for (GpuCluster c : this.clusters) {
            for (int node = 0; node < c.nodes(); node++) {
                c.nodeDown(node, now);
            }
        }
        fleet.addListener(this);
    }

    /** The host of a node of {@code type}: exactly the type's vCPUs and memory, nothing overcommitted. */
    public static HostSpec hostFor(InstanceType type) {
        return new HostSpec(type.name() + "-host", type.family(), type.vcpus(), type.memoryMib());
    }

    /**
     * Launches every node's instance now, node {@code i} on host {@code firstHost() + i}.
     *
     * @throws IllegalStateException if a node's host refuses its instance (it was taken by another)
     */
    public void launch() {
        for (int node = 0; node < types.size(); node++) {
            LaunchSpec spec = new LaunchSpec(types.get(node), zone, bootMicros, shutdownMicros);
            int id = fleet.launchOn(spec, firstHost + node);
            if (id < 0) {
                throw new IllegalStateException("GPU node " + node + ": host " + (firstHost + node)
                        + " has no room for its " + types.get(node).name());
            }
            instanceOf[node] = id;
            nodeOf.put(id, node);
        }
    }

    @Override
    public void stateChanged(Instance instance, InstanceState from, InstanceState to, long now) {
        int node = nodeOf.get(instance.id());
        if (node < 0) {
            return;
        }
        if (to == InstanceState.RUNNING) {
            running++;
            for (int i = 0; i < clusters.size(); i++) {
                clusters.get(i).nodeUp(node, now);
            }
        } else if (from == InstanceState.RUNNING) {
            running--;
            for (int i = 0; i < clusters.size(); i++) {
                clusters.get(i).nodeDown(node, now);
            }
        }
    }

    /** Whether the instance is one of the pool's nodes. */
    public boolean owns(int instanceId) {
        return nodeOf.containsKey(instanceId);
    }

    /** The instance of a node, or -1 before {@link #launch}. */
    public int instanceOf(int node) {
        return instanceOf[node];
    }

    /** The host of a node. */
    public int hostOf(int node) {
        return firstHost + node;
    }

    /** The nodes' instance types, in node order. */
    public List<InstanceType> types() {
        return types;
    }

    /** Nodes whose instance is running now. */
    public int running() {
        return running;
    }
}
