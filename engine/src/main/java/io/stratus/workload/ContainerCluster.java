package io.stratus.workload;

import io.stratus.compute.Fleet;
import io.stratus.compute.Instance;
import io.stratus.compute.InstanceListener;
import io.stratus.compute.InstanceState;
import io.stratus.compute.LaunchSpec;
import io.stratus.compute.NodeAllocatable;
import io.stratus.infra.HostView;
import io.stratus.sim.Simulation;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Containers on EC2: ECS services or EKS deployments whose tasks / pods request CPU (millicores)
 * and memory, bin-packed onto the nodes (EC2 instances) of one node group, with a node autoscaler.
 *
 * <p>Model. A deployment's replica count is set over time; new pods queue (first in, first out)
 * and each goes to a node where its CPU and memory requests fit the node's allocatable resources
 * left and the node has a pod place left (its type's max pods, from ENI limits), chosen by the
 * placement policy: best fit (ECS binpack: least CPU left), worst fit (spread: most CPU left) or
 * first fit (earliest node). Booting nodes take pods too (they run when it runs). A pod that fits
 * no node makes the autoscaler launch one: the cluster autoscaler adds a node of the group's first
 * type; Karpenter picks the cheapest type whose allocatable holds every pod now waiting for a node,
 * else the cheapest that holds the first one. Fewer replicas remove the newest pods. A node with
 * no pod is terminated after the scale-down delay. Every consolidation interval one consolidation
 * step runs on the least-used running node: if its pods all fit on the other nodes they move and
 * it is terminated (deletion; the cluster autoscaler only does this below 50% of its CPU
 * requested, its default threshold); with Karpenter, else if they all fit one node of a cheaper
 * type, that node is launched, they move to it, and the old one is terminated (replacement).
 * A node lost (spot reclaim, host failure) puts its pods back in the queue.
 *
 * <p>Simplifications: pods move at once when consolidated (no eviction or restart time); the
 * requests are reserved, not used (no CPU sharing inside a node); one consolidation step per
 * interval; daemon-set pods are not modelled (the allocatable figures already hold the system's
 * reservations).
 */
public final class ContainerCluster implements InstanceListener {

    /** Who adds and removes nodes. */
    public enum Autoscaler { CLUSTER_AUTOSCALER, KARPENTER }

    /** How a pod picks among the nodes where it fits. */
    public enum PodPlacement { BEST_FIT, WORST_FIT, FIRST_FIT }

    /** A node type of the group: what it launches and what it offers pods. */
    public record NodeType(LaunchSpec launch, NodeAllocatable.Node allocatable) {
        public NodeType {
            Objects.requireNonNull(launch, "launch");
            Objects.requireNonNull(allocatable, "allocatable");
        }

        double usdPerHour() {
            return launch.type().onDemandUsdPerHour();
        }

        boolean holds(long millicpu, long memoryMib, int pods) {
            return millicpu <= allocatable.millicpu() && memoryMib <= allocatable.memoryMib()
                    && pods <= allocatable.maxPods();
        }
    }

    /** The cluster-autoscaler's default scale-down utilisation threshold. */
    public static final double CA_UTILISATION_THRESHOLD = 0.5;

    private final Simulation sim;
    private final Fleet fleet;
    private final HostView hosts;
    private final List<NodeType> types;
    private final Autoscaler autoscaler;
    private final PodPlacement placement;
    private final int maxNodes;
    private final long scaleDownMicros;
    private final long consolidationMicros;
    private final PackedInstances nodes;
    private final List<int[]> deploymentRequests = new ArrayList<>(); // {millicpu, memoryMib}
    private final List<IntArrayList> podsOf = new ArrayList<>();
    private final IntArrayList podDeployment = new IntArrayList();
    private final IntArrayList podNode = new IntArrayList(); // node slot, -1 while waiting
    private final IntArrayList waiting = new IntArrayList();
    private final IntArrayList freePods = new IntArrayList();
    private final int replicasKind;
    private final int idleKind;
    private final int consolidateKind;
    private final IntArrayList launchedIds = new IntArrayList();
    private java.util.function.IntConsumer launchListener = id -> { };
    private long consolidations;
    private long replacements;

    /**
     * @param types               the node group's types (the cluster autoscaler launches the first)
     * @param maxNodes            most live nodes
     * @param scaleDownMicros     how long a node stays with no pod before it is terminated
     * @param consolidationMicros interval between consolidation steps; 0 for none
     */
    public ContainerCluster(Simulation sim, Fleet fleet, HostView hosts, List<NodeType> types, Autoscaler autoscaler,
                            PodPlacement placement, int maxNodes, long scaleDownMicros, long consolidationMicros) {
        this.sim = Objects.requireNonNull(sim, "sim");
        this.fleet = Objects.requireNonNull(fleet, "fleet");
        this.hosts = Objects.requireNonNull(hosts, "hosts");
        this.types = List.copyOf(types);
        if (this.types.isEmpty() || maxNodes < 1 || scaleDownMicros < 0 || consolidationMicros < 0) {
            throw new IllegalArgumentException("a node type, at least one node, delays >= 0");
        }
        this.autoscaler = Objects.requireNonNull(autoscaler, "autoscaler");
        this.placement = Objects.requireNonNull(placement, "placement");
        this.maxNodes = maxNodes;
        this.scaleDownMicros = scaleDownMicros;
        this.consolidationMicros = consolidationMicros;
        this.nodes = new PackedInstances(this.types.size());
        this.replicasKind = sim.registerKind("containers-replicas", (d, n) -> setReplicas(d, (int) n));
        this.idleKind = sim.registerKind("containers-node-idle", (s, epoch) -> onIdle(s, (int) epoch));
        this.consolidateKind = sim.registerKind("containers-consolidate", (s, d) -> onConsolidate());
    }

    /** Tells {@code listener} of every node launched, as it launches it. */
    public void onLaunch(java.util.function.IntConsumer listener) {
        this.launchListener = Objects.requireNonNull(listener, "listener");
    }

    /** Adds a deployment (an ECS service) whose pods request {@code millicpu} and {@code memoryMib}; its index. */
    public int addDeployment(int millicpu, long memoryMib) {
        if (millicpu < 1 || memoryMib < 0) {
            throw new IllegalArgumentException("a pod requests at least 1 millicore and no negative memory");
        }
        deploymentRequests.add(new int[] {millicpu, (int) Math.min(Integer.MAX_VALUE, memoryMib)});
        podsOf.add(new IntArrayList());
        return deploymentRequests.size() - 1;
    }

    /** Sets deployment {@code d}'s replicas to {@code replicas} at {@code at}. */
    public void scheduleReplicas(int d, long at, int replicas) {
        sim.schedule(at, replicasKind, d, replicas);
    }

    /** Starts the consolidation steps, if any. */
    public void start() {
        if (consolidationMicros > 0) {
            sim.scheduleIn(consolidationMicros, consolidateKind, 0, 0);
        }
    }

    /** Sets deployment {@code d}'s replicas now: new pods queue, the newest pods go. */
    public void setReplicas(int d, int replicas) {
        IntArrayList pods = podsOf.get(d);
        while (pods.size() < replicas) {
            int p = freePods.isEmpty() ? podDeployment.size() : freePods.popInt();
            if (p == podDeployment.size()) {
                podDeployment.add(d);
                podNode.add(-1);
            } else {
                podDeployment.set(p, d);
                podNode.set(p, -1);
            }
            pods.add(p);
            waiting.add(p);
        }
        while (pods.size() > replicas) {
            int p = pods.popInt();
            int s = podNode.getInt(p);
            if (s < 0) {
                waiting.rem(p);
            } else {
                unbind(p);
            }
            freePods.push(p);
        }
        schedule();
    }

    private int cpu(int p) {
        return deploymentRequests.get(podDeployment.getInt(p))[0];
    }

    private long memory(int p) {
        return deploymentRequests.get(podDeployment.getInt(p))[1];
    }

    /** Places the waiting pods, first in first out, launching nodes as the autoscaler decides. */
    private void schedule() {
        int i = 0;
        while (i < waiting.size()) {
            int p = waiting.getInt(i);
            int s = pick(p, -1);
            if (s < 0 && launchFor(i) >= 0) {
                s = pick(p, -1);
            }
            if (s < 0) {
                return; // first in, first out: later pods wait behind it
            }
            bind(p, s);
            waiting.removeInt(i);
        }
    }

    /** The node pod {@code p} goes to by the policy, skipping {@code except}; -1 if none has room. */
    private int pick(int p, int except) {
        int best = -1;
        for (int e = 0; e < types.size(); e++) {
            IntArrayList slots = nodes.slots(e);
            for (int k = 0, n = slots.size(); k < n; k++) {
                int s = slots.getInt(k);
                if (s != except && nodes.fits(s, cpu(p), memory(p)) && better(s, best)) {
                    best = s;
                    if (placement == PodPlacement.FIRST_FIT) {
                        return best;
                    }
                }
            }
        }
        return best;
    }

    private boolean better(int s, int best) {
        return best < 0 || switch (placement) {
            case BEST_FIT -> nodes.freeVcpus(s) < nodes.freeVcpus(best);
            case WORST_FIT -> nodes.freeVcpus(s) > nodes.freeVcpus(best);
            case FIRST_FIT -> false;
        };
    }

    /** Launches a node for the waiting pods from index {@code from}; its slot or -1. */
    private int launchFor(int from) {
        if (liveNodes() >= maxNodes) {
            return -1;
        }
        int type = autoscaler == Autoscaler.CLUSTER_AUTOSCALER ? 0 : cheapestFor(from);
        if (type < 0 || !types.get(type).holds(cpu(waiting.getInt(from)), memory(waiting.getInt(from)), 1)
                || HostRoom.placeableNow(hosts, fleet, types.get(type).launch()) < 1) {
            return -1;
        }
        return launch(type);
    }

    /** Karpenter's choice: the cheapest type holding all waiting pods from {@code from}, else the first of them. */
    private int cheapestFor(int from) {
        long cpu = 0;
        long memory = 0;
        for (int i = from; i < waiting.size(); i++) {
            cpu += cpu(waiting.getInt(i));
            memory += memory(waiting.getInt(i));
        }
        int all = cheapest(cpu, memory, waiting.size() - from, -1);
        return all >= 0 ? all : cheapest(cpu(waiting.getInt(from)), memory(waiting.getInt(from)), 1, -1);
    }

    /** The cheapest type holding the given requests and pods, cheaper than {@code belowUsd} if >= 0; -1 if none. */
    private int cheapest(long cpu, long memory, int pods, double belowUsd) {
        int best = -1;
        for (int t = 0; t < types.size(); t++) {
            NodeType type = types.get(t);
            if (type.holds(cpu, memory, pods) && (belowUsd < 0 || type.usdPerHour() < belowUsd)
                    && (best < 0 || type.usdPerHour() < types.get(best).usdPerHour())) {
                best = t;
            }
        }
        return best;
    }

    private int launch(int type) {
        NodeType t = types.get(type);
        int id = fleet.launch(t.launch());
        if (id < 0) {
            return -1;
        }
        launchedIds.add(id);
        int s = nodes.add(type, id, t.allocatable().millicpu(), t.allocatable().memoryMib(), t.allocatable().maxPods());
        launchListener.accept(id);
        return s;
    }

    private void bind(int p, int s) {
        nodes.reserve(s, cpu(p), memory(p));
        nodes.jobs(s).add(p);
        podNode.set(p, s);
    }

    private void unbind(int p) {
        int s = podNode.getInt(p);
        nodes.release(s, cpu(p), memory(p));
        IntArrayList on = nodes.jobs(s);
        on.rem(p);
        podNode.set(p, -1);
        if (on.isEmpty() && nodes.running(s)) {
            idle(s);
        }
    }

    private void idle(int s) {
        sim.scheduleIn(scaleDownMicros, idleKind, s, nodes.nextEpoch(s));
    }

    private void onIdle(int s, int epoch) {
        if (nodes.alive(s) && nodes.epoch(s) == epoch && nodes.jobs(s).isEmpty() && nodes.running(s)) {
            terminate(s);
        }
    }

    private void terminate(int s) {
        int id = nodes.instanceId(s);
        nodes.remove(s);
        fleet.terminate(id);
    }

    /** One consolidation step on the least-used running node, then the next step is scheduled. */
    private void onConsolidate() {
        int s = leastUsed();
        if (s >= 0 && !deleteIfPodsFitElsewhere(s) && autoscaler == Autoscaler.KARPENTER) {
            replaceWithCheaper(s);
        }
        sim.scheduleIn(consolidationMicros, consolidateKind, 0, 0);
    }

    private int leastUsed() {
        int best = -1;
        double bestShare = 2;
        for (int e = 0; e < types.size(); e++) {
            IntArrayList slots = nodes.slots(e);
            for (int k = 0; k < slots.size(); k++) {
                int s = slots.getInt(k);
                double share = 1 - (double) nodes.freeVcpus(s) / types.get(e).allocatable().millicpu();
                if (nodes.running(s) && !nodes.jobs(s).isEmpty() && share < bestShare) {
                    best = s;
                    bestShare = share;
                }
            }
        }
        if (best >= 0 && autoscaler == Autoscaler.CLUSTER_AUTOSCALER && bestShare >= CA_UTILISATION_THRESHOLD) {
            return -1;
        }
        return best;
    }

    /** Moves every pod of node {@code s} to other nodes if they all fit there, and ends {@code s}. */
    private boolean deleteIfPodsFitElsewhere(int s) {
        IntArrayList on = new IntArrayList(nodes.jobs(s));
        int[] to = new int[on.size()];
        int moved = 0;
        for (; moved < on.size(); moved++) {
            int p = on.getInt(moved);
            to[moved] = pick(p, s);
            if (to[moved] < 0) {
                break;
            }
            nodes.reserve(to[moved], cpu(p), memory(p)); // tentatively
        }
        for (int i = 0; i < moved; i++) {
            nodes.release(to[i], cpu(on.getInt(i)), memory(on.getInt(i)));
        }
        if (moved < on.size()) {
            return false;
        }
        for (int i = 0; i < on.size(); i++) {
            int p = on.getInt(i);
            unbindQuietly(p, s);
            bind(p, to[i]);
        }
        consolidations++;
        terminate(s);
        return true;
    }

    /** Karpenter's replacement: node {@code s}'s pods onto one new node of a cheaper type that holds them all. */
    private void replaceWithCheaper(int s) {
        IntArrayList on = new IntArrayList(nodes.jobs(s));
        long cpu = 0;
        long memory = 0;
        for (int i = 0; i < on.size(); i++) {
            cpu += cpu(on.getInt(i));
            memory += memory(on.getInt(i));
        }
        int type = cheapest(cpu, memory, on.size(), types.get(nodes.environment(s)).usdPerHour());
        if (type < 0 || HostRoom.placeableNow(hosts, fleet, types.get(type).launch()) < 1) {
            return;
        }
        int target = launch(type);
        if (target < 0) {
            return;
        }
        for (int i = 0; i < on.size(); i++) {
            int p = on.getInt(i);
            unbindQuietly(p, s);
            bind(p, target);
        }
        replacements++;
        terminate(s);
    }

    private void unbindQuietly(int p, int s) {
        nodes.release(s, cpu(p), memory(p));
        nodes.jobs(s).rem(p);
        podNode.set(p, -1);
    }

    @Override
    public void stateChanged(Instance instance, InstanceState from, InstanceState to, long now) {
        int s = nodes.slotOf(instance.id());
        if (s >= 0 && to == InstanceState.RUNNING) {
            nodes.markRunning(s);
            if (nodes.jobs(s).isEmpty()) {
                idle(s);
            }
        } else if (s >= 0 && to != InstanceState.PENDING) {
            IntArrayList on = nodes.jobs(s);
            while (!on.isEmpty()) {
                int p = on.popInt();
                nodes.release(s, cpu(p), memory(p));
                podNode.set(p, -1);
                waiting.add(0, p);
            }
            nodes.remove(s);
            schedule();
        } else if (to == InstanceState.TERMINATED && !waiting.isEmpty()) {
            schedule(); // hosts were freed
        }
    }

    /** Live nodes now (booting or running). */
    public int liveNodes() {
        int n = 0;
        for (int e = 0; e < types.size(); e++) {
            n += nodes.count(e);
        }
        return n;
    }

    /** Live nodes of type {@code t} now. */
    public int liveNodes(int t) {
        return nodes.count(t);
    }

    /** Pods waiting for a node now. */
    public int waitingPods() {
        return waiting.size();
    }

    /** Nodes ever launched, in launch order. */
    public IntArrayList launched() {
        return launchedIds;
    }

    /** Nodes emptied onto the others by consolidation. */
    public long consolidations() {
        return consolidations;
    }

    /** Nodes replaced by a cheaper one by consolidation. */
    public long replacements() {
        return replacements;
    }

    /**
     * Checks every node's reservations against its type's allocatable CPU, memory and pods; the
     * first overrun as a message, or null when none. For tests and end-of-run checks.
     */
    public String overrun() {
        for (int e = 0; e < types.size(); e++) {
            NodeAllocatable.Node a = types.get(e).allocatable();
            IntArrayList slots = nodes.slots(e);
            for (int k = 0; k < slots.size(); k++) {
                int s = slots.getInt(k);
                long cpu = 0;
                long memory = 0;
                IntArrayList on = nodes.jobs(s);
                for (int i = 0; i < on.size(); i++) {
                    cpu += cpu(on.getInt(i));
                    memory += memory(on.getInt(i));
                }
                if (cpu > a.millicpu() || memory > a.memoryMib() || on.size() > a.maxPods()
                        || nodes.freeVcpus(s) != a.millicpu() - cpu || nodes.freePods(s) != a.maxPods() - on.size()) {
                    return "node " + nodes.instanceId(s) + " (" + a.type() + "): " + on.size() + " pods, " + cpu
                            + " m CPU, " + memory + " MiB against " + a.maxPods() + ", " + a.millicpu() + " m, "
                            + a.memoryMib() + " MiB";
                }
            }
        }
        return null;
    }
}
