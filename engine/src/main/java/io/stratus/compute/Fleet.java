package io.stratus.compute;

import io.stratus.hypervisor.CpuSharing;
import io.stratus.infra.HostTable;
import io.stratus.placement.PlacementPolicy;
import io.stratus.placement.PlacementRequest;
import io.stratus.sim.Simulation;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Launches and terminates instances: places them with a {@link PlacementPolicy}, reserves their
 * host resources, drives their lifecycle with timed events, and tells the
 * {@link InstanceListener}s of every state change.
 *
 * <p>Walking-skeleton scope: launch (pending, then running after the boot delay) and terminate
 * (shutting-down, then terminated after the shutdown delay). Host resources are held from launch
 * to terminated. A running instance gets a processor-sharing CPU in {@link CpuSharing}; requests
 * still in progress when it leaves running are dropped.
 */
public final class Fleet {

    private final Simulation sim;
    private final HostTable hosts;
    private final PlacementPolicy placement;
    private final CpuSharing cpus;
    private final List<Instance> instances = new ArrayList<>();
    private final List<InstanceListener> listeners = new ArrayList<>();
    private final Map<InstanceState, Integer> countByState = new EnumMap<>(InstanceState.class);
    private final int bootKind;
    private final int shutdownKind;
    private long insufficientCapacity;

    public Fleet(Simulation sim, HostTable hosts, PlacementPolicy placement, CpuSharing cpus) {
        this.sim = Objects.requireNonNull(sim, "sim");
        this.hosts = Objects.requireNonNull(hosts, "hosts");
        this.placement = Objects.requireNonNull(placement, "placement");
        this.cpus = Objects.requireNonNull(cpus, "cpus");
        this.bootKind = sim.registerKind("boot-complete", (id, d) -> bootComplete(id));
        this.shutdownKind = sim.registerKind("shutdown-complete", (id, d) -> shutdownComplete(id));
        for (InstanceState s : InstanceState.values()) {
            countByState.put(s, 0);
        }
    }

    /** Adds a listener; listeners are told in the order they were added. */
    public void addListener(InstanceListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /**
     * Launches an instance now.
     *
     * @return its id, or -1 if no host had room (counted in {@link #insufficientCapacity()})
     */
    public int launch(LaunchSpec spec) {
        InstanceType type = spec.type();
        PlacementRequest request = new PlacementRequest(type.vcpus(), type.memoryMib(), spec.zone());
        int host = placement.choose(request, hosts);
        if (host == PlacementPolicy.NO_HOST) {
            insufficientCapacity++;
            return -1;
        }
        if (!request.allowsZone(hosts.zoneOf(host))) {
            throw new IllegalStateException("placement policy " + placement.name() + " chose host " + host
                    + " outside zone " + spec.zone());
        }
        hosts.reserve(host, type.vcpus(), type.memoryMib());
        Instance instance = new Instance(instances.size(), spec, host, hosts.zoneOf(host), sim.now());
        instances.add(instance);
        countByState.merge(InstanceState.PENDING, 1, Integer::sum);
        sim.scheduleIn(spec.bootMicros(), bootKind, instance.id(), 0);
        return instance.id();
    }

    /** Starts terminating a running or stopped instance. */
    public void terminate(int id) {
        Instance instance = instance(id);
        transition(instance, InstanceState.SHUTTING_DOWN);
        sim.scheduleIn(instance.spec().shutdownMicros(), shutdownKind, id, 0);
    }

    /** The instance of that id. */
    public Instance instance(int id) {
        if (id < 0 || id >= instances.size()) {
            throw new IllegalArgumentException("no instance " + id);
        }
        return instances.get(id);
    }

    /** Instances ever launched. */
    public int size() {
        return instances.size();
    }

    /** Instances now in {@code state}. */
    public int count(InstanceState state) {
        return countByState.get(state);
    }

    /** Launches refused for want of a host with room. */
    public long insufficientCapacity() {
        return insufficientCapacity;
    }

    private void bootComplete(int id) {
        Instance instance = instances.get(id);
        if (instance.state() == InstanceState.PENDING) {
            transition(instance, InstanceState.RUNNING);
        }
    }

    private void shutdownComplete(int id) {
        Instance instance = instances.get(id);
        transition(instance, InstanceState.TERMINATED);
        InstanceType type = instance.type();
        hosts.release(instance.host(), type.vcpus(), type.memoryMib());
        instance.releaseHost();
    }

    private void transition(Instance instance, InstanceState next) {
        InstanceState from = instance.state();
        instance.moveTo(next, sim.now());
        countByState.merge(from, -1, Integer::sum);
        countByState.merge(next, 1, Integer::sum);
        if (next == InstanceState.RUNNING) {
            cpus.attach(instance.id(), instance.type().vcpus());
        } else if (from == InstanceState.RUNNING) {
            cpus.detach(instance.id());
        }
        for (InstanceListener listener : listeners) {
            listener.stateChanged(instance, from, next, sim.now());
        }
    }
}
