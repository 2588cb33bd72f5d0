package io.stratus.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The piecewise-linear quantile function against hand computation. */
class PiecewiseLinearQuantilesTest {

    // knots (0, 10), (0.5, 20), (1, 60): uniform on [10, 20] with probability 1/2, on [20, 60] with 1/2
    private final PiecewiseLinearQuantiles q = new PiecewiseLinearQuantiles(new double[] {0, 0.5, 1},
            new double[] {10, 20, 60});

    @Test
    void quantilesInterpolateLinearlyBetweenKnots() {
        assertThat(q.quantile(0)).isEqualTo(10);
        assertThat(q.quantile(0.25)).isEqualTo(15);
        assertThat(q.quantile(0.5)).isEqualTo(20);
        assertThat(q.quantile(0.75)).isEqualTo(40);
        assertThat(q.quantile(1)).isEqualTo(60);
        assertThat(q.min()).isEqualTo(10);
        assertThat(q.max()).isEqualTo(60);
    }

    @Test
    void theMeanIsTheAverageOfTheSegmentMidpoints() {
        // 0.5 x 15 + 0.5 x 40 = 27.5
        assertThat(q.mean()).isEqualTo(27.5);
    }

    @Test
    void aFlatSegmentIsAnAtom() {
        PiecewiseLinearQuantiles atom = new PiecewiseLinearQuantiles(new double[] {0, 0.3, 1}, new double[] {0, 0, 7});
        assertThat(atom.quantile(0.2)).isZero();
        assertThat(atom.mean()).isCloseTo(0.7 * 3.5, within(1e-12));
    }

    @Test
    void badKnotsAreRefused() {
        assertThatThrownBy(() -> new PiecewiseLinearQuantiles(new double[] {0.1, 1}, new double[] {1, 2}))
                .hasMessageContaining("levels must run from 0 to 1");
        assertThatThrownBy(() -> new PiecewiseLinearQuantiles(new double[] {0, 0.5, 0.5, 1}, new double[] {1, 2, 3, 4}))
                .hasMessageContaining("increase strictly");
        assertThatThrownBy(() -> new PiecewiseLinearQuantiles(new double[] {0, 1}, new double[] {2, 1}))
                .hasMessageContaining("must not decrease");
        assertThatThrownBy(() -> new PiecewiseLinearQuantiles(new double[] {0, 1}, new double[] {1}))
                .hasMessageContaining("as many values as levels");
        assertThatThrownBy(() -> q.quantile(1.5)).hasMessageContaining("[0, 1]");
    }
}
