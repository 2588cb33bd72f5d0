package io.stratus.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ValueFormatTest {

    @Test
    void dollarsHaveCentsAndSeparatorsAndSmallAmountsThreeDigits() {
        assertThat(ValueFormat.USD.label(9.528604962344955)).isEqualTo("$9.53"); // what the old chart printed raw
        assertThat(ValueFormat.USD.label(1234.5)).isEqualTo("$1,234.50");
        assertThat(ValueFormat.USD.label(0.042345)).isEqualTo("$0.0423");
        assertThat(ValueFormat.USD.label(0)).isEqualTo("$0.00");
    }

    @Test
    void millisecondsRoundToWhatMatters() {
        assertThat(ValueFormat.MS.label(153.2)).isEqualTo("153 ms");
        assertThat(ValueFormat.MS.label(12.34)).isEqualTo("12.3 ms");
    }

    @Test
    void ticksHaveTheDecimalsTheirStepNeeds() {
        assertThat(Ticks.step(47.4)).isEqualTo(10);
        assertThat(Ticks.step(0.472)).isEqualTo(0.1, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(Ticks.ceil(47.4)).isEqualTo(50);
        assertThat(ValueFormat.USD.tick(20, 10)).isEqualTo("$20");
        assertThat(ValueFormat.USD.tick(0.3, 0.1)).isEqualTo("$0.3");
        assertThat(ValueFormat.USD.tick(12000, 2000)).isEqualTo("$12,000");
    }
}
