package io.stratus.scaling;

import io.stratus.compute.Fleet;
import io.stratus.compute.Instance;
import io.stratus.compute.InstanceListener;
import io.stratus.compute.InstanceState;
import io.stratus.compute.InstanceType;
import io.stratus.compute.InstancesDistribution;
import io.stratus.compute.PurchaseOption;
import io.stratus.lb.TargetGroup;
import io.stratus.lb.TargetHealth;
import io.stratus.lb.TargetHealthListener;
import io.stratus.sim.Simulation;
import io.stratus.sim.Time;
import io.stratus.spot.AllocationStrategy;
import io.stratus.spot.SpotInterruptionListener;
import io.stratus.spot.SpotPoolView;
import it.unimi.dsi.fastutil.ints.Int2ObjectLinkedOpenHashMap;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;

/**
 * An EC2 Auto Scaling group: keeps the number of its live instances (pending or in service) at
 * the desired capacity, which stays within [min, max], and applies its policies' decisions.
 *
 * <p>Behaviour, following AWS:
 * <ul>
 *   <li><b>Launch</b>: into the group zone with the fewest live instances (ties: lowest index),
 *       then the others; purchase option from the {@link InstancesDistribution} over the group's
 *       live instances, written on the launch spec (pricing and the spot market only read it);
 *       instance types in priority order (on-demand); for spot, the pool its
 *       {@link MixedInstancesPolicy}'s {@link AllocationStrategy} chooses among the types in that
 *       zone when the group reads a spot market's pools ({@link #useMixedInstances}), else the types
 *       in rotation; the next type tried when a host has no room. With weights, capacity is counted
 *       in units ({@link MixedInstancesPolicy}), and a launch may overshoot the desired capacity
 *       while a scale-in stops before going under it, as EC2 does. A launch that finds no room anywhere is retried every
 *       {@link #LAUNCH_RETRY}. New instances are registered with the target groups at once
 *       (they get traffic after passing a health check).</li>
 *   <li><b>Terminate</b> (scale-in): as EC2 does for a mixed instances group, the purchase option
 *       first ({@link InstancesDistribution#toTerminate}: the one whose removal keeps the
 *       distribution, so the on-demand base survives every scale-in), then, among instances of
 *       that option, the zone with the most live instances, then the oldest (EC2 then prefers the
 *       instance closest to its next billing hour, which per-second billing makes moot).
 *       It is deregistered from every target group and terminated once all have drained.</li>
 *   <li><b>Health</b>: an instance that stops running without the group asking (a spot
 *       interruption, a failure) is replaced; with ELB health checks, an in-service instance
 *       that a target group marks unhealthy after the grace period is terminated and replaced.</li>
 *   <li><b>Capacity rebalancing</b> (when {@link GroupSettings#capacityRebalance()}): at a spot
 *       instance's rebalance recommendation or interruption notice, a replacement is launched
 *       first; the old instance is terminated when a new instance enters service (so live
 *       instances may exceed max briefly), or reclaimed by EC2 if that comes first (Amazon EC2 Auto
 *       Scaling User Guide, "Use Capacity Rebalancing to handle Amazon EC2 Spot Interruptions").
 *       Without it, the group hears nothing until the reclaim, and replaces the lost instance
 *       then. The group learns of both signals as a {@link SpotInterruptionListener} of the run's
 *       {@link io.stratus.spot.SpotMarket}.</li>
 *   <li><b>Cooldown</b>: every change of desired capacity is an activity; it completes when the
 *       instances it launched enter service (at once for a scale-in), and the cooldown runs from
 *       then. Only simple scaling waits for it.</li>
 *   <li><b>Warm-up</b>: an instance in service less than {@code instanceWarmup} ago, or pending,
 *       is warming: not counted in the group's metrics.</li>
 * </ul>
 * It must be added to the fleet as an {@link InstanceListener} (it does so itself).
 */
public final class AutoScalingGroup implements GroupView, InstanceListener, TargetHealthListener,
        SpotInterruptionListener {

    /** Wait before retrying launches that found no capacity. */
    public static final long LAUNCH_RETRY = Time.seconds(60);

    private enum Phase { PENDING, IN_SERVICE, TO_REPLACE, TERMINATING }

    private static final class Member {
        final int id;
        final int zone;
        final PurchaseOption option;
        final int typeIndex;
        final int weight;
        final long launchTime;
        Phase phase = Phase.PENDING;
        long inServiceSince = -1;
        boolean partOfActivity;
        int draining;

        Member(int id, int zone, PurchaseOption option, int typeIndex, int weight, long launchTime) {
            this.id = id;
            this.zone = zone;
            this.option = option;
            this.typeIndex = typeIndex;
            this.weight = weight;
            this.launchTime = launchTime;
        }
    }

    private final Simulation sim;
    private final String name;
    private final Fleet fleet;
    private final GroupSettings settings;
    private final LaunchTemplate template;
    private final InstancesDistribution distribution;
    private final List<TargetGroup> targetGroups;
    private final Int2ObjectLinkedOpenHashMap<Member> members = new Int2ObjectLinkedOpenHashMap<>();
    // ids the group launched, and which of them as spot: the fleet forgets terminated instances
    private final BitSet launchedIds = new BitSet();
    private final BitSet spotIds = new BitSet();
    private final ArrayDeque<Member> toReplace = new ArrayDeque<>();
    private final List<ScalingPolicy> policies = new ArrayList<>();
    private final List<ScalingActivityListener> activityListeners = new ArrayList<>();
    private final int retryKind;
    private final int scheduledKind;
    private final int terminateKind;
    private int minSize;
    private int maxSize;
    private int desired;
    private int activityPending;
    private long cooldownEnds;
    private long failedActions;
    private boolean retryPending;
    private int spotCursor;
    private MixedInstancesPolicy mixed;
    private SpotPoolView pools;
    // scratch of a spot pool choice, one slot per type: no allocation per launch
    private final double[] unitPrice;
    private final double[] depth;
    private final int[] units;
    private final boolean[] allowed;
    private long launches;
    private long launchFailures;
    private long healthReplacements;
    private long lostInstances;
    private long rebalanceReplacements;

    /**
     * @param targetGroups the target groups its instances are registered with (may be empty)
     */
    public AutoScalingGroup(Simulation sim, String name, Fleet fleet, GroupSettings settings, LaunchTemplate template,
                            InstancesDistribution distribution, List<TargetGroup> targetGroups) {
        this.sim = Objects.requireNonNull(sim, "sim");
        this.name = Objects.requireNonNull(name, "name");
        this.fleet = Objects.requireNonNull(fleet, "fleet");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.template = Objects.requireNonNull(template, "template");
        this.distribution = Objects.requireNonNull(distribution, "distribution");
        this.targetGroups = List.copyOf(targetGroups);
        this.minSize = settings.minSize();
        this.maxSize = settings.maxSize();
        this.desired = settings.desiredCapacity();
        this.cooldownEnds = sim.now();
        int types = template.types().size();
        this.mixed = MixedInstancesPolicy.unweighted(types, AllocationStrategy.PRICE_CAPACITY_OPTIMIZED);
        this.unitPrice = new double[types];
        this.depth = new double[types];
        this.units = new int[types];
        this.allowed = new boolean[types];
        this.retryKind = sim.registerKind(name + "/launch-retry", (s, d) -> {
            retryPending = false;
            reconcile();
        });
        this.scheduledKind = sim.registerKind(name + "/scheduled-policy", (s, d) -> scheduledPolicy(s));
        this.terminateKind = sim.registerKind(name + "/terminate", (id, d) -> {
            if (fleet.state(id) == InstanceState.RUNNING) {
                fleet.terminate(id);
            }
        });
        fleet.addListener(this);
        for (TargetGroup tg : this.targetGroups) {
            tg.addHealthListener(this);
        }
    }

    /**
     * Gives the group instance weights and a spot allocation strategy over the spot market's
     * {@code pools} (null: spot launches rotate over the types); call before {@link #start}.
     */
    public void useMixedInstances(MixedInstancesPolicy policy, SpotPoolView pools) {
        if (policy.weights().size() != template.types().size()) {
            throw new IllegalArgumentException(name + ": " + policy.weights().size() + " weights for "
                    + template.types().size() + " instance types");
        }
        this.mixed = policy;
        this.pools = pools;
    }

    /** Launches the initial desired capacity. */
    public void start() {
        reconcile();
    }

    /** The group's name. */
    public String name() {
        return name;
    }

    /** Adds a policy; its trigger is wired now. */
    public void addPolicy(ScalingPolicy policy) {
        Objects.requireNonNull(policy, "policy");
        policies.add(policy);
        Trigger trigger = policy.trigger();
        if (trigger instanceof Trigger.EveryDatapoint t) {
            t.metric().addListener((metric, d) -> apply(policy, policy.decide(this, sim.now())));
        } else if (trigger instanceof Trigger.WhileInAlarm t) {
            t.alarm().whileInAlarm((alarm, state, now) -> apply(policy, policy.decide(this, sim.now())));
        } else if (trigger instanceof Trigger.AtTimes t) {
            scheduleNext(policies.size() - 1, t.schedule(), sim.now());
        }
    }

    /** Adds a listener of scaling activities. */
    public void addActivityListener(ScalingActivityListener listener) {
        activityListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /**
     * Sets the desired capacity (the SetDesiredCapacity API).
     *
     * @throws IllegalArgumentException outside [min, max]
     */
    public void setDesiredCapacity(int capacity) {
        if (capacity < minSize || capacity > maxSize) {
            throw new IllegalArgumentException(name + ": desired capacity " + capacity + " is outside [" + minSize
                    + ", " + maxSize + "]");
        }
        changeDesired(capacity, "manual");
    }

    /** A spot instance of the group got a rebalance recommendation (capacity rebalancing acts on it). */
    public void rebalanceRecommendation(int id) {
        Member m = members.get(id);
        if (m == null || !settings.capacityRebalance() || m.option != PurchaseOption.SPOT
                || (m.phase != Phase.PENDING && m.phase != Phase.IN_SERVICE)) {
            return;
        }
        m.phase = Phase.TO_REPLACE;
        toReplace.add(m);
        rebalanceReplacements++;
        reconcile();
    }

    /** A spot instance of the group got its two-minute interruption notice (capacity rebalancing acts on it). */
    public void interruptionNotice(int id) {
        rebalanceRecommendation(id);
    }

    @Override
    public void rebalanceRecommended(Instance instance, long now) {
        rebalanceRecommendation(instance.id());
    }

    @Override
    public void noticed(Instance instance, long reclaimAt, long now) {
        interruptionNotice(instance.id());
    }

    /** Whether instance {@code id} belongs to the group (from launch until terminated). */
    public boolean isMember(int id) {
        return members.containsKey(id);
    }

    /**
     * How instance {@code id} is bought (the option written on its launch spec, which pricing
     * reads); known for every instance the group ever launched, terminated ones included (two bits
     * per instance id, since the fleet forgets terminated instances).
     */
    public PurchaseOption purchaseOption(int id) {
        if (id < 0 || !launchedIds.get(id)) {
            throw new IllegalArgumentException(name + ": instance " + id + " was not launched by this group");
        }
        return spotIds.get(id) ? PurchaseOption.SPOT : PurchaseOption.ON_DEMAND;
    }

    /** Whether member {@code id} is warming (pending, or in service for less than the warm-up). */
    public boolean isWarming(int id) {
        Member m = members.get(id);
        return m != null && warming(m, sim.now());
    }

    /** Whether member {@code id} is in service (running and not leaving). */
    public boolean isInService(int id) {
        Member m = members.get(id);
        return m != null && (m.phase == Phase.IN_SERVICE || m.phase == Phase.TO_REPLACE);
    }

    /** The members in service, in launch order. */
    public IntArrayList inServiceIds() {
        IntArrayList ids = new IntArrayList();
        for (Member m : members.values()) {
            if (m.phase == Phase.IN_SERVICE || m.phase == Phase.TO_REPLACE) {
                ids.add(m.id);
            }
        }
        return ids;
    }

    /** Live capacity units (instances when unweighted): pending or in service, not leaving nor being replaced. */
    public int liveCount() {
        int n = 0;
        for (Member m : members.values()) {
            if (m.phase == Phase.PENDING || m.phase == Phase.IN_SERVICE) {
                n += m.weight;
            }
        }
        return n;
    }

    /** Members of every phase, including those shutting down. */
    public int memberCount() {
        return members.size();
    }

    /** Live capacity units bought with {@code option}. */
    public int liveCount(PurchaseOption option) {
        int n = 0;
        for (Member m : members.values()) {
            if ((m.phase == Phase.PENDING || m.phase == Phase.IN_SERVICE) && m.option == option) {
                n += m.weight;
            }
        }
        return n;
    }

    /** Instances launched so far. */
    public long launches() {
        return launches;
    }

    /** Launch attempts that found no capacity. */
    public long launchFailures() {
        return launchFailures;
    }

    /** Instances replaced because a target group found them unhealthy. */
    public long healthReplacements() {
        return healthReplacements;
    }

    /**
     * Policy decisions refused because they would leave min above max (a scheduled action that
     * sets only min above the current max, say); AWS fails them and changes nothing.
     */
    public long failedActions() {
        return failedActions;
    }

    /** Instances that stopped running without the group asking (interruptions, failures). */
    public long lostInstances() {
        return lostInstances;
    }

    /** Spot instances capacity rebalancing decided to replace before EC2 reclaimed them. */
    public long rebalanceReplacements() {
        return rebalanceReplacements;
    }

    @Override
    public int minSize() {
        return minSize;
    }

    @Override
    public int maxSize() {
        return maxSize;
    }

    @Override
    public int desiredCapacity() {
        return desired;
    }

    @Override
    public int inServiceCount() {
        int n = 0;
        for (Member m : members.values()) {
            if (m.phase == Phase.IN_SERVICE || m.phase == Phase.TO_REPLACE) {
                n += m.weight;
            }
        }
        return n;
    }

    @Override
    public int warmingCount() {
        long now = sim.now();
        int n = 0;
        for (Member m : members.values()) {
            if (m.phase != Phase.TERMINATING && warming(m, now)) {
                n += m.weight;
            }
        }
        return n;
    }

    @Override
    public int countedCount() {
        long now = sim.now();
        int n = 0;
        for (Member m : members.values()) {
            if ((m.phase == Phase.IN_SERVICE || m.phase == Phase.TO_REPLACE) && !warming(m, now)) {
                n += m.weight;
            }
        }
        return n;
    }

    @Override
    public long cooldownEnds() {
        return activityPending > 0 ? Long.MAX_VALUE : cooldownEnds;
    }

    private boolean warming(Member m, long now) {
        return m.phase == Phase.PENDING || now < Time.plus(m.inServiceSince, settings.instanceWarmup());
    }

    private void apply(ScalingPolicy policy, ScalingDecision d) {
        if (d == ScalingDecision.NONE || d.equals(ScalingDecision.NONE)) {
            return;
        }
        int newMin = d.minSize() == ScalingDecision.UNCHANGED ? minSize : d.minSize();
        int newMax = d.maxSize() == ScalingDecision.UNCHANGED ? maxSize : d.maxSize();
        if (newMin > newMax) {
            failedActions++; // AWS fails such an action and changes nothing
            return;
        }
        minSize = newMin;
        maxSize = newMax;
        int wanted = d.desiredCapacity() == ScalingDecision.UNCHANGED ? desired : d.desiredCapacity();
        changeDesired(Math.max(minSize, Math.min(maxSize, wanted)), policy.name());
    }

    private void changeDesired(int capacity, String cause) {
        if (capacity == desired) {
            return;
        }
        int from = desired;
        desired = capacity;
        activityPending = 0;
        for (Member m : members.values()) {
            m.partOfActivity = false;
        }
        reconcile(true);
        for (Member m : members.values()) {
            if (m.partOfActivity) {
                activityPending++;
            }
        }
        if (activityPending == 0) {
            cooldownEnds = Time.plus(sim.now(), settings.defaultCooldown());
        }
        long now = sim.now();
        for (ScalingActivityListener l : activityListeners) {
            l.activity(now, from, capacity, cause);
        }
    }

    private void reconcile() {
        reconcile(false);
    }

    private void reconcile(boolean activity) {
        int live = liveCount();
        while (live < desired) {
            Member m = launchOne();
            if (m == null) {
                if (!retryPending) {
                    retryPending = true;
                    sim.scheduleIn(LAUNCH_RETRY, retryKind, 0, 0);
                }
                break;
            }
            m.partOfActivity = activity;
            live += m.weight;
        }
        if (live > desired) {
            // mark every victim before terminating any, so listeners never see a half-done scale-in
            List<Member> victims = new ArrayList<>();
            List<Boolean> wasPending = new ArrayList<>();
            while (live > desired) {
                Member victim = chooseVictim();
                if (live - victim.weight < desired) {
                    break; // weighted: never under the desired capacity
                }
                live -= victim.weight;
                wasPending.add(victim.phase == Phase.PENDING);
                markTerminating(victim);
                victims.add(victim);
            }
            for (int i = 0; i < victims.size(); i++) {
                if (!wasPending.get(i)) {
                    deregisterAndTerminate(victims.get(i));
                }
            }
        }
    }

    private Member launchOne() {
        PurchaseOption option = distribution.toLaunch(liveCount(), liveCount(PurchaseOption.ON_DEMAND));
        List<InstanceType> types = template.types();
        boolean byPool = option == PurchaseOption.SPOT && pools != null;
        int first = option == PurchaseOption.SPOT && !byPool ? Math.floorMod(spotCursor++, types.size()) : 0;
        for (int zone : zonesByLiveCount()) {
            if (byPool) {
                readPools(zone);
            }
            for (int k = 0; k < types.size(); k++) {
                int t = byPool ? mixed.spotAllocation().choose(unitPrice, depth, units, allowed, types.size())
                        : (first + k) % types.size();
                if (t < 0) {
                    break;
                }
                allowed[t] = false;
                Member m = tryLaunch(t, zone, option);
                if (m != null) {
                    return m;
                }
            }
        }
        launchFailures++;
        return null;
    }

    /** Fills the choice scratch with each type's pool in {@code zone}: price per unit, depth, the group's spot units. */
    private void readPools(int zone) {
        List<InstanceType> types = template.types();
        long now = sim.now();
        for (int t = 0; t < types.size(); t++) {
            unitPrice[t] = pools.usdPerHour(types.get(t), zone, now) / mixed.weights().get(t);
            depth[t] = pools.depth(types.get(t), zone, now);
            units[t] = 0;
            allowed[t] = true;
        }
        for (Member m : members.values()) {
            if ((m.phase == Phase.PENDING || m.phase == Phase.IN_SERVICE) && m.option == PurchaseOption.SPOT
                    && m.zone == zone) {
                units[m.typeIndex] += m.weight;
            }
        }
    }

    private Member tryLaunch(int typeIndex, int zone, PurchaseOption option) {
        InstanceType type = template.types().get(typeIndex);
        int id = fleet.launch(template.specFor(type, zone, name).withPurchase(option));
        if (id < 0) {
            return null;
        }
        Member m = new Member(id, zone, option, typeIndex, mixed.weights().get(typeIndex), sim.now());
        members.put(id, m);
        launchedIds.set(id);
        spotIds.set(id, option == PurchaseOption.SPOT);
        launches++;
        for (TargetGroup tg : targetGroups) {
            tg.register(id);
        }
        return m;
    }

    private int[] zonesByLiveCount() {
        List<Integer> zones = settings.zones();
        int[] count = new int[zones.size()];
        for (Member m : members.values()) {
            if (m.phase == Phase.PENDING || m.phase == Phase.IN_SERVICE) {
                int i = zones.indexOf(m.zone);
                if (i >= 0) {
                    count[i] += m.weight;
                }
            }
        }
        Integer[] order = new Integer[zones.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> count[a] != count[b] ? Integer.compare(count[a], count[b])
                : Integer.compare(a, b));
        int[] result = new int[order.length];
        for (int i = 0; i < order.length; i++) {
            result[i] = zones.get(order[i]);
        }
        return result;
    }

    private Member chooseVictim() {
        PurchaseOption option = distribution.toTerminate(liveCount(), liveCount(PurchaseOption.ON_DEMAND));
        List<Integer> zones = settings.zones();
        int[] count = new int[zones.size()];
        boolean[] holdsOption = new boolean[zones.size()];
        for (Member m : members.values()) {
            if (m.phase == Phase.PENDING || m.phase == Phase.IN_SERVICE) {
                int z = Math.max(0, zones.indexOf(m.zone));
                count[z] += m.weight;
                holdsOption[z] |= m.option == option;
            }
        }
        int zone = -1;
        for (int i = 0; i < count.length; i++) {
            if (holdsOption[i] && (zone < 0 || count[i] > count[zone])) {
                zone = i;
            }
        }
        Member best = null;
        for (Member m : members.values()) {
            if ((m.phase != Phase.PENDING && m.phase != Phase.IN_SERVICE) || m.option != option
                    || Math.max(0, zones.indexOf(m.zone)) != zone) {
                continue;
            }
            if (best == null || m.launchTime < best.launchTime || m.launchTime == best.launchTime && m.id < best.id) {
                best = m;
            }
        }
        return best;
    }

    private void beginTermination(Member m) {
        boolean wasPending = m.phase == Phase.PENDING;
        markTerminating(m);
        if (!wasPending) { // a pending instance cannot be terminated: it is when it starts running
            deregisterAndTerminate(m);
        }
    }

    private void markTerminating(Member m) {
        m.phase = Phase.TERMINATING;
        if (m.partOfActivity) {
            m.partOfActivity = false;
            activityDone(m);
        }
    }

    private void deregisterAndTerminate(Member m) {
        m.draining = 1; // held until every target group has been asked, so an immediate drain cannot end it early
        for (TargetGroup tg : targetGroups) {
            TargetHealth h = tg.health(m.id);
            if (h == TargetHealth.INITIAL || h == TargetHealth.HEALTHY || h == TargetHealth.UNHEALTHY) {
                m.draining++;
            }
            tg.deregister(m.id);
        }
        if (--m.draining == 0) {
            terminateIfRunning(m);
        }
    }

    /**
     * Terminates at once, but as an event of its own: this is often reached from inside another
     * lifecycle or health notification, and a nested state change would reach the remaining
     * listeners of that notification before the change they are being told about.
     */
    private void terminateIfRunning(Member m) {
        sim.schedule(sim.now(), terminateKind, m.id, 0);
    }

    private void activityDone(Member m) {
        if (activityPending > 0 && --activityPending == 0) {
            cooldownEnds = Time.plus(sim.now(), settings.defaultCooldown());
        }
    }

    @Override
    public void healthChanged(int instance, TargetHealth from, TargetHealth to, long now) {
        Member m = members.get(instance);
        if (m == null) {
            return;
        }
        if (from == TargetHealth.DRAINING && to == TargetHealth.NOT_REGISTERED && m.phase == Phase.TERMINATING) {
            if (--m.draining == 0) {
                terminateIfRunning(m);
            }
        } else if (to == TargetHealth.UNHEALTHY && settings.healthCheckType() == HealthCheckType.ELB
                && m.phase == Phase.IN_SERVICE && now >= Time.plus(m.inServiceSince, settings.healthCheckGrace())) {
            healthReplacements++;
            beginTermination(m);
            reconcile();
        }
    }

    @Override
    public void stateChanged(Instance instance, InstanceState from, InstanceState to, long now) {
        Member m = members.get(instance.id());
        if (m == null) {
            return;
        }
        if (to == InstanceState.RUNNING) {
            if (m.phase == Phase.TERMINATING) {
                deregisterAndTerminate(m);
                return;
            }
            m.inServiceSince = now;
            if (m.partOfActivity) {
                m.partOfActivity = false;
                activityDone(m);
            }
            if (m.phase == Phase.PENDING) {
                m.phase = Phase.IN_SERVICE;
                Member old = toReplace.poll();
                if (old != null) {
                    beginTermination(old);
                }
            }
        } else if (to == InstanceState.SHUTTING_DOWN && m.phase != Phase.TERMINATING) {
            lostInstances++;
            toReplace.remove(m);
            boolean wasLive = m.phase != Phase.TO_REPLACE;
            m.phase = Phase.TERMINATING;
            for (TargetGroup tg : targetGroups) {
                tg.deregister(m.id);
            }
            if (wasLive) {
                reconcile();
            }
        } else if (to == InstanceState.TERMINATED) {
            members.remove(instance.id());
        }
    }

    private void scheduleNext(int policyIndex, Schedule schedule, long from) {
        long next = schedule.nextAtOrAfter(from);
        if (next != Long.MAX_VALUE) {
            sim.schedule(next, scheduledKind, policyIndex, 0);
        }
    }

    private void scheduledPolicy(int policyIndex) {
        ScalingPolicy policy = policies.get(policyIndex);
        apply(policy, policy.decide(this, sim.now()));
        scheduleNext(policyIndex, ((Trigger.AtTimes) policy.trigger()).schedule(), Time.plus(sim.now(), 1));
    }
}
