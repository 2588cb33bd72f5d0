package io.stratus.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stratus.sim.Time;
import org.junit.jupiter.api.Test;

class UnitsTest {

    @Test
    void durations() {
        assertThat(Units.duration("25ms")).isEqualTo(25 * Time.MILLISECOND);
        assertThat(Units.duration("30s")).isEqualTo(30 * Time.SECOND);
        assertThat(Units.duration("90m")).isEqualTo(90 * Time.MINUTE);
        assertThat(Units.duration("1.5h")).isEqualTo(90 * Time.MINUTE);
        assertThat(Units.duration("7d")).isEqualTo(7 * Time.DAY);
        assertThat(Units.duration("250us")).isEqualTo(250);
        assertThatThrownBy(() -> Units.duration("30")).hasMessageContaining("unit");
        assertThatThrownBy(() -> Units.duration("-3s")).hasMessageContaining("not a duration");
    }

    @Test
    void rates() {
        assertThat(Units.ratePerSecond("40/s")).isEqualTo(40);
        assertThat(Units.ratePerSecond("120/min")).isEqualTo(2);
        assertThat(Units.ratePerSecond("7200/h")).isEqualTo(2);
        assertThatThrownBy(() -> Units.ratePerSecond("40")).hasMessageContaining("40/s");
    }

    @Test
    void timesOfDayAndPercentages() {
        assertThat(Units.timeOfDay("12:30")).isEqualTo(12 * Time.HOUR + 30 * Time.MINUTE);
        assertThat(Units.timeOfDay("0:00:05")).isEqualTo(5 * Time.SECOND);
        assertThatThrownBy(() -> Units.timeOfDay("24:00")).hasMessageContaining("0-23");
        assertThat(Units.percent("60%")).isEqualTo(0.6);
    }
}
