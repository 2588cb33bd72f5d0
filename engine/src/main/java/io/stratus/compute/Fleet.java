package io.stratus.compute;

import io.stratus.hypervisor.CpuSharing;
import io.stratus.hypervisor.VcpuProfile;
import io.stratus.hypervisor.VcpuSpeed;
import io.stratus.infra.HostTable;
import io.stratus.infra.Tenancy;
import io.stratus.placement.HostOccupancy;
import io.stratus.placement.PlacementContext;
import io.stratus.placement.PlacementGroups;
import io.stratus.placement.PlacementPolicy;
import io.stratus.placement.PlacementRegistry;
import io.stratus.placement.PlacementRequest;
import io.stratus.placement.Placer;
import io.stratus.sim.EventQueue;
import io.stratus.sim.Simulation;
import io.stratus.util.DenseSlots;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Launches, stops, starts and terminates instances: places them through a {@link Placer} (a
 * policy from the {@link PlacementRegistry}, filtered by tenancy and EC2 placement groups), which
 * reserves their host resources; drives their lifecycle with timed events; and tells the
 * {@link InstanceListener}s of every state change.
 *
 * <p>Lifecycle (see {@link InstanceState}): launch and start go pending, then running after the
 * AMI's boot time (plus user data on the first boot); stop goes stopping, then stopped, when the
 * host's resources are released (instance-store data is lost; EBS volumes stay, see the storage
 * package); start places the instance again in its zone, possibly on another host; terminate
 * (from running or stopped) goes shutting-down, then terminated. An instance holds its host from
 * pending until stopped or terminated. A running instance gets a CPU in {@link CpuSharing} on its
 * host; requests still in progress when it leaves running are dropped.
 *
 * <p>Tenancy: the placement context's {@link HostOccupancy} tracks tenants per host, and the
 * placement search skips the hosts a request may not use. Dedicated-host launches go to the named
 * host, if it admits them, or, naming none, to the first of their tenant's Dedicated Hosts with
 * room (auto-placement).
 *
 * <p>Placement groups ({@link #placementGroups()}): a launch whose spec names a group is placed
 * under the group's rules (cluster, spread, partition; see {@link PlacementGroups}). A launch or
 * start the rules refuse is an insufficient-capacity outcome like any other (counted, also in
 * {@link #refusedByGroupRules()}), never an exception. An instance holds its slot in its group
 * while it holds its host: stopping (once stopped), terminating and host failure free it.
 *
 * <p>Memory is O(instances not terminated), not O(instances ever launched): a terminated
 * instance is forgotten once its listeners have heard of it (EC2 lists terminated instances
 * for about an hour; here {@link #state} answers {@code terminated} for its id and
 * {@link #instance} refuses it). Ids stay unique and increasing; the per-instance arrays are
 * indexed by a recycled dense slot ({@link DenseSlots}).
 *
 * <p>Host failure ({@link #failHost}) is abrupt: the host takes no more instances, and every
 * instance on it is lost at once (terminated; a stopping one ends stopped), until
 * {@link #repairHost} brings the host back, empty. With {@link #setAutoRecovery}, a running
 * instance the predicate accepts is recovered instead, as EC2 automatic recovery does: the same
 * instance (id, EBS volumes, addresses) goes back to pending on another host of its zone and
 * boots there again (without user data); it is not billed until it runs again. Recovery happens
 * at once (EC2 first needs its system status check to fail, a few minutes) and every time (EC2
 * allows three a day); when the zone has no room, the instance is lost like the others.
 */
public final class Fleet {

    private final Simulation sim;
    private final HostTable hosts;
    private final PlacementContext placementContext;
    private final Placer placer;
    private final CpuSharing cpus;
    // per-instance state by dense slot (recycled once an instance is terminated), not by id
    private final DenseSlots slots = new DenseSlots();
    private Instance[] bySlot = new Instance[16];
    private PlacementRequest[] requests = new PlacementRequest[16];
    private long[] pendingEvent = new long[16];
    private int nextId;
    private final List<InstanceListener> listeners = new ArrayList<>();
    private final List<LaunchListener> launchListeners = new ArrayList<>();
    private LaunchAdmission admission = LaunchAdmission.ALL;
    private long refusedAtLaunch;
    private final Map<InstanceState, Integer> countByState = new EnumMap<>(InstanceState.class);
    private final int bootKind;
    private final int stopKind;
    private final int shutdownKind;
    private final int hostFailureKind;
    private long lostToHostFailure;
    private long recovered;
    private int droppedByLastChange;
    private java.util.function.Predicate<Instance> autoRecovery = instance -> false;
    private long migrations;
    private Function<InstanceType, VcpuSpeed> cpuSpeeds = type -> VcpuSpeed.REFERENCE;

    /**
     * @param sim       the simulation
     * @param hosts     the hosts to place on
     * @param placement the name of a placement policy in {@link PlacementRegistry}; it draws from
     *                  the simulation's {@code placement} random stream
     * @param cpus      the CPU sharing of the hosts
     * @throws IllegalArgumentException if no policy has that name
     */
    public Fleet(Simulation sim, HostTable hosts, String placement, CpuSharing cpus) {
        this(sim, hosts, cpus, context -> PlacementRegistry.create(placement, context));
    }

    /**
     * A fleet placing with a policy of the caller's own (for example one not in the
     * {@link PlacementRegistry}), built over the fleet's placement context; the context's random
     * stream is the simulation's {@code placement} stream.
     */
    public Fleet(Simulation sim, HostTable hosts, CpuSharing cpus, Function<PlacementContext, PlacementPolicy> placement) {
        this.sim = Objects.requireNonNull(sim, "sim");
        this.hosts = Objects.requireNonNull(hosts, "hosts");
        this.cpus = Objects.requireNonNull(cpus, "cpus");
        this.placementContext = PlacementContext.of(hosts, sim.random().claim("placement", "the fleet's placement"));
        this.placer = new Placer(placementContext, Objects.requireNonNull(placement.apply(placementContext),
                "the placement factory returned null"));
        cpus.bindHosts(hosts);
        this.bootKind = sim.registerKind("boot-complete", (id, d) -> bootComplete(id));
        this.stopKind = sim.registerKind("stop-complete", (id, d) -> stopComplete(id));
        this.shutdownKind = sim.registerKind("shutdown-complete", (id, d) -> shutdownComplete(id));
        this.hostFailureKind = sim.registerKind("host-failure", (host, d) -> failHost(host));
        for (InstanceState s : InstanceState.values()) {
            countByState.put(s, 0);
        }
    }

    /**
     * Sets how fast each type's vCPUs work (for example {@link PerformanceCatalog#speedOf}); from
     * then on every instance entering running gets its type's speed. By default every vCPU is a
     * reference vCPU.
     */
    public void setCpuSpeeds(Function<InstanceType, VcpuSpeed> speeds) {
        this.cpuSpeeds = Objects.requireNonNull(speeds, "speeds");
    }

    /**
     * Sets which running instances EC2 automatic recovery moves to new hardware when their host
     * fails (by default none); see the class comment. As on EC2, an instance with instance-store
     * volumes (or root) or on a Dedicated Host is never recovered, whatever the predicate says.
     */
    public void setAutoRecovery(java.util.function.Predicate<Instance> recoverable) {
        this.autoRecovery = Objects.requireNonNull(recoverable, "recoverable");
    }

    /** Sets what checks each {@link #launch} before placement (by default everything is admitted). */
    public void setLaunchAdmission(LaunchAdmission admission) {
        this.admission = Objects.requireNonNull(admission, "admission");
    }

    /** Launches refused by the {@link LaunchAdmission} (no free address, no such key pair), before placement. */
    public long refusedAtLaunch() {
        return refusedAtLaunch;
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
     * @return its id, or -1 if no host had room or its placement group's rules refused every
     *         host with room (counted in {@link #insufficientCapacity()})
     * @throws IllegalArgumentException if the spec names a placement group or partition that does
     *                                  not exist, or a dedicated host that does not exist
     */
    public int launch(LaunchSpec spec) {
        Objects.requireNonNull(spec, "spec");
        if (!admission.admits(spec, sim.now())) {
            refusedAtLaunch++;
            return -1;
        }
        PlacementRequest request = request(spec, spec.zone());
        return launched(spec, request, place(spec, request));
    }

    /**
     * Launches an instance now on the host named, without asking the placement policy (a GPU node
     * on the GPU host that was added for it), if that host has room and admits it.
     *
     * @return its id, or -1 if that host cannot take it (counted in {@link #insufficientCapacity()})
     * @throws IllegalArgumentException if there is no such host, or the spec names a placement group
     *                                  or partition that does not exist
     */
    public int launchOn(LaunchSpec spec, int host) {
        Objects.requireNonNull(spec, "spec");
        PlacementRequest request = request(spec, spec.zone());
        return launched(spec, request, placer.placeOn(host, request));
    }

    /** Records an instance placed on {@code host} (its resources reserved) and starts its boot; -1 if none. */
    private int launched(LaunchSpec spec, PlacementRequest request, int host) {
        if (host == PlacementPolicy.NO_HOST) {
            return -1;
        }
        Instance instance = new Instance(nextId++, spec, -1, hosts.zoneOf(host), sim.now());
        int slot = slots.acquire(instance.id());
        if (slot == bySlot.length) {
            int n = 2 * slot;
            bySlot = Arrays.copyOf(bySlot, n);
            requests = Arrays.copyOf(requests, n);
            pendingEvent = Arrays.copyOf(pendingEvent, n);
        }
        bySlot[slot] = instance;
        requests[slot] = request;
        instance.placeOn(host, hosts.zoneOf(host));
        countByState.merge(InstanceState.PENDING, 1, Integer::sum);
        pendingEvent[slot] = sim.scheduleIn(spec.ami().bootMicros(true), bootKind, instance.id(), 0);
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
        Instance instance = notTerminated(id, "stopping; stop needs running");
        if (instance.spec().ami().root() == RootDevice.INSTANCE_STORE) {
            throw new IllegalStateException("instance " + instance.instanceId()
                    + " has an instance-store root device: it cannot be stopped, only terminated");
        }
        transition(instance, InstanceState.STOPPING);
        pendingEvent[slots.slotOf(id)] = sim.scheduleIn(instance.spec().stopMicros(), stopKind, id, 0);
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
        Instance instance = notTerminated(id, "pending; start needs stopped");
        if (instance.state() != InstanceState.STOPPED) {
            throw new IllegalStateException("instance " + instance.instanceId() + " cannot go from "
                    + instance.state().apiName() + " to pending; start needs stopped");
        }
        PlacementRequest request = request(instance.spec(), instance.zone());
        int host = place(instance.spec(), request);
        if (host == PlacementPolicy.NO_HOST) {
            return false;
        }
        int slot = slots.slotOf(id);
        requests[slot] = request;
        instance.placeOn(host, hosts.zoneOf(host));
        transition(instance, InstanceState.PENDING);
        pendingEvent[slot] = sim.scheduleIn(instance.spec().ami().bootMicros(instance.boots() == 0),
                bootKind, id, 0);
        return true;
    }

    /**
     * Starts terminating a running or stopped instance.
     *
     * @throws IllegalStateException in any other state
     */
    public void terminate(int id) {
        Instance instance = notTerminated(id, "shutting-down; terminate needs running or stopped");
        InstanceState state = instance.state();
        if (state != InstanceState.RUNNING && state != InstanceState.STOPPED) {
            throw new IllegalStateException("instance " + instance.instanceId() + " cannot go from "
                    + state.apiName() + " to shutting-down; terminate needs running or stopped");
        }
        transition(instance, InstanceState.SHUTTING_DOWN);
        pendingEvent[slots.slotOf(id)] = sim.scheduleIn(instance.spec().shutdownMicros(), shutdownKind, id, 0);
    }

    /**
     * Fails a host now: it takes no new instance, and every instance on it is lost at once
     * (pending, running and shutting-down ones end terminated, a stopping one ends stopped).
     *
     * @return the number of instances lost
     */
    public int failHost(int host) {
        hosts.spec(host); // checks the host exists
        placementContext.occupancy().markFailed(host);
        // listeners may launch replacements while we go (on other hosts: this one is failed),
        // so the victims are listed first
        IntArrayList victims = new IntArrayList();
        for (int slot = 0; slot < slots.highWater(); slot++) {
            Instance instance = bySlot[slot];
            if (instance != null && instance.host() == host) {
                victims.add(instance.id());
            }
        }
        victims.sort(null); // in launch order, whatever slots were recycled
        int lost = 0;
        for (int i = 0; i < victims.size(); i++) {
            int id = victims.getInt(i);
            int slot = slots.slotOf(id);
            if (slot == DenseSlots.NONE || bySlot[slot].host() != host) {
                continue; // a listener already moved it on (stopped or terminated it)
            }
            Instance instance = bySlot[slot];
            sim.cancel(pendingEvent[slot]);
            pendingEvent[slot] = EventQueue.NO_EVENT;
            if (recover(instance, slot)) {
                continue;
            }
            boolean terminated = instance.state() != InstanceState.STOPPING;
            if (!terminated) {
                transition(instance, InstanceState.STOPPED);
            } else {
                if (instance.state() != InstanceState.SHUTTING_DOWN) {
                    transition(instance, InstanceState.SHUTTING_DOWN);
                }
                transition(instance, InstanceState.TERMINATED);
            }
            release(instance);
            if (terminated) {
                forget(instance);
            }
            lost++;
        }
        lostToHostFailure += lost;
        return lost;
    }

    /**
     * Automatic recovery of a running instance whose host failed: placed anew in its zone, back to
     * pending and booting there; false (nothing changed) when it is not recoverable or finds no room.
     */
    private boolean recover(Instance instance, int slot) {
        if (instance.state() != InstanceState.RUNNING || instance.spec().ami().root() == RootDevice.INSTANCE_STORE
                || instance.type().instanceStoreGib() > 0 || instance.spec().tenancy() == Tenancy.HOST
                || !autoRecovery.test(instance)) {
            return false;
        }
        PlacementRequest request = request(instance.spec(), instance.zone());
        int host = placer.place(request); // never the failed host: it admits nothing now
        if (host == PlacementPolicy.NO_HOST) {
            return false;
        }
        release(instance);
        requests[slot] = request;
        instance.placeOn(host, hosts.zoneOf(host));
        transition(instance, InstanceState.PENDING);
        pendingEvent[slot] = sim.scheduleIn(instance.spec().ami().bootMicros(false), bootKind, instance.id(), 0);
        recovered++;
        return true;
    }

    /**
     * Brings a failed host back: empty (its instances were lost or recovered elsewhere), it takes
     * new instances again. Repairing a host that has not failed changes nothing.
     */
    public void repairHost(int host) {
        hosts.spec(host); // checks the host exists
        placementContext.occupancy().markRepaired(host);
    }

    /**
     * Requests in progress on the CPU of the instance whose state changed last, dropped as it left
     * running: a listener reads it while told of that change (0 for a change not from running).
     */
    public int droppedByLastChange() {
        return droppedByLastChange;
    }

    /** Running instances moved to new hardware by automatic recovery when their host failed. */
    public long recovered() {
        return recovered;
    }

    /** Schedules host {@code host} to fail at time {@code at} (see {@link #failHost}). */
    public void scheduleHostFailure(int host, long at) {
        hosts.spec(host);
        sim.schedule(at, hostFailureKind, host, 0);
    }

    /** Allocates an empty host as a dedicated host of {@code tenant}. */
    public void allocateDedicatedHost(int host, int tenant) {
        hosts.spec(host);
        placementContext.occupancy().allocateHost(host, tenant);
    }

    /** Releases an empty dedicated host back to the shared pool. */
    public void releaseDedicatedHost(int host) {
        placementContext.occupancy().releaseHost(host);
    }

    /** Who occupies each host (read it; the fleet changes it). */
    public HostOccupancy occupancy() {
        return placementContext.occupancy();
    }

    /**
     * The placement groups: create groups here, then launch with
     * {@link LaunchSpec#inPlacementGroup}. Read their state; the fleet changes it.
     */
    public PlacementGroups placementGroups() {
        return placementContext.groups();
    }

    /**
     * The instance of that id, if it is not terminated.
     *
     * @throws IllegalArgumentException if no instance had that id, or it is terminated (the fleet
     *                                  forgets terminated instances; {@link #state} still answers)
     */
    public Instance instance(int id) {
        int slot = slotOf(id);
        if (slot == DenseSlots.NONE) {
            throw new IllegalArgumentException("instance " + id + " is terminated; the fleet keeps only "
                    + "instances that are not (ask state(id))");
        }
        return bySlot[slot];
    }

    /**
     * The state of instance {@code id}: that of its {@link Instance} while it is not terminated,
     * and {@link InstanceState#TERMINATED} after.
     *
     * @throws IllegalArgumentException if no instance had that id
     */
    public InstanceState state(int id) {
        int slot = slotOf(id);
        return slot == DenseSlots.NONE ? InstanceState.TERMINATED : bySlot[slot].state();
    }

    /**
     * Surplus CPU credits burstable instance {@code id} owes so far in unlimited mode, cumulative
     * ({@link CpuSharing#surplusCredits}): 0 for other instances, and once the instance is
     * terminated and its listeners have heard of it.
     */
    public double surplusCredits(int id) {
        return cpus.surplusCredits(id);
    }

    /** Instances ever launched (ids run from 0 to this, exclusive). */
    public int size() {
        return nextId;
    }

    /** Instances not yet terminated, which the fleet keeps. */
    public int liveCount() {
        return slots.size();
    }

    /** The length of the per-instance arrays: the most instances ever live at once, not ever launched. */
    int slotCapacity() {
        return bySlot.length;
    }

    /** The instance for a lifecycle request, refusing a terminated one as an illegal transition. */
    private Instance notTerminated(int id, String toAndRule) {
        int slot = slotOf(id);
        if (slot == DenseSlots.NONE) {
            throw new IllegalStateException("instance " + Instance.instanceId(id) + " cannot go from "
                    + InstanceState.TERMINATED.apiName() + " to " + toAndRule);
        }
        return bySlot[slot];
    }

    /** The slot of a known id ({@link DenseSlots#NONE} once terminated). */
    private int slotOf(int id) {
        if (id < 0 || id >= nextId) {
            throw new IllegalArgumentException("no instance " + id);
        }
        return slots.slotOf(id);
    }

    /** Instances now in {@code state}. */
    public int count(InstanceState state) {
        return countByState.get(state);
    }

    /** Launches and starts refused for want of a host with room (whatever the cause). */
    public long insufficientCapacity() {
        return placer.insufficientCapacity();
    }

    /**
     * Of the refused launches and starts, those a placement group's rules refused although a host
     * in their zone had room (see {@link Placer#refusedByGroupRules()}).
     */
    public long refusedByGroupRules() {
        return placer.refusedByGroupRules();
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
     *                               not allowed by its tenancy or placement group
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
        if (!placer.move(instance.host(), to, requests[slots.slotOf(id)])) {
            throw new IllegalStateException("instance " + instance.instanceId() + " cannot move from host "
                    + instance.host() + " to host " + to + ": not another host of its zone with room for it "
                    + "that its tenancy and placement group allow");
        }
        cpus.detach(id);
        instance.releaseHost();
        instance.placeOn(to, hosts.zoneOf(to));
        cpus.attach(id, to, profileOf(instance.spec()));
        migrations++;
    }

    private VcpuProfile profileOf(LaunchSpec spec) {
        return BurstableCpu.profile(spec.type(), spec.cpuWeight(), spec.creditMode())
                .withSpeed(cpuSpeeds.apply(spec.type()));
    }

    /** Live migrations done so far. */
    public long migrations() {
        return migrations;
    }

    private static PlacementRequest request(LaunchSpec spec, int zone) {
        InstanceType type = spec.type();
        return new PlacementRequest(type.vcpus(), type.memoryMib(), zone, spec.tenant(), spec.tenancy(),
                spec.placementGroup(), spec.partition());
    }

    private int place(LaunchSpec spec, PlacementRequest request) {
        return spec.tenancy() == Tenancy.HOST && spec.dedicatedHost() != LaunchSpec.AUTO_PLACEMENT
                ? placer.placeOn(spec.dedicatedHost(), request) : placer.place(request);
    }

    private void release(Instance instance) {
        placer.release(instance.host(), requests[slots.slotOf(instance.id())]);
        instance.releaseHost();
    }

    /**
     * Drops a terminated instance, once its listeners have heard of it, freeing its slot (here and
     * in the CPU sharing) for a later launch.
     */
    private void forget(Instance instance) {
        cpus.forget(instance.id());
        int slot = slots.release(instance.id());
        bySlot[slot] = null;
        requests[slot] = null;
        pendingEvent[slot] = EventQueue.NO_EVENT;
    }

    private void bootComplete(int id) {
        int slot = slots.slotOf(id);
        pendingEvent[slot] = EventQueue.NO_EVENT;
        transition(bySlot[slot], InstanceState.RUNNING);
    }

    private void stopComplete(int id) {
        int slot = slots.slotOf(id);
        pendingEvent[slot] = EventQueue.NO_EVENT;
        Instance instance = bySlot[slot];
        transition(instance, InstanceState.STOPPED);
        release(instance);
    }

    private void shutdownComplete(int id) {
        int slot = slots.slotOf(id);
        pendingEvent[slot] = EventQueue.NO_EVENT;
        Instance instance = bySlot[slot];
        transition(instance, InstanceState.TERMINATED);
        if (instance.host() >= 0) {
            release(instance);
        }
        forget(instance);
    }

    private void transition(Instance instance, InstanceState next) {
        InstanceState from = instance.state();
        int dropped = 0;
        instance.moveTo(next, sim.now());
        countByState.merge(from, -1, Integer::sum);
        countByState.merge(next, 1, Integer::sum);
        if (next == InstanceState.RUNNING) {
            cpus.attach(instance.id(), instance.host(), profileOf(instance.spec()));
        } else if (from == InstanceState.RUNNING) {
            dropped = cpus.detach(instance.id());
        }
        for (InstanceListener listener : listeners) {
            droppedByLastChange = dropped; // again for each: a listener may cause another change
            listener.stateChanged(instance, from, next, sim.now());
        }
    }
}
