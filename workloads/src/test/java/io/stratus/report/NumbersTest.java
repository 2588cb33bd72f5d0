package io.stratus.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratus.run.MetricsRow;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Table numbers: none for what is not a number, never a negative zero. */
class NumbersTest {

    @Test
    void fixedShowsNoneForNaNAndNeverANegativeZero() {
        assertThat(Numbers.fixed(Double.NaN, 1)).isEqualTo("-");
        assertThat(Numbers.fixed(Double.POSITIVE_INFINITY, 2)).isEqualTo("-");
        assertThat(Numbers.fixed(-0.0, 1)).isEqualTo("0.0");
        assertThat(Numbers.fixed(-1e-17, 4)).isEqualTo("0.0000");
        assertThat(Numbers.fixed(-0.04, 1)).isEqualTo("0.0");
        assertThat(Numbers.fixed(-0.06, 1)).isEqualTo("-0.1");
        assertThat(Numbers.fixed(-12.5, 1)).isEqualTo("-12.5");
        // a cost that is a difference of sums (the instances' share of a bill) may come out at -1e-17
        assertThat(Numbers.usd(-1e-17)).isEqualTo("0.0000");
        assertThat(Numbers.usd(-0.0)).isEqualTo("0.0000");
        assertThat(Numbers.fixed(3.14159, 2)).isEqualTo("3.14");
        assertThat(Numbers.sig6(-0.0).toPlainString()).isEqualTo("0");
    }

    @Test
    void metricsCsvHasNoNegativeZero() {
        MetricsRow row = new MetricsRow(900_000_000L, "web", 0, 1, 0, -1e-17, -0.0, 0, 0, 10, 0, 10, 1, 2, 3, 0.01);
        String csv = new String(MetricsCsv.render(List.of(row)), StandardCharsets.UTF_8);
        assertThat(csv).doesNotContain("-0").contains(",0.0000,0.0000,");
    }
}
