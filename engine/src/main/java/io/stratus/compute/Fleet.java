package io.stratus.compute;

import io.stratus.hypervisor.CpuSharing;
import io.stratus.infra.HostTable;
import io.stratus.infra.Tenancy;
import io.stratus.placement.PlacementPolicy;
import io.stratus.placement.PlacementRequest;
import io.stratus.sim.EventQueue;
import io.stratus.sim.Simulation;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Launches, stops, starts and terminates instances: places them with a {@link PlacementPolicy}
 * under their tenancy, reserves their host resources, drives their lifecycle with timed events,
 * and tells the {@link InstanceListener}s of every state change.
 *
 * <p>Lifecycle (see {@link InstanceState}): launch and start go pending, then running after the
 * AMI's boot time (plus user data on the first boot); stop goes stopping, then stopped, when the
 * host's resources are released (instance-store data is lost; EBS volumes stay, see the storage
 * package); start places the instance again in its zone, possibly on another host; terminate
 * (from running or stopped) goes shutting-down, then terminated. An instance holds its host from
 * pending until stopped or terminated. A running instance gets a CPU in {@link CpuSharing} on its
 * host; requests still in progress when it leaves running are dropped.
 *
 * <p>Tenancy: {@link HostOccupancy} tracks tenants per host; placement sees a view in which the
 * hosts the request may not use have no room. Dedicated-host launches go to the named host.
 *
 * <p>Host failure ({@link #failHost}) is abrupt: the host takes no more instances, and every
 * instance on it is lost at once (terminated; a stopping one ends stopped). A simplification:
 * EC2 may recover EBS-backed instances onto other hardware; here the caller relaunches.
 */
public final class Fleet {

    private final Simulation sim;
    private final HostTable hosts;
    private final PlacementPolicy placement;
    private final CpuSharing cpus;
    private final HostOccupancy occupancy = new HostOccupancy();
    private final TenancyFilteredView view;
    private final List<Instance> instances = new ArrayList<>();
    private final LongArrayList pendingEvent = new LongArrayList();
    private final List<InstanceListener> listeners = new ArrayList<>();
    private final List<LaunchListener> launchListeners = new ArrayList<>();
    private final Map<InstanceState, Integer> countByState = new EnumMap<>(InstanceState.class);
    private final int bootKind;
    private final int stopKind;
    private final int shutdownKind;
    private final int hostFailureKind;
    private long insufficientCapacity;
    private long lostToHostFailure;
    private long migrations;

    public Fleet(Simulation sim, HostTable hosts, PlacementPolicy placement, CpuSharing cpus) {
        this.sim = Objects.requireNonNull(sim, "sim");
        this.hosts = Objects.requireNonNull(hosts, "hosts");
        this.placement = Objects.requireNonNull(placement, "placement");
        this.cpus = Objects.requireNonNull(cpus, "cpus");
        this.view = new TenancyFilteredView(hosts, occupancy);
        cpus.bindHosts(hosts);
        this.bootKind = sim.registerKind("boot-complete", (id, d) -> bootComplete(id));
        this.stopKind = sim.registerKind("stop-complete", (id, d) -> stopComplete(id));
        this.shutdownKind = sim.registerKind("shutdown-complete", (id, d) -> shutdownComplete(id));
        this.hostFailureKind = sim.registerKind("host-failure", (host, d) -> failHost(host));
        for (InstanceState s : InstanceState.values()) {
            countByState.put(s, 0);
        }
    }

    /** Adds a listener told of every launch, as the instance enters pending (no state change announces that). */
    public void addLaunchListener(LaunchListener listener) {
        launchListeners.add(Objects.requireNonNull(listener, "listener"));
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
        Objects.requireNonNull(spec, "spec");
        int host = place(spec, spec.zone());
        if (host == PlacementPolicy.NO_HOST) {
            insufficientCapacity++;
            return -1;
        }
        Instance instance = new Instance(instances.size(), spec, -1, hosts.zoneOf(host), sim.now());
        instances.add(instance);
        pendingEvent.add(EventQueue.NO_EVENT);
        hold(instance, host);
        countByState.merge(InstanceState.PENDING, 1, Integer::sum);
        pendingEvent.set(instance.id(), sim.scheduleIn(spec.ami().bootMicros(true), bootKind, instance.id(), 0));
        for (int i = 0; i < launchListeners.size(); i++) {
            launchListeners.get(i).launched(instance, sim.now());
        }
        return instance.id();
    }

    /**
     * Starts stopping a running instance: its host resources are released when it is stopped.
     *
     * @throws IllegalStateException if it is not running, or its root device is instance store
     *                               (such instances can only be terminated, as on EC2)
     */
    public void stop(int id) {
        Instance instance = instance(id);
        if (instance.spec().ami().root() == RootDevice.INSTANCE_STORE) {
            throw new IllegalStateException("instance " + instance.instanceId()
                    + " has an instance-store root device: it cannot be stopped, only terminated");
        }
        transition(instance, InstanceState.STOPPING);
        pendingEvent.set(id, sim.scheduleIn(instance.spec().stopMicros(), stopKind, id, 0));
    }

    /**
     * Starts a stopped instance again: it is placed anew in its zone (perhaps on another host)
     * and boots without user data.
     *
     * @return false if no host had room; it then stays stopped (counted in
     *         {@link #insufficientCapacity()})
     * @throws IllegalStateException if it is not stopped
     */
    public boolean start(int id) {
        Instance instance = instance(id);
        if (instance.state() != InstanceState.STOPPED) {
            throw new IllegalStateException("instance " + instance.instanceId() + " cannot go from "
                    + instance.state().apiName() + " to pending; start needs stopped");
        }
        int host = place(instance.spec(), instance.zone());
        if (host == PlacementPolicy.NO_HOST) {
            insufficientCapacity++;
            return false;
        }
        hold(instance, host);
        transition(instance, InstanceState.PENDING);
        pendingEvent.set(id, sim.scheduleIn(instance.spec().ami().bootMicros(instance.boots() == 0),
                bootKind, id, 0));
        return true;
    }

    /**
     * Starts terminating a running or stopped instance.
     *
     * @throws IllegalStateException in any other state
     */
    public void terminate(int id) {
        Instance instance = instance(id);
        InstanceState state = instance.state();
        if (state != InstanceState.RUNNING && state != InstanceState.STOPPED) {
            throw new IllegalStateException("instance " + instance.instanceId() + " cannot go from "
                    + state.apiName() + " to shutting-down; terminate needs running or stopped");
        }
        transition(instance, InstanceState.SHUTTING_DOWN);
        pendingEvent.set(id, sim.scheduleIn(instance.spec().shutdownMicros(), shutdownKind, id, 0));
    }

    /**
     * Fails a host now: it takes no new instance, and every instance on it is lost at once
     * (pending, running and shutting-down ones end terminated, a stopping one ends stopped).
     *
     * @return the number of instances lost
     */
    public int failHost(int host) {
        hosts.spec(host); // checks the host exists
        occupancy.markFailed(host);
        int lost = 0;
        for (Instance instance : instances) {
            if (instance.host() != host) {
                continue;
            }
            sim.cancel(pendingEvent.getLong(instance.id()));
            pendingEvent.set(instance.id(), EventQueue.NO_EVENT);
            if (instance.state() == InstanceState.STOPPING) {
                transition(instance, InstanceState.STOPPED);
            } else {
                if (instance.state() != InstanceState.SHUTTING_DOWN) {
                    transition(instance, InstanceState.SHUTTING_DOWN);
                }
                transition(instance, InstanceState.TERMINATED);
            }
            release(instance);
            lost++;
        }
        lostToHostFailure += lost;
        return lost;
    }

    /** Schedules host {@code host} to fail at time {@code at} (see {@link #failHost}). */
    public void scheduleHostFailure(int host, long at) {
        hosts.spec(host);
        sim.schedule(at, hostFailureKind, host, 0);
    }

    /** Allocates an empty host as a dedicated host of {@code tenant}. */
    public void allocateDedicatedHost(int host, int tenant) {
        hosts.spec(host);
        occupancy.allocateHost(host, tenant);
    }

    /** Releases an empty dedicated host back to the shared pool. */
    public void releaseDedicatedHost(int host) {
        occupancy.releaseHost(host);
    }

    /** Who occupies each host (read it; the fleet changes it). */
    public HostOccupancy occupancy() {
        return occupancy;
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

    /** Launches and starts refused for want of a host with room. */
    public long insufficientCapacity() {
        return insufficientCapacity;
    }

    /** Instances lost because their host failed. */
    public long lostToHostFailure() {
        return lostToHostFailure;
    }

    /**
     * Live-migrates running instance {@code id} to host {@code to} in its zone, now: its vCPUs and
     * memory are released on the old host and reserved on the new one, and its CPU continues there.
     * No lifecycle state changes (listeners hear nothing; billing goes on). The migration's own
     * duration and cost are the caller's to model.
     *
     * @throws IllegalStateException if the instance is not running, has requests in progress (their
     *                               transfer is not modelled), is burstable (its credits would not
     *                               follow), or {@code to} is its host, in another zone, full, or
     *                               not allowed by its tenancy
     */
    public void migrate(int id, int to) {
        Instance instance = instance(id);
        InstanceType type = instance.type();
        if (instance.state() != InstanceState.RUNNING) {
            throw new IllegalStateException("instance " + instance.instanceId() + " is " + instance.state()
                    + "; only a running instance can be live-migrated");
        }
        if (cpus.active(id) > 0 || type.isBurstable()) {
            throw new IllegalStateException("instance " + instance.instanceId()
                    + " has requests in progress or CPU credits: its live migration is not modelled");
        }
        view.setRequest(instance.tenant(), instance.spec().tenancy());
        if (to == instance.host() || to < 0 || to >= hosts.hostCount() || hosts.zoneOf(to) != instance.zone()
                || !view.fits(to, type.vcpus(), type.memoryMib())) {
            throw new IllegalStateException("instance " + instance.instanceId() + " cannot move from host "
                    + instance.host() + " to host " + to + ": not another host of its zone with room for it");
        }
        cpus.detach(id);
        release(instance);
        hold(instance, to);
        LaunchSpec spec = instance.spec();
        cpus.attach(id, to, BurstableCpu.profile(type, spec.cpuWeight(), spec.creditMode()));
        migrations++;
    }

    /** Live migrations done so far. */
    public long migrations() {
        return migrations;
    }

    private int place(LaunchSpec spec, int zone) {
        InstanceType type = spec.type();
        if (spec.tenancy() == Tenancy.HOST) {
            int host = spec.dedicatedHost();
            if (host >= hosts.hostCount()) {
                throw new IllegalArgumentException("no host " + host + " to launch on");
            }
            boolean ok = occupancy.allows(host, spec.tenant(), Tenancy.HOST)
                    && (zone == PlacementRequest.ANY_ZONE || hosts.zoneOf(host) == zone)
                    && hosts.fits(host, type.vcpus(), type.memoryMib());
            return ok ? host : PlacementPolicy.NO_HOST;
        }
        PlacementRequest request = new PlacementRequest(type.vcpus(), type.memoryMib(), zone, spec.tenant(),
                spec.tenancy());
        view.setRequest(spec.tenant(), spec.tenancy());
        int host = placement.choose(request, view);
        if (host != PlacementPolicy.NO_HOST && (!request.allowsZone(hosts.zoneOf(host))
                || !view.fits(host, type.vcpus(), type.memoryMib()))) {
            throw new IllegalStateException("placement policy " + placement.name() + " chose host " + host
                    + ", which is outside zone " + zone + ", full, or not allowed for a "
                    + spec.tenancy().apiName() + "-tenancy instance of tenant " + spec.tenant());
        }
        return host;
    }

    private void hold(Instance instance, int host) {
        InstanceType type = instance.type();
        hosts.reserve(host, type.vcpus(), type.memoryMib());
        occupancy.add(host, instance.tenant(), instance.spec().tenancy());
        instance.placeOn(host, hosts.zoneOf(host));
    }

    private void release(Instance instance) {
        InstanceType type = instance.type();
        hosts.release(instance.host(), type.vcpus(), type.memoryMib());
        occupancy.remove(instance.host(), instance.tenant(), instance.spec().tenancy());
        instance.releaseHost();
    }

    private void bootComplete(int id) {
        pendingEvent.set(id, EventQueue.NO_EVENT);
        transition(instances.get(id), InstanceState.RUNNING);
    }

    private void stopComplete(int id) {
        pendingEvent.set(id, EventQueue.NO_EVENT);
        Instance instance = instances.get(id);
        transition(instance, InstanceState.STOPPED);
        release(instance);
    }

    private void shutdownComplete(int id) {
        pendingEvent.set(id, EventQueue.NO_EVENT);
        Instance instance = instances.get(id);
        transition(instance, InstanceState.TERMINATED);
        if (instance.host() >= 0) {
            release(instance);
        }
    }

    private void transition(Instance instance, InstanceState next) {
        InstanceState from = instance.state();
        instance.moveTo(next, sim.now());
        countByState.merge(from, -1, Integer::sum);
        countByState.merge(next, 1, Integer::sum);
        if (next == InstanceState.RUNNING) {
            LaunchSpec spec = instance.spec();
            cpus.attach(instance.id(), instance.host(),
                    BurstableCpu.profile(spec.type(), spec.cpuWeight(), spec.creditMode()));
        } else if (from == InstanceState.RUNNING) {
            cpus.detach(instance.id());
        }
        for (InstanceListener listener : listeners) {
            listener.stateChanged(instance, from, next, sim.now());
        }
    }
}
