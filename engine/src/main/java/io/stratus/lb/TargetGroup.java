package io.stratus.lb;

import io.stratus.compute.Instance;
import io.stratus.compute.InstanceListener;
import io.stratus.compute.InstanceState;
import io.stratus.hypervisor.CompletionListener;
import io.stratus.hypervisor.CpuSharing;
import io.stratus.sim.EventQueue;
import io.stratus.sim.Simulation;
import io.stratus.sim.Time;
import io.stratus.util.DenseSlots;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.ints.IntOpenHashSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A target group: the instances a listener forwards to, their health, and routing among them.
 *
 * <p>Rules (ELB): a registered target receives traffic only while {@link TargetHealth#HEALTHY};
 * a new target (or one whose instance just started running) must pass one health check first;
 * a healthy target becomes unhealthy after {@code unhealthyThreshold} failed checks in a row and
 * healthy again after {@code healthyThreshold} passes. When no target is healthy but some are
 * unhealthy, the group <em>fails open</em>: it routes over the unhealthy ones (targets still in
 * their initial check are never used). Deregistration starts <em>connection draining</em>: the
 * target leaves the rotation at once, its in-flight requests finish, and draining ends when the
 * last one completes or after the deregistration delay, whichever comes first; listeners are
 * then told {@code DRAINING -> NOT_REGISTERED}. See {@link HealthCheckSettings} for the probe
 * model.
 *
 * <p>It must be added to the fleet as an {@link InstanceListener} and to the CPUs' completions
 * as a {@link CompletionListener}. Routing a request allocates nothing.
 *
 * <p>Memory is O(registered targets), not O(instances ever registered): a target holds a recycled
 * dense slot ({@link DenseSlots}) from {@link #register} until it is {@code NOT_REGISTERED}; its
 * per-target counters ({@link #routedTo}) start again at 0 if it is registered again. A failed
 * application mark ({@link #setApplicationFailed}) is kept until the instance is terminated.
 */
public final class TargetGroup implements InstanceListener, CompletionListener {

    /** The ALB default deregistration delay. */
    public static final long DEFAULT_DEREGISTRATION_DELAY = Time.seconds(300);

    private static final TargetHealth[] HEALTH = TargetHealth.values();

    private final Simulation sim;
    private final String name;
    private final int port;
    private final CpuSharing cpus;
    private final RoutingAlgorithm routing;
    private final HealthCheckSettings check;
    private final long deregistrationDelay;
    private final int probeKind;
    private final int drainTimeoutKind;
    private final List<TargetHealthListener> listeners = new ArrayList<>();
    private TrafficFilter filter = TrafficFilter.ALLOW_ALL;

    // per-target state by dense slot (recycled once a target is NOT_REGISTERED), not by id
    private final DenseSlots slots = new DenseSlots();
    private final IntOpenHashSet applicationFailed = new IntOpenHashSet();
    private int draining;
    private byte[] health = new byte[16];
    private byte[] passes = new byte[16];
    private byte[] failures = new byte[16];
    private int[] vcpus = new int[16];
    private long[] probeEvent = new long[16];
    private long[] drainEvent = new long[16];
    private long[] routedTo = new long[16];

    private final IntArrayList healthy = new IntArrayList();
    private final IntArrayList unhealthy = new IntArrayList();
    private final View healthyView = new View(healthy);
    private final View failOpenView = new View(unhealthy);

    private long routed;
    private long failOpenRouted;
    private long refused;
    private long blocked;
    private long overloaded;
    private int maxInFlight = Integer.MAX_VALUE;

    /**
     * @param name                       a name for reports and event kinds
     * @param port                       the port the targets listen on
     * @param deregistrationDelayMicros  longest time a deregistered target drains (ALB default 300 s)
     */
    public TargetGroup(Simulation sim, String name, int port, CpuSharing cpus, RoutingAlgorithm routing,
                       HealthCheckSettings check, long deregistrationDelayMicros) {
        this.sim = Objects.requireNonNull(sim, "sim");
        this.name = Objects.requireNonNull(name, "name");
        this.port = port;
        this.cpus = Objects.requireNonNull(cpus, "cpus");
        this.routing = Objects.requireNonNull(routing, "routing");
        this.check = Objects.requireNonNull(check, "check");
        if (deregistrationDelayMicros < 0 || deregistrationDelayMicros > Time.HOUR) {
            throw new IllegalArgumentException("deregistration delay must be 0 to 3600s, got "
                    + Time.format(deregistrationDelayMicros));
        }
        this.deregistrationDelay = deregistrationDelayMicros;
        this.probeKind = sim.registerKind(name + "/health-check", (id, d) -> probe(id));
        this.drainTimeoutKind = sim.registerKind(name + "/drain-timeout", (id, d) -> finishDraining(id));
    }

    /** Adds a listener of health changes. */
    public void addHealthListener(TargetHealthListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /**
     * Bounds the requests in progress on one target's CPUs (default: unbounded): a request routed
     * to a target that already has {@code max} is refused and counted in {@link #overloaded()}, as
     * a server whose accept backlog is full refuses a connection. It keeps an overloaded run's
     * memory bounded; routing is not retried on another target.
     */
    public void setMaxInFlight(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("max in flight per target must be at least 1, got " + max);
        }
        this.maxInFlight = max;
    }

    /** Replaces the network's traffic filter (default: allow all). */
    public void setTrafficFilter(TrafficFilter filter) {
        this.filter = Objects.requireNonNull(filter, "filter");
    }

    /** The group's name. */
    public String name() {
        return name;
    }

    /** The targets' port. */
    public int port() {
        return port;
    }

    /** The routing algorithm. */
    public RoutingAlgorithm routing() {
        return routing;
    }

    /** Registers instance {@code id}; it gets traffic once running and past one health check. */
    public void register(int id) {
        if (id < 0) {
            throw new IllegalArgumentException("no instance " + id);
        }
        TargetHealth h = health(id);
        if (h != TargetHealth.NOT_REGISTERED) {
            throw new IllegalStateException(name + ": instance " + id + " is already registered (" + h.apiName() + ")");
        }
        int slot = slots.acquire(id);
        ensure(slot);
        health[slot] = (byte) TargetHealth.NOT_REGISTERED.ordinal();
        passes[slot] = 0;
        failures[slot] = 0;
        vcpus[slot] = 0;
        probeEvent[slot] = EventQueue.NO_EVENT;
        drainEvent[slot] = EventQueue.NO_EVENT;
        routedTo[slot] = 0;
        if (cpus.isAttached(id)) {
            startChecking(id);
        } else {
            set(id, TargetHealth.UNUSED);
        }
    }

    /**
     * Deregisters instance {@code id}: no new requests; it drains (see the class comment) and is
     * announced {@code NOT_REGISTERED} when done, possibly at once.
     */
    public void deregister(int id) {
        TargetHealth h = health(id);
        switch (h) {
            case NOT_REGISTERED:
            case DRAINING:
                return;
            case UNUSED:
                set(id, TargetHealth.NOT_REGISTERED);
                return;
            default:
                leaveRotation(id, h);
                int slot = slots.slotOf(id);
                sim.cancel(probeEvent[slot]);
                probeEvent[slot] = EventQueue.NO_EVENT;
                set(id, TargetHealth.DRAINING);
                if (!cpus.isAttached(id) || cpus.active(id) == 0) {
                    set(id, TargetHealth.NOT_REGISTERED);
                } else {
                    drainEvent[slot] = sim.scheduleIn(deregistrationDelay, drainTimeoutKind, id, 0);
                }
        }
    }

    /**
     * Marks the application on instance {@code id} as failed (or recovered): its health checks
     * fail while the instance keeps running (until it is terminated). Models a crashed or hung
     * web server.
     */
    public void setApplicationFailed(int id, boolean failed) {
        if (id < 0) {
            throw new IllegalArgumentException("no instance " + id);
        }
        if (failed) {
            applicationFailed.add(id);
        } else {
            applicationFailed.remove(id);
        }
    }

    /** The health of instance {@code id} in this group. */
    public TargetHealth health(int id) {
        int slot = slots.slotOf(id);
        return slot == DenseSlots.NONE ? TargetHealth.NOT_REGISTERED : HEALTH[health[slot]];
    }

    /** Targets holding a slot now: registered, in any health but {@code NOT_REGISTERED}. */
    public int registeredCount() {
        return slots.size();
    }

    /** The length of the per-target arrays: the most targets ever registered at once. */
    public int slotCapacity() {
        return health.length;
    }

    /** Targets in rotation (healthy). */
    public int healthyCount() {
        return healthy.size();
    }

    /** Running targets that are unhealthy (the fail-open pool). */
    public int unhealthyCount() {
        return unhealthy.size();
    }

    /**
     * Routes one request of {@code workMicros} CPU work to a target.
     *
     * @return false if no target could take it (refused), the traffic filter blocked it, or the
     *         chosen target already had its maximum in flight (overloaded)
     */
    public boolean route(long workMicros) {
        View view;
        if (!healthy.isEmpty()) {
            view = healthyView;
        } else if (!unhealthy.isEmpty()) {
            view = failOpenView;
            failOpenRouted++;
        } else {
            refused++;
            return false;
        }
        int id = view.target(routing.choose(view));
        if (!filter.allows(id, port)) {
            blocked++;
            return false;
        }
        if (cpus.active(id) >= maxInFlight) {
            overloaded++;
            return false;
        }
        cpus.submit(id, workMicros);
        routedTo[slots.slotOf(id)]++;
        routed++;
        return true;
    }

    /** Requests sent to targets so far. */
    public long routed() {
        return routed;
    }

    /** Requests sent to instance {@code id} so far. */
    public long routedTo(int id) {
        int slot = slots.slotOf(id);
        return slot == DenseSlots.NONE ? 0 : routedTo[slot];
    }

    /** Of {@link #routed()}, those sent while failing open. */
    public long failOpenRouted() {
        return failOpenRouted;
    }

    /** Requests refused for want of any usable target. */
    public long refused() {
        return refused;
    }

    /** Requests refused because their target already had its maximum in flight ({@link #setMaxInFlight}). */
    public long overloaded() {
        return overloaded;
    }

    /** Requests the traffic filter blocked (on AWS the client would see a timeout). */
    public long blocked() {
        return blocked;
    }

    @Override
    public void stateChanged(Instance instance, InstanceState from, InstanceState to, long now) {
        int id = instance.id();
        if (to == InstanceState.TERMINATED) {
            applicationFailed.remove(id);
        }
        TargetHealth h = health(id);
        if (h == TargetHealth.NOT_REGISTERED) {
            return;
        }
        if (to == InstanceState.RUNNING && h == TargetHealth.UNUSED) {
            int slot = slots.slotOf(id);
            passes[slot] = 0;
            failures[slot] = 0;
            startChecking(id);
        } else if (from == InstanceState.RUNNING) {
            if (h == TargetHealth.DRAINING) {
                finishDraining(id);
            } else {
                leaveRotation(id, h);
                int slot = slots.slotOf(id);
                sim.cancel(probeEvent[slot]);
                probeEvent[slot] = EventQueue.NO_EVENT;
                set(id, TargetHealth.UNUSED);
            }
        }
    }

    @Override
    public void completed(int instance, long arrivalTime, long now) {
        if (draining == 0) {
            return; // nothing to finish: no lookup per completion
        }
        int slot = slots.slotOf(instance);
        if (slot != DenseSlots.NONE && health[slot] == TargetHealth.DRAINING.ordinal()
                && cpus.active(instance) == 0) {
            finishDraining(instance);
        }
    }

    private void startChecking(int id) {
        int slot = slots.slotOf(id);
        vcpus[slot] = cpus.vcpus(id);
        set(id, TargetHealth.INITIAL);
        probeEvent[slot] = sim.schedule(sim.now(), probeKind, id, 0);
    }

    private void probe(int id) {
        int slot = slots.slotOf(id);
        if (slot == DenseSlots.NONE) {
            return; // deregistered meanwhile (its probe is cancelled; this is a stale firing)
        }
        probeEvent[slot] = EventQueue.NO_EVENT;
        TargetHealth h = HEALTH[health[slot]];
        boolean pass = cpus.isAttached(id) && !applicationFailed.contains(id) && filter.allows(id, port)
                && check.answersInTime(cpus.active(id), vcpus[slot]);
        if (pass) {
            failures[slot] = 0;
            passes[slot] = (byte) Math.min(passes[slot] + 1, 100);
            if (h == TargetHealth.INITIAL
                    || (h == TargetHealth.UNHEALTHY && passes[slot] >= check.healthyThreshold())) {
                leaveRotation(id, h);
                healthy.add(id);
                set(id, TargetHealth.HEALTHY);
            }
        } else {
            passes[slot] = 0;
            failures[slot] = (byte) Math.min(failures[slot] + 1, 100);
            if (h == TargetHealth.HEALTHY && failures[slot] >= check.unhealthyThreshold()
                    || h == TargetHealth.INITIAL && failures[slot] >= check.unhealthyThreshold()) {
                leaveRotation(id, h);
                unhealthy.add(id);
                set(id, TargetHealth.UNHEALTHY);
            }
        }
        // a health listener may have deregistered it (and registered it again, with its own probe)
        if (slots.slotOf(id) == slot && probeEvent[slot] == EventQueue.NO_EVENT && isChecked(HEALTH[health[slot]])) {
            probeEvent[slot] = sim.scheduleIn(check.intervalMicros(), probeKind, id, 0);
        }
    }

    private static boolean isChecked(TargetHealth h) {
        return h == TargetHealth.INITIAL || h == TargetHealth.HEALTHY || h == TargetHealth.UNHEALTHY;
    }

    private void finishDraining(int id) {
        if (health(id) != TargetHealth.DRAINING) {
            return;
        }
        int slot = slots.slotOf(id);
        sim.cancel(drainEvent[slot]);
        drainEvent[slot] = EventQueue.NO_EVENT;
        set(id, TargetHealth.NOT_REGISTERED);
    }

    private void leaveRotation(int id, TargetHealth h) {
        if (h == TargetHealth.HEALTHY) {
            healthy.rem(id);
        } else if (h == TargetHealth.UNHEALTHY) {
            unhealthy.rem(id);
        }
    }

    /** Sets a registered target's health; {@code NOT_REGISTERED} frees its slot (listeners are told after). */
    private void set(int id, TargetHealth to) {
        int slot = slots.slotOf(id);
        TargetHealth from = HEALTH[health[slot]];
        health[slot] = (byte) to.ordinal();
        if (from == TargetHealth.DRAINING) {
            draining--;
        }
        if (to == TargetHealth.DRAINING) {
            draining++;
        }
        if (to == TargetHealth.NOT_REGISTERED) {
            slots.release(id);
        }
        if (from != to) {
            long now = sim.now();
            for (int i = 0; i < listeners.size(); i++) {
                listeners.get(i).healthChanged(id, from, to, now);
            }
        }
    }

    private void ensure(int slot) {
        if (slot >= health.length) {
            int n = Math.max(slot + 1, health.length * 2);
            health = Arrays.copyOf(health, n);
            passes = Arrays.copyOf(passes, n);
            failures = Arrays.copyOf(failures, n);
            vcpus = Arrays.copyOf(vcpus, n);
            probeEvent = Arrays.copyOf(probeEvent, n);
            drainEvent = Arrays.copyOf(drainEvent, n);
            routedTo = Arrays.copyOf(routedTo, n);
        }
    }

    /** The candidates of one routing pool, read in place. */
    private final class View implements RoutingAlgorithm.Candidates {
        private final IntArrayList ids;

        View(IntArrayList ids) {
            this.ids = ids;
        }

        @Override
        public int size() {
            return ids.size();
        }

        @Override
        public int target(int i) {
            return ids.getInt(i);
        }

        @Override
        public int outstanding(int i) {
            return cpus.active(ids.getInt(i));
        }
    }
}
