package io.stratus.sim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TimeTest {

    @Test
    void compactDurations() {
        assertThat(Time.compact(7 * Time.DAY)).isEqualTo("7d");
        assertThat(Time.compact(Time.DAY + 6 * Time.HOUR)).isEqualTo("1d 6h");
        assertThat(Time.compact(30 * Time.MINUTE)).isEqualTo("30m");
        assertThat(Time.compact(Time.HOUR + 30 * Time.MINUTE + 5 * Time.SECOND)).isEqualTo("1h 30m 5s");
        assertThat(Time.compact(2_500_000)).isEqualTo("2.5s");
        assertThat(Time.compact(25 * Time.MILLISECOND)).isEqualTo("25ms");
        assertThat(Time.compact(0)).isEqualTo("0s");
    }

    @Test
    void preciseFormat() {
        assertThat(Time.format(Time.seconds(5))).isEqualTo("5s");
        assertThat(Time.format(100 * Time.SECOND)).isEqualTo("00:01:40");
        assertThat(Time.format(7 * Time.DAY)).isEqualTo("7d");
        assertThat(Time.format(Time.DAY + 1)).isEqualTo("1d 00:00:00.000001");
    }
}
