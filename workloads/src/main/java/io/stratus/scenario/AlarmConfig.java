package io.stratus.scenario;

import io.stratus.monitor.AlarmSettings;
import java.util.List;
import java.util.Objects;

/**
 * A CloudWatch alarm of the scenario ({@code alarms:}).
 *
 * @param name               its name
 * @param workload           the service or queue whose metric it watches
 * @param metric             the metric's short name ({@link AlarmMetrics})
 * @param settings           statistic, comparison, threshold, N of M, missing data
 * @param metricPeriods      its period in CloudWatch periods of one minute
 * @param onAlarm            topics notified when it enters ALARM
 * @param onOk               topics notified when it enters OK
 * @param onInsufficientData topics notified when it enters INSUFFICIENT_DATA
 */
public record AlarmConfig(String name, String workload, String metric, AlarmSettings settings, int metricPeriods,
                          List<String> onAlarm, List<String> onOk, List<String> onInsufficientData) {

    public AlarmConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(workload, "workload");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(settings, "settings");
        onAlarm = List.copyOf(onAlarm);
        onOk = List.copyOf(onOk);
        onInsufficientData = List.copyOf(onInsufficientData);
    }
}
