package io.stratus.cloud;

import io.stratus.compute.Fleet;
import io.stratus.compute.InstancesDistribution;
import io.stratus.compute.LaunchSpec;
import io.stratus.hypervisor.CompletionFanout;
import io.stratus.hypervisor.CompletionListener;
import io.stratus.hypervisor.CpuSharing;
import io.stratus.lb.HealthCheckSettings;
import io.stratus.lb.LoadBalancer;
import io.stratus.lb.RoutingAlgorithms;
import io.stratus.lb.TargetGroup;
import io.stratus.monitor.CloudWatch;
import io.stratus.monitor.LatencyRecorder;
import io.stratus.scaling.AutoScalingGroup;
import io.stratus.scaling.FixedFleet;
import io.stratus.scaling.GroupMetrics;
import io.stratus.scaling.GroupSettings;
import io.stratus.scaling.LaunchTemplate;
import io.stratus.sim.Simulation;
import io.stratus.workload.RequestSource;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * One service of a {@link Cloud}, wired: its target group (told of every instance state change
 * and completion), an Application Load Balancer in front of it, its fixed fleet or Auto Scaling
 * group, its request source and a latency recorder of its own requests only.
 */
public final class ServiceRun {

    private final Simulation sim;
    private final String name;
    private final TargetGroup targetGroup;
    private final LoadBalancer loadBalancer;
    private final RequestSource source;
    private final LatencyRecorder latency = new LatencyRecorder();
    private final FixedFleet fixed;
    private final AutoScalingGroup group;
    private final long trafficFrom;

    ServiceRun(Simulation sim, Fleet fleet, CpuSharing cpus, CompletionFanout completions, int zoneCount,
               ServiceBuilder s, LaunchSpec launch) {
        this.sim = sim;
        this.name = s.name;
        this.trafficFrom = s.trafficFrom;
        targetGroup = new TargetGroup(sim, name, 80, cpus,
                RoutingAlgorithms.create(s.routing, sim.random().stream(name + "/routing")),
                HealthCheckSettings.albDefaults(), TargetGroup.DEFAULT_DEREGISTRATION_DELAY);
        fleet.addListener(targetGroup);
        completions.add(targetGroup);
        String tag = launch.group();
        completions.add(ownCompletions(fleet, tag));
        loadBalancer = new LoadBalancer(name + "-alb");
        loadBalancer.addListener(80, "HTTP", targetGroup);
        if (s.fixedCount >= 0) {
            fixed = new FixedFleet(fleet, launch, s.fixedCount, zoneCount, List.of(targetGroup));
            fleet.addListener(fixed);
            group = null;
        } else {
            fixed = null;
            List<Integer> zones = new ArrayList<>();
            for (int z = 0; z < zoneCount; z++) {
                zones.add(z);
            }
            group = new AutoScalingGroup(sim, name, fleet, GroupSettings.of(s.min, s.min, s.max, zones),
                    LaunchTemplate.of(launch.type(), s.bootMicros, s.shutdownMicros), InstancesDistribution.ON_DEMAND,
                    List.of(targetGroup));
            GroupMetrics metrics = new GroupMetrics(new CloudWatch(sim, CloudWatch.DEFAULT_PERIOD), group, cpus,
                    targetGroup, null);
            for (Function<io.stratus.scaling.GroupMetrics, io.stratus.scaling.ScalingPolicy> p : s.policies) {
                group.addPolicy(p.apply(metrics));
            }
        }
        source = new RequestSource(sim, s.arrivals.apply(sim.random().stream(name + "/arrivals")),
                s.work.apply(sim.random().stream(name + "/service")), loadBalancer);
    }

    /** Records the latency of the requests served by this service's instances (tagged with its name). */
    private CompletionListener ownCompletions(Fleet fleet, String tag) {
        return (instance, arrivalTime, now) -> {
            if (fleet.instance(instance).spec().group().equals(tag)) {
                latency.completed(instance, arrivalTime, now);
            }
        };
    }

    void start() {
        if (fixed != null) {
            fixed.start();
        } else {
            group.start();
        }
        source.start(Math.max(trafficFrom, sim.now()));
    }

    /** The service's name. */
    public String name() {
        return name;
    }

    /** Requests that arrived. */
    public long requests() {
        return source.generated();
    }

    /** Requests refused: no healthy target, or every target at its limit. */
    public long refused() {
        return source.refused();
    }

    /** Requests completed, with their latency. */
    public LatencyRecorder latency() {
        return latency;
    }

    /** Instances in service now. */
    public int inService() {
        return group != null ? group.inServiceCount() : targetGroup.healthyCount();
    }

    /** The target group (health, routing counts). */
    public TargetGroup targetGroup() {
        return targetGroup;
    }

    /** The Auto Scaling group, or null for a fixed fleet. */
    public AutoScalingGroup group() {
        return group;
    }
}
