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

    @Test
    void plusSaturatesAtTheEndOfTimeInsteadOfWrapping() {
        assertThat(Time.plus(10, 5)).isEqualTo(15);
        assertThat(Time.plus(10, Long.MAX_VALUE)).isEqualTo(Long.MAX_VALUE);
        assertThat(Time.plus(Long.MAX_VALUE - 1, 1)).isEqualTo(Long.MAX_VALUE);
        assertThat(Time.plus(Long.MAX_VALUE - 1, 2)).isEqualTo(Long.MAX_VALUE);
        assertThat(Time.plus(Long.MAX_VALUE, Long.MAX_VALUE)).isEqualTo(Long.MAX_VALUE);
        assertThat(Time.plus(Long.MIN_VALUE + 1, -2)).isEqualTo(Long.MIN_VALUE);
        assertThat(Time.plus(-5, 3)).isEqualTo(-2);
    }

    @Test
    void plusCeilRoundsUpAndMeansNeverForDelaysTooLongForALong() {
        assertThat(Time.plusCeil(100, 2.1)).isEqualTo(103);
        assertThat(Time.plusCeil(100, 2.0)).isEqualTo(102);
        assertThat(Time.plusCeil(100, 0.0)).isEqualTo(100);
        assertThat(Time.plusCeil(Time.DAY, 1e30)).isEqualTo(Long.MAX_VALUE);
        assertThat(Time.plusCeil(Time.DAY, (double) Long.MAX_VALUE)).isEqualTo(Long.MAX_VALUE);
        assertThat(Time.plusCeil(Long.MAX_VALUE - 10, 10.5)).isEqualTo(Long.MAX_VALUE);
        assertThat(Time.plusCeil(Time.DAY, Double.POSITIVE_INFINITY)).isEqualTo(Long.MAX_VALUE);
        assertThat(Time.plusCeil(Time.DAY, Double.NaN)).isEqualTo(Long.MAX_VALUE);
    }
}
