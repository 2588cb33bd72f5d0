package io.stratus.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratus.messaging.Topic;
import io.stratus.sim.Simulation;
import io.stratus.sim.Time;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlarmTest {

    private final Simulation sim = new Simulation(1);
    private final CloudWatch cw = new CloudWatch(sim, Time.MINUTE);
    private final Metric cpu = cw.metric("cpu", true);

    @Test
    void datapointsAggregateTheSamplesOfAPeriod() {
        for (int v = 1; v <= 100; v++) {
            cpu.record(v);
        }
        sim.runUntil(Time.MINUTE);
        Datapoint d = cpu.latest();
        assertThat(d.periodEnd()).isEqualTo(Time.MINUTE);
        assertThat(d.value(Statistic.SAMPLE_COUNT)).isEqualTo(100);
        assertThat(d.value(Statistic.SUM)).isEqualTo(5050);
        assertThat(d.value(Statistic.AVERAGE)).isEqualTo(50.5);
        assertThat(d.value(Statistic.MINIMUM)).isEqualTo(1);
        assertThat(d.value(Statistic.MAXIMUM)).isEqualTo(100);
        assertThat(d.value(Statistic.P99)).isBetween(98.0, 100.0);
        sim.runUntil(2 * Time.MINUTE);
        assertThat(cpu.latest().isMissing()).isTrue();
        assertThat(cpu.latest().value(Statistic.AVERAGE)).isNaN();
    }

    @Test
    void threeOfFiveBreachingDatapointsRaiseTheAlarmAndNotifyTheTopic() {
        Alarm alarm = new Alarm("high-cpu", cpu, new AlarmSettings(Statistic.AVERAGE, Comparison.GREATER_THAN, 70,
                3, 5, MissingData.MISSING));
        Topic topic = new Topic(sim, "ops");
        List<String> inbox = new ArrayList<>();
        topic.subscribe((subject, payload, now) -> inbox.add(subject + "@" + Time.format(now)));
        alarm.onAlarm(topic);
        alarm.onOk(topic);
        List<Long> repeats = new ArrayList<>();
        alarm.whileInAlarm((a, s, now) -> repeats.add(now / Time.MINUTE));
        double[] values = {80, 50, 90, 60, 75, 95, 10, 10, 10, 10};
        assertThat(alarm.state()).isEqualTo(AlarmState.INSUFFICIENT_DATA);
        for (int i = 0; i < values.length; i++) {
            cpu.record(values[i]);
            sim.runUntil((i + 1) * Time.MINUTE);
        }
        // breaching: minutes 1, 3, 5, 6 -> ALARM at minute 5; the window of 5 holds 3 breaches until minute 7
        assertThat(inbox).containsExactly("high-cpu: OK@00:01:00", "high-cpu: ALARM@00:05:00",
                "high-cpu: OK@00:08:00");
        assertThat(repeats).containsExactly(5L, 6L, 7L);
    }

    @Test
    void missingDataGivesInsufficientDataUnlessTreatedOtherwise() {
        Alarm missing = new Alarm("a", cpu, new AlarmSettings(Statistic.AVERAGE, Comparison.GREATER_THAN, 70, 1, 2,
                MissingData.MISSING));
        Alarm breaching = new Alarm("b", cpu, new AlarmSettings(Statistic.AVERAGE, Comparison.GREATER_THAN, 70, 2, 2,
                MissingData.BREACHING));
        cpu.record(10);
        sim.runUntil(Time.MINUTE);
        assertThat(missing.state()).isEqualTo(AlarmState.OK);
        sim.runUntil(3 * Time.MINUTE);
        assertThat(missing.state()).isEqualTo(AlarmState.INSUFFICIENT_DATA);
        assertThat(breaching.state()).isEqualTo(AlarmState.ALARM);
    }
}
