package io.stratus.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratus.sim.Simulation;
import io.stratus.sim.Time;
import org.junit.jupiter.api.Test;

/** Alarm periods longer than the metric's, and the time an alarm spends in ALARM. */
class AlarmPeriodTest {

    private final Simulation sim = new Simulation(1);
    private final CloudWatch cw = new CloudWatch(sim, Time.MINUTE);
    private final Metric load = cw.metric("load");

    @Test
    void aThreeMinutePeriodCombinesThreeMinutesExactly() {
        Alarm alarm = new Alarm("avg", load, new AlarmSettings(Statistic.AVERAGE, Comparison.GREATER_THAN, 50, 1, 1,
                MissingData.MISSING), 3);
        double[][] minutes = {{90, 90}, {}, {0}}; // (90 + 90 + 0) / 3 samples = 60 > 50
        for (int i = 0; i < minutes.length; i++) {
            for (double v : minutes[i]) {
                load.record(v);
            }
            sim.runUntil((i + 1) * Time.MINUTE);
            assertThat(alarm.state()).isEqualTo(i < 2 ? AlarmState.INSUFFICIENT_DATA : AlarmState.ALARM);
        }
        assertThat(alarm.lastValue()).isEqualTo(60.0);
    }

    @Test
    void alarmAfterExactlyNPeriodsAndTimeInAlarmCounted() {
        Alarm alarm = new Alarm("high", load, new AlarmSettings(Statistic.MAXIMUM, Comparison.GREATER_THAN_OR_EQUAL,
                10, 3, 3, MissingData.NOT_BREACHING));
        cw.addSampler((start, end) -> load.record(end <= 10 * Time.MINUTE ? 0 : end <= 20 * Time.MINUTE ? 10 : 0));
        sim.runUntil(12 * Time.MINUTE);
        assertThat(alarm.state()).isEqualTo(AlarmState.OK); // breaching at 11 and 12 only
        sim.runUntil(13 * Time.MINUTE);
        assertThat(alarm.state()).isEqualTo(AlarmState.ALARM); // the third breaching period: minute 13
        sim.runUntil(30 * Time.MINUTE);
        // minutes 11..20 breach; at 21 the window (19, 20, 21) holds two: OK from 21
        assertThat(alarm.state()).isEqualTo(AlarmState.OK);
        assertThat(alarm.alarms()).isEqualTo(1);
        assertThat(alarm.transitions()).isEqualTo(3); // INSUFFICIENT_DATA -> OK -> ALARM -> OK
        assertThat(alarm.timeInAlarm(30 * Time.MINUTE)).isEqualTo(8 * Time.MINUTE);
    }
}
