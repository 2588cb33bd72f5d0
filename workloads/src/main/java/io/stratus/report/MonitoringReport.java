package io.stratus.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stratus.run.MonitoringResult;

/**
 * The summary's alarms (transitions, times raised, time in ALARM), SNS topics (notifications)
 * and office-hours schedules (stops and starts), in JSON and Markdown. Written only when the
 * scenario declares any, so other summaries are unchanged.
 */
final class MonitoringReport {

    private MonitoringReport() {
    }

    /** Adds {@code alarms}, {@code topics} and {@code schedules} to the summary JSON, where present. */
    static void json(ObjectNode root, MonitoringResult m) {
        if (!m.alarms().isEmpty()) {
            ArrayNode alarms = root.putArray("alarms");
            for (MonitoringResult.Alarm a : m.alarms()) {
                ObjectNode n = alarms.addObject();
                n.put("name", a.name());
                n.put("metric", a.metric());
                n.put("stateAtEnd", a.stateAtEnd());
                n.put("transitions", a.transitions());
                n.put("timesInAlarm", a.alarms());
                n.put("secondsInAlarm", Numbers.sig6(a.secondsInAlarm()));
            }
        }
        if (!m.topics().isEmpty()) {
            ArrayNode topics = root.putArray("topics");
            for (MonitoringResult.Topic t : m.topics()) {
                topics.addObject().put("name", t.name()).put("notifications", t.notifications());
            }
        }
        if (!m.schedules().isEmpty()) {
            ArrayNode schedules = root.putArray("schedules");
            for (MonitoringResult.Schedule s : m.schedules()) {
                schedules.addObject().put("service", s.service()).put("stops", s.stops()).put("starts", s.starts())
                        .put("startFailures", s.startFailures());
            }
        }
    }

    /** Appends the alarm, topic and schedule tables, where present. */
    static void markdown(StringBuilder b, MonitoringResult m) {
        if (!m.alarms().isEmpty()) {
            b.append("\n| alarm | metric | state at end | transitions | times in ALARM | time in ALARM |\n");
            b.append("|---|---|---|--:|--:|--:|\n");
            for (MonitoringResult.Alarm a : m.alarms()) {
                b.append(String.format("| %s | %s | %s | %,d | %,d | %s |\n", a.name(), a.metric(), a.stateAtEnd(),
                        a.transitions(), a.alarms(), minutes(a.secondsInAlarm())));
            }
        }
        if (!m.topics().isEmpty()) {
            b.append("\n| topic | notifications |\n|---|--:|\n");
            for (MonitoringResult.Topic t : m.topics()) {
                b.append(String.format("| %s | %,d |\n", t.name(), t.notifications()));
            }
        }
        if (!m.schedules().isEmpty()) {
            b.append("\n| office hours of | stops | starts | starts without room |\n|---|--:|--:|--:|\n");
            for (MonitoringResult.Schedule s : m.schedules()) {
                b.append(String.format("| %s | %,d | %,d | %,d |\n", s.service(), s.stops(), s.starts(),
                        s.startFailures()));
            }
        }
    }

    private static String minutes(double seconds) {
        return String.format("%.0f min", seconds / 60);
    }
}
