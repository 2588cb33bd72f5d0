package io.stratus.hypervisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import java.util.List;
import org.junit.jupiter.api.Test;

class WaterFillingTest {

    @Test
    void handSolvedCase() {
        // C = 10, d = (1, 5, 8), w = (1, 1, 2). Level L: 1 + min(5, L) + min(8, 2L) = 10.
        // With the first satisfied, L = 9 / 3 = 3 < 5, 2L = 6 < 8: x = (1, 3, 6)
        double[] out = new double[3];
        double total = WaterFilling.allocate(3, new double[] {1, 5, 8}, new double[] {1, 1, 2}, 10, out);
        assertThat(total).isEqualTo(10);
        assertThat(out).containsExactly(new double[] {1, 3, 6}, within(1e-12));
    }

    @Property(seed = "20261123", tries = 500)
    void allocationIsFeasibleWorkConservingAndFair(
            @ForAll @Size(min = 1, max = 12) List<@DoubleRange(min = 0, max = 16) Double> demands,
            @ForAll @IntRange(min = 1, max = 40) int capacity) {
        int k = demands.size();
        double[] d = new double[k];
        double[] w = new double[k];
        for (int i = 0; i < k; i++) {
            d[i] = demands.get(i);
            w[i] = 1 + i % 3;
        }
        double[] x = new double[k];
        double total = WaterFilling.allocate(k, d, w, capacity, x);
        double sumDemand = 0;
        for (int i = 0; i < k; i++) {
            sumDemand += d[i];
            assertThat(x[i]).isBetween(0.0, d[i] + 1e-9);
        }
        assertThat(total).isCloseTo(Math.min(capacity, sumDemand), within(1e-6));
        // max-min fairness: an unsatisfied claimant gets at least the weighted share of anyone else
        for (int i = 0; i < k; i++) {
            if (x[i] < d[i] - 1e-9) {
                for (int j = 0; j < k; j++) {
                    assertThat(x[i] / w[i]).isGreaterThanOrEqualTo(x[j] / w[j] - 1e-9);
                }
            }
        }
    }
}
