package io.stratus.run;

import io.stratus.compute.Fleet;
import io.stratus.compute.Instance;
import io.stratus.compute.InstanceState;
import io.stratus.compute.InstanceType;
import io.stratus.compute.InstancesDistribution;
import io.stratus.hypervisor.CpuSharing;
import io.stratus.lb.TargetGroup;
import io.stratus.monitor.CloudWatch;
import io.stratus.monitor.Statistic;
import io.stratus.scaling.AutoScalingGroup;
import io.stratus.scaling.FixedFleet;
import io.stratus.scaling.GroupMetrics;
import io.stratus.scaling.GroupSettings;
import io.stratus.scaling.HealthCheckType;
import io.stratus.scaling.LaunchTemplate;
import io.stratus.scaling.MixedInstancesPolicy;
import io.stratus.scaling.PredictiveScalingPolicy;
import io.stratus.scaling.TargetTrackingPolicy;
import io.stratus.scenario.AutoScalingConfig;
import io.stratus.scenario.MixedInstancesConfig;
import io.stratus.scenario.ServiceConfig;
import io.stratus.sim.Simulation;
import io.stratus.spot.AllocationStrategy;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.ints.IntIterator;
import it.unimi.dsi.fastutil.ints.IntLinkedOpenHashSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;
import java.util.function.Supplier;

/**
 * A service's instances: those launched with its group tag ({@code service/<name>}), whoever
 * launched them, kept by a {@link FixedFleet} or an Auto Scaling group with the policies the
 * scenario names; and the time-average and peak of how many run. Either keeps the service's
 * on-demand / spot split over its own live instances, and, with a spot market in the run, the
 * group hears its rebalance recommendations and notices; {@link SpotCounts} counts its spot signals.
 *
 * <p>Memory is O(instances not terminated): a terminated instance's CPU totals are folded into
 * the service's retired totals as it terminates (before the fleet and the CPU sharing forget it),
 * and it stays a member only until the next period end ({@link #forgetTerminated}), so that the
 * listeners told of its termination after the service (its bill, its volumes) still see it owned.
 */
final class ServiceInstances {

    private final ServiceConfig config;
    private final Simulation sim;
    private final Fleet fleet;
    private final String tag;
    private final IntLinkedOpenHashSet members = new IntLinkedOpenHashSet();
    private final IntArrayList terminated = new IntArrayList();
    private int launchedCount;
    private CpuTotals retiredCpu = CpuTotals.ZERO;
    private final SpotCounts spot = new SpotCounts(members::contains);
    private FixedFleet fixed;
    private AutoScalingGroup group;
    private int running;
    private int peakRunning;
    private long runningSince;
    private double runningIntegral;

    ServiceInstances(ServiceConfig config, Simulation sim, Fleet fleet) {
        this.config = config;
        this.sim = sim;
        this.fleet = fleet;
        this.tag = "service/" + config.name();
    }

    /** Whether instance {@code id} belongs to the service. */
    boolean owns(int id) {
        return members.contains(id);
    }

    /** Instances the service ever had. */
    int launchedCount() {
        return launchedCount;
    }

    /** The CPU totals of every instance the service ever had, now: the retired ones' and the members'. */
    CpuTotals cpuTotals(CpuSharing cpus) {
        long busy = retiredCpu.busy();
        long capacity = retiredCpu.capacity();
        double steal = retiredCpu.steal();
        for (IntIterator it = members.iterator(); it.hasNext(); ) {
            int id = it.nextInt(); // a terminated member's CPU is forgotten already: it adds 0
            busy += cpus.busyVcpuMicros(id);
            capacity += cpus.capacityVcpuMicros(id);
            steal += cpus.stealVcpuMicros(id);
        }
        return new CpuTotals(busy, capacity, steal);
    }

    /** Requests in progress on the service's running instances' CPUs. */
    long activeOnCpus(CpuSharing cpus) {
        long n = 0;
        for (IntIterator it = members.iterator(); it.hasNext(); ) {
            int id = it.nextInt();
            if (cpus.isAttached(id)) {
                n += cpus.active(id);
            }
        }
        return n;
    }

    /** Folds a member's CPU totals into the retired ones as it terminates (it stays owned until {@link #forgetTerminated}). */
    void terminated(int id, CpuSharing cpus) {
        retiredCpu = retiredCpu.plus(CpuTotals.of(cpus, id));
        terminated.add(id);
    }

    /** Drops the members terminated since the last call; everyone told of their termination has been. */
    void forgetTerminated() {
        for (int i = 0; i < terminated.size(); i++) {
            members.remove(terminated.getInt(i));
        }
        terminated.clear();
    }

    /** Takes {@code instance} as the service's if it carries the service's tag; whether it did. */
    boolean launched(Instance instance) {
        if (!instance.spec().group().equals(tag)) {
            return false;
        }
        members.add(instance.id());
        launchedCount++;
        spot.launched(instance);
        return true;
    }

    /**
     * Starts the fleet: launches the fixed instances, or starts the Auto Scaling group, with the
     * split {@code purchases} gives the service.
     */
    void start(int zoneCount, Supplier<CloudWatch> cloudWatch, CpuSharing cpus, TargetGroup targetGroup,
               Purchases purchases) {
        purchases.listen(spot);
        InstancesDistribution split = purchases.split(config.purchase());
        AutoScalingConfig a = config.autoScaling();
        if (a == null) {
            fixed = new FixedFleet(fleet, config.launch().withGroup(tag), config.instances(), zoneCount,
                    List.of(targetGroup), split);
            fixed.start();
            return;
        }
        List<Integer> zones = new ArrayList<>();
        for (int z = 0; z < zoneCount; z++) {
            zones.add(z);
        }
        GroupSettings settings = GroupSettings.of(a.min(), a.desired(), a.max(), zones).withWarmup(a.warmupMicros())
                .withCooldown(a.cooldownMicros());
        if (a.healthCheckType() == HealthCheckType.ELB) { // EC2 health checks: instance status only
            settings = settings.withElbHealthChecks(a.healthCheckGraceMicros());
        }
        if (a.capacityRebalance()) {
            settings = settings.withCapacityRebalance();
        }
        MixedInstancesConfig mixed = a.mixedInstances();
        List<InstanceType> types = mixed == null || mixed.types().isEmpty() ? List.of(config.type()) : mixed.types();
        group = new AutoScalingGroup(sim, tag, fleet, settings,
                LaunchTemplate.from(config.launch(), types),
                split, List.of(targetGroup));
        group.useMixedInstances(mixed == null || mixed.types().isEmpty()
                ? MixedInstancesPolicy.unweighted(1, mixed == null ? AllocationStrategy.PRICE_CAPACITY_OPTIMIZED
                        : mixed.spotAllocation())
                : new MixedInstancesPolicy(mixed.weights(), mixed.spotAllocation()), purchases.market());
        purchases.listen(group);
        GroupMetrics metrics = new GroupMetrics(cloudWatch.get(), group, cpus, targetGroup, null);
        if (a.targetMetric() != null) {
            group.addPolicy(TargetTrackingPolicy.aws("cpu".equals(a.targetMetric()) ? metrics.cpuUtilization()
                    : metrics.requestCountPerTarget(), Statistic.AVERAGE, a.targetValue()));
        }
        if (a.predictive()) {
            group.addPolicy(new PredictiveScalingPolicy(metrics.busyVcpuSeconds(), a.predictiveLoadPerInstance(),
                    a.predictiveBufferMicros()));
        }
        group.start();
    }

    /** The Auto Scaling group once started, or null for a fixed fleet. */
    AutoScalingGroup group() {
        return group;
    }

    /** Tells a fixed fleet which of its stopping instances its office hours stopped (not to replace them). */
    void stoppedOnSchedule(IntPredicate bySchedule) {
        if (fixed != null) {
            fixed.exceptStopped(bySchedule);
        }
    }

    /** Counts an owned instance entering or leaving running. */
    void countRunning(InstanceState from, InstanceState to, long now) {
        if (to == InstanceState.RUNNING || from == InstanceState.RUNNING) {
            runningIntegral += (double) running * (now - runningSince);
            runningSince = now;
            running += to == InstanceState.RUNNING ? 1 : -1;
            peakRunning = Math.max(peakRunning, running);
        }
    }

    /** A fixed fleet replaces an instance that left running unasked (after the service's own bookkeeping). */
    void replaceIfLeft(Instance instance, InstanceState from, InstanceState to, long now) {
        if (fixed != null) {
            fixed.stateChanged(instance, from, to, now);
        }
    }

    /** Time-average of the instances running over {@code [0, end]}. */
    double meanRunning(long end) {
        return end == 0 ? 0 : (runningIntegral + (double) running * (end - runningSince)) / end;
    }

    int peakRunning() {
        return peakRunning;
    }

    /** Instances launched to replace others: by the fixed fleet, or by the group's health checks. */
    long replacements() {
        return group == null ? fixed.replacements() : group.healthReplacements();
    }

    /** What the spot market did to the service, or null when it launched no spot instance. */
    SpotOutcome spotOutcome(double spotUsd, Map<String, Long> spotSecondsByPool) {
        return spot.outcome(group, spotUsd, spotSecondsByPool);
    }

    /** Instances the Auto Scaling group launched (0 for a fixed fleet). */
    long groupLaunches() {
        return group == null ? 0 : group.launches();
    }
}
