package io.stratus.run;

import java.util.List;

/**
 * What the scenario's alarms, topics and stop / start schedules did over a run.
 *
 * @param alarms    per alarm, in file order
 * @param topics    per topic, in file order
 * @param schedules per service with office hours, in file order
 */
public record MonitoringResult(List<Alarm> alarms, List<Topic> topics, List<Schedule> schedules) {

    /** Nothing declared. */
    public static final MonitoringResult NONE = new MonitoringResult(List.of(), List.of(), List.of());

    public MonitoringResult {
        alarms = List.copyOf(alarms);
        topics = List.copyOf(topics);
        schedules = List.copyOf(schedules);
    }

    /** Whether the scenario declared none of them. */
    public boolean isEmpty() {
        return alarms.isEmpty() && topics.isEmpty() && schedules.isEmpty();
    }

    /**
     * One alarm.
     *
     * @param name           its name
     * @param metric         what it watched ({@code web/cpu})
     * @param stateAtEnd     OK, ALARM or INSUFFICIENT_DATA
     * @param transitions    state changes
     * @param alarms         times it entered ALARM
     * @param secondsInAlarm time spent in ALARM
     */
    public record Alarm(String name, String metric, String stateAtEnd, long transitions, long alarms,
                        double secondsInAlarm) {
    }

    /**
     * One SNS topic.
     *
     * @param name          its name
     * @param notifications messages published to it
     */
    public record Topic(String name, long notifications) {
    }

    /**
     * One fixed fleet's office hours.
     *
     * @param service       the service
     * @param stops         instances stopped by the schedule
     * @param starts        instances started by it
     * @param startFailures starts that found no host with room (retried)
     */
    public record Schedule(String service, long stops, long starts, long startFailures) {
    }
}
