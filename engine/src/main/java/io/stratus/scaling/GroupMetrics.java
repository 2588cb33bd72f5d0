package io.stratus.scaling;

import io.stratus.hypervisor.CpuSharing;
import io.stratus.lb.TargetGroup;
import io.stratus.messaging.MessageQueue;
import io.stratus.monitor.CloudWatch;
import io.stratus.monitor.Metric;
import io.stratus.monitor.PeriodSampler;
import it.unimi.dsi.fastutil.ints.Int2LongOpenHashMap;
import it.unimi.dsi.fastutil.ints.Int2ObjectOpenHashMap;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.util.Objects;

/**
 * The CloudWatch metrics of an Auto Scaling group, sampled at the end of each period.
 *
 * <ul>
 *   <li>{@code CPUUtilization} (percent): one sample per in-service instance past its warm-up,
 *       its busy vCPU time over its vCPU capacity during the period; Average is the group's
 *       average CPU, Maximum the hottest instance, p99 tracked. Warming instances are left out,
 *       as AWS leaves them out of the aggregated metrics used for scaling.</li>
 *   <li>{@code CPUBusyVcpuSeconds}: one sample, the busy vCPU-seconds of every in-service
 *       instance (warm or not) in the period: the load, for predictive scaling.</li>
 *   <li>{@code RequestCountPerTarget} (with a target group): one sample, the requests the
 *       group's warm in-service instances received in the period divided by their number.</li>
 *   <li>{@code BacklogPerInstance} (with a queue): one sample, visible messages divided by the
 *       in-service instances (at least 1), the metric AWS recommends for queue workers.</li>
 *   <li>{@code GroupInServiceInstances}, {@code GroupDesiredCapacity}: one sample each.</li>
 * </ul>
 * A period in which no instance is counted has no CPU or request datapoint (missing).
 *
 * <p>With {@link #trackInstances()}, each in-service instance also has its own
 * {@code CPUUtilization InstanceId=...} metric (warming or not), removed when it leaves the group.
 */
public final class GroupMetrics implements PeriodSampler {

    private final AutoScalingGroup group;
    private final CpuSharing cpus;
    private final TargetGroup targetGroup;
    private final MessageQueue queue;
    private final Metric cpu;
    private final Metric busy;
    private final Metric requestsPerTarget;
    private final Metric backlogPerInstance;
    private final Metric inService;
    private final Metric desired;
    private final Int2LongOpenHashMap lastBusy = new Int2LongOpenHashMap();
    private final Int2LongOpenHashMap lastCapacity = new Int2LongOpenHashMap();
    private final Int2LongOpenHashMap lastRouted = new Int2LongOpenHashMap();
    private final CloudWatch cloudWatch;
    private final Int2ObjectOpenHashMap<Metric> perInstance = new Int2ObjectOpenHashMap<>();
    private boolean trackInstances;

    /**
     * @param targetGroup the group's target group for request metrics, or null
     * @param queue       the queue its instances consume, for backlog metrics, or null
     */
    public GroupMetrics(CloudWatch cloudWatch, AutoScalingGroup group, CpuSharing cpus, TargetGroup targetGroup,
                        MessageQueue queue) {
        this.cloudWatch = Objects.requireNonNull(cloudWatch, "cloudWatch");
        this.group = Objects.requireNonNull(group, "group");
        this.cpus = Objects.requireNonNull(cpus, "cpus");
        this.targetGroup = targetGroup;
        this.queue = queue;
        String dim = " AutoScalingGroupName=" + group.name();
        this.cpu = cloudWatch.metric(cpuName(group.name()), true);
        this.busy = cloudWatch.metric("Stratus CPUBusyVcpuSeconds" + dim);
        this.requestsPerTarget = targetGroup == null ? null
                : cloudWatch.metric(requestCountPerTargetName(targetGroup.name()));
        this.backlogPerInstance = queue == null ? null
                : cloudWatch.metric(backlogPerInstanceName(queue.name(), group.name()));
        this.inService = cloudWatch.metric(inServiceName(group.name()));
        this.desired = cloudWatch.metric(desiredName(group.name()));
        cloudWatch.addSampler(this);
    }

    /** The CloudWatch name of the CPU metric of group {@code group}. */
    public static String cpuName(String group) {
        return "AWS/EC2 CPUUtilization AutoScalingGroupName=" + group;
    }

    /** The CloudWatch name of the in-service instances metric of group {@code group}. */
    public static String inServiceName(String group) {
        return "AWS/AutoScaling GroupInServiceInstances AutoScalingGroupName=" + group;
    }

    /** The CloudWatch name of the desired capacity metric of group {@code group}. */
    public static String desiredName(String group) {
        return "AWS/AutoScaling GroupDesiredCapacity AutoScalingGroupName=" + group;
    }

    /** The CloudWatch name of the requests-per-target metric of target group {@code targetGroup}. */
    public static String requestCountPerTargetName(String targetGroup) {
        return "AWS/ApplicationELB RequestCountPerTarget TargetGroup=" + targetGroup;
    }

    /** The CloudWatch name of the backlog-per-instance metric of {@code queue} consumed by {@code group}. */
    public static String backlogPerInstanceName(String queue, String group) {
        return "Custom BacklogPerInstance QueueName=" + queue + " AutoScalingGroupName=" + group;
    }

    /** Also keeps a CPU metric per in-service instance; returns this. */
    public GroupMetrics trackInstances() {
        trackInstances = true;
        return this;
    }

    /** The CPU metric of instance {@code id}, or null if it is not tracked (now). */
    public Metric instanceCpu(int id) {
        return perInstance.get(id);
    }

    /** Average CPU of the warm in-service instances, percent. */
    public Metric cpuUtilization() {
        return cpu;
    }

    /** Busy vCPU-seconds per period over all in-service instances. */
    public Metric busyVcpuSeconds() {
        return busy;
    }

    /** Requests per warm target per period (needs a target group). */
    public Metric requestCountPerTarget() {
        return Objects.requireNonNull(requestsPerTarget, "no target group given");
    }

    /** Visible messages per in-service instance (needs a queue). */
    public Metric backlogPerInstance() {
        return Objects.requireNonNull(backlogPerInstance, "no queue given");
    }

    /** In-service instances. */
    public Metric inServiceInstances() {
        return inService;
    }

    /** Desired capacity. */
    public Metric desiredCapacity() {
        return desired;
    }

    @Override
    public void sample(long periodStart, long periodEnd) {
        IntArrayList ids = group.inServiceIds();
        long busyTotal = 0;
        long requests = 0;
        int counted = 0;
        for (int i = 0; i < ids.size(); i++) {
            int id = ids.getInt(i);
            long b = cpus.busyVcpuMicros(id);
            long c = cpus.capacityVcpuMicros(id);
            long r = targetGroup == null ? 0 : targetGroup.routedTo(id);
            long db = b - lastBusy.get(id);
            long dc = c - lastCapacity.get(id);
            long dr = r - lastRouted.get(id);
            lastBusy.put(id, b);
            lastCapacity.put(id, c);
            lastRouted.put(id, r);
            busyTotal += db;
            if (trackInstances && dc > 0) {
                Metric m = perInstance.get(id);
                if (m == null) {
                    m = cloudWatch.metric("AWS/EC2 CPUUtilization InstanceId=" + String.format("i-%016x", id));
                    perInstance.put(id, m);
                }
                m.record(100.0 * db / dc);
            }
            if (!group.isWarming(id) && dc > 0) {
                cpu.record(100.0 * db / dc);
                requests += dr;
                counted++;
            }
        }
        forgetGone();
        busy.record(busyTotal / 1e6);
        if (requestsPerTarget != null && counted > 0) {
            requestsPerTarget.record((double) requests / counted);
        }
        if (backlogPerInstance != null) {
            backlogPerInstance.record((double) queue.visible() / Math.max(1, ids.size()));
        }
        inService.record(ids.size());
        desired.record(group.desiredCapacity());
    }

    private void forgetGone() {
        if (!perInstance.isEmpty()) {
            for (int id : perInstance.keySet().toIntArray()) {
                if (!group.isInService(id)) {
                    cloudWatch.remove(perInstance.remove(id).name());
                }
            }
        }
        if (lastBusy.size() > 2 * group.memberCount() + 16) {
            lastBusy.keySet().removeIf(id -> !group.isMember(id));
            lastCapacity.keySet().removeIf(id -> !group.isMember(id));
            lastRouted.keySet().removeIf(id -> !group.isMember(id));
        }
    }
}
