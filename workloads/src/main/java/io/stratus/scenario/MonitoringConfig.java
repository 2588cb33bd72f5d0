package io.stratus.scenario;

import java.util.List;

/**
 * The scenario's SNS topics ({@code topics:}) and CloudWatch alarms ({@code alarms:}). Scaling
 * policies name the alarms that trigger them in their group's {@code auto-scaling:} section.
 *
 * @param topics the topic names, in file order
 * @param alarms the alarms, in file order
 */
public record MonitoringConfig(List<String> topics, List<AlarmConfig> alarms) {

    /** No topic, no alarm. */
    public static final MonitoringConfig NONE = new MonitoringConfig(List.of(), List.of());

    public MonitoringConfig {
        topics = List.copyOf(topics);
        alarms = List.copyOf(alarms);
    }

    /** The topics, and the alarms on the metrics of the workloads named in {@code workloads}. */
    public MonitoringConfig only(List<String> workloads) {
        return new MonitoringConfig(topics, alarms.stream().filter(a -> workloads.contains(a.workload())).toList());
    }

    /** The alarm of that name, or null. */
    public AlarmConfig alarm(String name) {
        for (AlarmConfig a : alarms) {
            if (a.name().equals(name)) {
                return a;
            }
        }
        return null;
    }
}
