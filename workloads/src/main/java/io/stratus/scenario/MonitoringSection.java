package io.stratus.scenario;

import io.stratus.util.Suggestions;
import io.stratus.monitor.AlarmSettings;
import io.stratus.monitor.CloudWatch;
import io.stratus.monitor.Comparison;
import io.stratus.monitor.MissingData;
import io.stratus.monitor.Statistic;
import io.stratus.sim.Time;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code topics:} (a list of SNS topic names) and {@code alarms:} (CloudWatch alarms by
 * name), and checks each alarm's metric against the scenario's services and queues.
 */
final class MonitoringSection {

    static final List<String> STATISTICS = List.of("average", "sum", "minimum", "maximum", "sample-count", "p99");
    static final List<String> COMPARISONS = List.of("greater-than", "greater-or-equal", "less-than", "less-or-equal");
    static final List<String> MISSING = List.of("missing", "breaching", "not-breaching", "ignore");
    private static final Statistic[] STATISTIC_OF = {Statistic.AVERAGE, Statistic.SUM, Statistic.MINIMUM,
        Statistic.MAXIMUM, Statistic.SAMPLE_COUNT, Statistic.P99};
    private static final Comparison[] COMPARISON_OF = {Comparison.GREATER_THAN, Comparison.GREATER_THAN_OR_EQUAL,
        Comparison.LESS_THAN, Comparison.LESS_THAN_OR_EQUAL};
    private static final MissingData[] MISSING_OF = {MissingData.MISSING, MissingData.BREACHING,
        MissingData.NOT_BREACHING, MissingData.IGNORE};
    private static final int MAX_EVALUATION_PERIODS = 1440;

    private MonitoringSection() {
    }

    /** Reads the topics and alarms of the scenario (metrics are checked later, by {@link #checkMetrics}). */
    static MonitoringConfig read(ConfigNode root) {
        List<String> topics = topics(root);
        List<AlarmConfig> alarms = new ArrayList<>();
        for (Map.Entry<String, ConfigNode> e : root.child("alarms", false).children().entrySet()) {
            AlarmConfig a = alarm(e.getKey(), e.getValue(), topics);
            if (a != null) {
                alarms.add(a);
            }
        }
        return new MonitoringConfig(topics, alarms);
    }

    private static List<String> topics(ConfigNode root) {
        List<String> names = root.strings("topics", false);
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < names.size(); i++) {
            if (!seen.add(names.get(i))) {
                root.problemAt(root.pointerOf("topics").appendIndex(i), "topic '" + names.get(i)
                        + "' is listed twice; each topic once");
            }
        }
        return List.copyOf(seen);
    }

    private static AlarmConfig alarm(String name, ConfigNode node, List<String> topics) {
        node.allowOnly("metric", "statistic", "period", "evaluation-periods", "datapoints-to-alarm", "comparison",
                "threshold", "missing-data", "on-alarm", "on-ok", "on-insufficient-data");
        String metric = node.string("metric", null, true);
        String workload = null;
        String shortName = null;
        if (metric != null) {
            int slash = metric.indexOf('/');
            if (slash <= 0 || slash == metric.length() - 1 || metric.indexOf('/', slash + 1) >= 0) {
                node.problem("metric", "'" + metric + "' is not a metric name; write <service or queue>/<metric>, "
                        + "such as web/cpu (metrics: " + String.join(", ", AlarmMetrics.SCALED_SERVICE) + "; a queue's: "
                        + String.join(", ", AlarmMetrics.QUEUE) + ")");
            } else {
                workload = metric.substring(0, slash);
                shortName = metric.substring(slash + 1);
            }
        }
        String statistic = node.oneOf("statistic", "average", STATISTICS);
        long period = node.unit("period", Time.MINUTE, false, Units::duration, Time.MINUTE, Time.DAY,
                "allowed from 1m to 1d, in whole minutes");
        if (period % CloudWatch.DEFAULT_PERIOD != 0) {
            node.problem("period", "'" + node.raw("period").asText() + "' is not a whole number of minutes; "
                    + "CloudWatch metrics here have a one-minute resolution");
            period = Time.MINUTE;
        }
        if ("p99".equals(statistic) && period != Time.MINUTE) {
            node.problem("statistic", "p99 cannot be combined over several minutes; use period: 1m with p99");
        }
        long m = node.integer("evaluation-periods", 1, 1, MAX_EVALUATION_PERIODS, false);
        long n = node.integer("datapoints-to-alarm", m, 1, MAX_EVALUATION_PERIODS, false);
        if (n > m) {
            node.problem("datapoints-to-alarm", "datapoints-to-alarm (" + n + ") is above evaluation-periods (" + m
                    + "); allowed from 1 to " + m);
            n = m;
        }
        String comparison = node.oneOf("comparison", null, COMPARISONS);
        if (comparison == null && !node.has("comparison")) {
            node.string("comparison", null, true);
        }
        double threshold = node.number("threshold", 0, -1e12, 1e12, true);
        String missing = node.oneOf("missing-data", "missing", MISSING);
        List<List<String>> actions = new ArrayList<>();
        for (String key : List.of("on-alarm", "on-ok", "on-insufficient-data")) {
            List<String> named = node.strings(key, false);
            for (int i = 0; i < named.size(); i++) {
                if (!topics.contains(named.get(i))) {
                    node.problemAt(node.pointerOf(key).appendIndex(i), "no topic named '" + named.get(i) + "'; "
                            + (topics.isEmpty() ? "declare it under topics: [" + named.get(i) + "]"
                            : "topics: " + String.join(", ", topics)));
                }
            }
            actions.add(named);
        }
        if (workload == null || comparison == null || statistic == null || missing == null) {
            return null;
        }
        AlarmSettings settings = new AlarmSettings(STATISTIC_OF[STATISTICS.indexOf(statistic)],
                COMPARISON_OF[COMPARISONS.indexOf(comparison)], threshold, (int) n, (int) m,
                MISSING_OF[MISSING.indexOf(missing)]);
        return new AlarmConfig(name, workload, shortName, settings, (int) (period / CloudWatch.DEFAULT_PERIOD),
                actions.get(0), actions.get(1), actions.get(2));
    }

    /** Checks that each alarm watches a metric the run has. */
    static void checkMetrics(ConfigNode root, MonitoringConfig monitoring, List<ServiceConfig> services,
                             List<QueueConfig> queues) {
        Map<String, ConfigNode> nodes = root.child("alarms", false).children();
        for (AlarmConfig a : monitoring.alarms()) {
            ConfigNode node = nodes.get(a.name());
            List<String> allowed = null;
            String kind = null;
            for (ServiceConfig s : services) {
                if (s.name().equals(a.workload())) {
                    allowed = s.autoScaling() == null ? AlarmMetrics.FIXED_SERVICE : AlarmMetrics.SCALED_SERVICE;
                    kind = s.autoScaling() == null ? "service " + s.name() + " (a fixed fleet)" : "service " + s.name();
                }
            }
            for (QueueConfig q : queues) {
                if (q.name().equals(a.workload())) {
                    allowed = AlarmMetrics.QUEUE;
                    kind = "queue " + q.name();
                }
            }
            if (allowed == null) {
                List<String> names = new ArrayList<>();
                services.forEach(s -> names.add(s.name()));
                queues.forEach(q -> names.add(q.name()));
                node.problem("metric", "no service or queue named '" + a.workload() + "'; known: "
                        + (names.isEmpty() ? "none" : String.join(", ", names)));
            } else if (!allowed.contains(a.metric())) {
                String hint = Suggestions.closest(a.metric(), allowed);
                node.problem("metric", "'" + a.metric() + "' is not a metric of " + kind
                        + (hint == null ? "." : "; did you mean '" + hint + "'?") + " Allowed: "
                        + String.join(", ", allowed));
            } else if ("response-time".equals(a.metric()) && services.stream().anyMatch(
                    s -> s.name().equals(a.workload()) && (s.io() != null || s.cache() != null))) {
                node.problem("metric", "response-time is measured when a request's CPU work completes, so it is "
                        + "offered only for a service without an io stage or a cache; watch cpu or request-count");
            } else if (a.settings().statistic() == Statistic.P99 && !AlarmMetrics.WITH_P99.contains(a.metric())) {
                node.problem("statistic", "p99 is tracked only for " + String.join(", ", AlarmMetrics.WITH_P99)
                        + "; choose average, sum, minimum, maximum or sample-count");
            }
        }
    }
}
