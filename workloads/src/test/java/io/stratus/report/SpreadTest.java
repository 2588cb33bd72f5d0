package io.stratus.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The mean and percentiles of {@link Spread}, worked by hand (type 7: rank (n - 1) p, linear between). */
class SpreadTest {

    @Test
    void twentyOneValuesHaveTheirSecondAndTwentiethAsP5AndP95() {
        double[] v = new double[21];
        for (int i = 0; i < v.length; i++) {
            v[i] = 20 - i; // 20..0, unsorted order must not matter
        }
        Spread s = Spread.of(v);
        assertThat(s.mean()).isEqualTo(10.0);
        assertThat(s.p5()).isEqualTo(1.0);   // rank 20 * 0.05 = 1
        assertThat(s.p95()).isEqualTo(19.0); // rank 20 * 0.95 = 19
    }

    @Test
    void twentyValuesInterpolate() {
        double[] v = new double[20];
        for (int i = 0; i < v.length; i++) {
            v[i] = 10 * (i + 1); // 10..200
        }
        Spread s = Spread.of(v);
        // rank 19 * 0.05 = 0.95: 10 + 0.95 * 10; rank 19 * 0.95 = 18.05: 190 + 0.05 * 10
        assertThat(s.p5()).isCloseTo(19.5, within(1e-12));
        assertThat(s.p95()).isCloseTo(190.5, within(1e-12));
        assertThat(s.mean()).isCloseTo(105, within(1e-12));
    }

    @Test
    void oneValueIsItsOwnSpread() {
        assertThat(Spread.of(new double[] {3.25})).isEqualTo(new Spread(3.25, 3.25, 3.25));
    }
}
