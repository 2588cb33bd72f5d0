package io.stratus.run;

import io.stratus.compute.Fleet;
import io.stratus.compute.InstanceScheduler;
import io.stratus.hypervisor.CompletionFanout;
import io.stratus.lb.TargetGroup;
import io.stratus.messaging.Topic;
import io.stratus.monitor.Alarm;
import io.stratus.monitor.CloudWatch;
import io.stratus.monitor.Metric;
import io.stratus.scaling.AutoScalingGroup;
import io.stratus.scenario.AlarmConfig;
import io.stratus.scenario.AlarmMetrics;
import io.stratus.scenario.AlarmPoliciesConfig;
import io.stratus.scenario.MonitoringConfig;
import io.stratus.scenario.ServiceConfig;
import io.stratus.scaling.GroupMetrics;
import io.stratus.scaling.ScheduledAction;
import io.stratus.scaling.SimpleScalingPolicy;
import io.stratus.scaling.StepScalingPolicy;
import io.stratus.sim.Simulation;
import io.stratus.sim.Time;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntPredicate;
import java.util.function.Supplier;

/**
 * Wires what a scenario declares beside its workloads: SNS topics, CloudWatch alarms on the
 * run's metrics (notifying topics), the step, simple and scheduled scaling of each Auto Scaling
 * group (triggered by those alarms or the clock), and the office hours of fixed fleets
 * ({@link InstanceScheduler}). Use: {@link #service} for each service once its group (if any) is
 * started, {@link #start} once every workload exists (its metrics are then published), then
 * {@link #result} at the end.
 *
 * <p>Alarms are created in file order and before the first period closes, so a run's alarm
 * history depends only on the scenario and the seed. Metric names are {@link AlarmMetrics}'s.
 */
public final class MonitoringRun {

    private final MonitoringConfig config;
    private final Simulation sim;
    private final Fleet fleet;
    private final Supplier<CloudWatch> cloudWatch;
    private final Map<String, Topic> topics = new LinkedHashMap<>();
    private final Map<String, Alarm> alarms = new LinkedHashMap<>();
    private final Map<String, String> groupOf = new LinkedHashMap<>();
    private final Map<String, String> targetGroupOf = new LinkedHashMap<>();
    private final List<Runnable> policies = new ArrayList<>();
    private final Map<String, InstanceScheduler> schedulers = new LinkedHashMap<>();
    private final CompletionFanout completions;

    /**
     * @param completions told of every request whose CPU work completes, for response times
     */
    public MonitoringRun(MonitoringConfig config, Simulation sim, Fleet fleet, Supplier<CloudWatch> cloudWatch,
                         CompletionFanout completions) {
        this.config = Objects.requireNonNull(config, "config");
        this.completions = Objects.requireNonNull(completions, "completions");
        this.sim = Objects.requireNonNull(sim, "sim");
        this.fleet = Objects.requireNonNull(fleet, "fleet");
        this.cloudWatch = Objects.requireNonNull(cloudWatch, "cloudWatch");
        for (String name : config.topics()) {
            topics.put(name, new Topic(sim, name));
        }
    }

    /**
     * Registers a service: its Auto Scaling group (null for a fixed fleet), target group and
     * instances. Starts its office hours, if it has any.
     *
     * @return which of its instances are stopped by its schedule (a fixed fleet must not replace them)
     */
    public IntPredicate service(ServiceConfig service, AutoScalingGroup group, TargetGroup targetGroup,
                                IntPredicate owns) {
        if (group != null) {
            groupOf.put(service.name(), group.name());
            AlarmPoliciesConfig p = service.autoScaling().policies();
            policies.add(() -> addPolicies(group, p));
        }
        for (AlarmConfig a : config.alarms()) {
            if (a.workload().equals(service.name()) && !targetGroupOf.containsKey(service.name())
                    && (a.metric().equals("request-count") || a.metric().equals("response-time"))) {
                targetGroupOf.put(service.name(), targetGroup.name());
                publishRequestCount(targetGroup);
                publishResponseTime(targetGroup, owns);
            }
        }
        if (service.schedule() == null) {
            return id -> false;
        }
        InstanceScheduler scheduler = new InstanceScheduler(sim, fleet, service.schedule(), owns);
        schedulers.put(service.name(), scheduler);
        return scheduler::stoppedBySchedule;
    }

    /** Registers a queue, whose workers' group is named {@code groupName}. */
    public void queue(String queue, String groupName) {
        groupOf.put(queue, groupName);
    }

    /** Creates the alarms on the metrics now published, then the scaling policies they trigger. */
    public void start() {
        for (AlarmConfig a : config.alarms()) {
            Alarm alarm = new Alarm(a.name(), metric(a), a.settings(), a.metricPeriods());
            a.onAlarm().forEach(t -> alarm.onAlarm(topics.get(t)));
            a.onOk().forEach(t -> alarm.onOk(topics.get(t)));
            a.onInsufficientData().forEach(t -> alarm.onInsufficientData(topics.get(t)));
            alarms.put(a.name(), alarm);
        }
        policies.forEach(Runnable::run);
    }

    private Metric metric(AlarmConfig a) {
        String group = groupOf.get(a.workload());
        String name;
        switch (a.metric()) {
            case "cpu":
                name = GroupMetrics.cpuName(group);
                break;
            case "in-service":
                name = GroupMetrics.inServiceName(group);
                break;
            case "desired":
                name = GroupMetrics.desiredName(group);
                break;
            case "requests-per-target":
                name = GroupMetrics.requestCountPerTargetName(a.workload());
                break;
            case "backlog-per-instance":
                name = GroupMetrics.backlogPerInstanceName(a.workload(), group);
                break;
            case "request-count":
                name = requestCountName(targetGroupOf.get(a.workload()));
                break;
            case "response-time":
                name = responseTimeName(targetGroupOf.get(a.workload()));
                break;
            default:
                throw new IllegalStateException("alarm " + a.name() + ": unknown metric " + a.metric());
        }
        for (Metric m : cloudWatch.get().metrics()) {
            if (m.name().equals(name)) {
                return m;
            }
        }
        throw new IllegalStateException("alarm " + a.name() + ": the run publishes no metric " + name);
    }

    private static String requestCountName(String targetGroup) {
        return "AWS/ApplicationELB RequestCount TargetGroup=" + targetGroup;
    }

    private static String responseTimeName(String targetGroup) {
        return "AWS/ApplicationELB TargetResponseTime TargetGroup=" + targetGroup;
    }

    /** Publishes the response time of each request of the service's instances, milliseconds. */
    private void publishResponseTime(TargetGroup targetGroup, IntPredicate owns) {
        Metric m = cloudWatch.get().metric(responseTimeName(targetGroup.name()), true);
        completions.add((instance, arrival, now) -> {
            if (owns.test(instance)) {
                m.record((now - arrival) / (double) Time.MILLISECOND);
            }
        });
    }

    /** Publishes the requests the target group routed in each period (one sample per period). */
    private void publishRequestCount(TargetGroup targetGroup) {
        Metric m = cloudWatch.get().metric(requestCountName(targetGroup.name()));
        long[] last = new long[1];
        cloudWatch.get().addSampler((start, end) -> {
            long routed = targetGroup.routed();
            m.record(routed - last[0]);
            last[0] = routed;
        });
    }

    private void addPolicies(AutoScalingGroup group, AlarmPoliciesConfig p) {
        for (AlarmPoliciesConfig.StepPolicy s : p.steps()) {
            group.addPolicy(new StepScalingPolicy(alarms.get(s.alarm()), s.steps()));
        }
        for (AlarmPoliciesConfig.SimplePolicy s : p.simple()) {
            group.addPolicy(new SimpleScalingPolicy(alarms.get(s.alarm()), s.adjustment()));
        }
        for (AlarmPoliciesConfig.ScheduledPolicy s : p.scheduled()) {
            group.addPolicy(new ScheduledAction(s.schedule(), s.min(), s.max(), s.desired()));
        }
    }

    /** What the alarms, topics and schedules did up to {@code end}. */
    public MonitoringResult result(long end) {
        List<MonitoringResult.Alarm> a = new ArrayList<>();
        for (AlarmConfig c : config.alarms()) {
            Alarm alarm = alarms.get(c.name());
            a.add(new MonitoringResult.Alarm(c.name(), c.workload() + "/" + c.metric(), alarm.state().name(),
                    alarm.transitions(), alarm.alarms(), Time.toSeconds(alarm.timeInAlarm(end))));
        }
        List<MonitoringResult.Topic> t = new ArrayList<>();
        topics.values().forEach(topic -> t.add(new MonitoringResult.Topic(topic.name(), topic.published())));
        List<MonitoringResult.Schedule> s = new ArrayList<>();
        schedulers.forEach((name, sch) -> s.add(new MonitoringResult.Schedule(name, sch.stops(), sch.starts(),
                sch.startFailures())));
        return new MonitoringResult(a, t, s);
    }
}
