package io.stratus.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class OutlierScaleTest {

    @Test
    void oneOutlierIsCutAQuarterPastTheLargestOtherBar() {
        // median of {1, 2, 3, 100} is 2.5; 100 > 4 x 2.5; the largest other is 3, so the axis ends at 3.75
        assertThat(OutlierScale.cap(new double[] {1, 2, 3, 100})).isEqualTo(3.75);
        assertThat(OutlierScale.cut(100, 3.75)).isTrue();
        assertThat(OutlierScale.cut(3, 3.75)).isFalse();
    }

    @Test
    void comparableBarsAndTooFewBarsAreNotCapped() {
        assertThat(OutlierScale.cap(new double[] {26.17, 30.1, 32.4, 47.4})).isNaN();
        assertThat(OutlierScale.cap(new double[] {1, 1000})).isNaN(); // two bars: nothing to call typical
        assertThat(OutlierScale.cap(new double[] {0, 0, 0, 5})).isNaN(); // median 0: no scale to keep
        assertThat(OutlierScale.cut(5, Double.NaN)).isFalse();
    }

    @Test
    void severalOutliersAndMissingValues() {
        assertThat(OutlierScale.cap(new double[] {1, 1, Double.NaN, 1, 50, 60})).isEqualTo(1.25);
    }

    /**
     * Seeded random bar sets: when capped, every bar within 4 x the median is whole and at least
     * one is cut; when not, the largest bar is typical or fits a quarter past the largest typical one.
     */
    @Test
    void aCapKeepsTheTypicalBarsWholeAndCutsOnlyOutliers() {
        Random random = new Random(18);
        for (int trial = 0; trial < 2000; trial++) {
            double[] v = random.doubles(3 + random.nextInt(8), 0, 10).toArray();
            if (random.nextBoolean()) {
                v[random.nextInt(v.length)] *= 1 + random.nextInt(200);
            }
            double cap = OutlierScale.cap(v);
            double[] sorted = Arrays.stream(v).sorted().toArray();
            double median = sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                    : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
            double largestInlier = Arrays.stream(v).filter(x -> x <= OutlierScale.FACTOR * median).max().orElse(0);
            if (Double.isNaN(cap)) { // no outlier, or one that fits a quarter past the largest other bar
                assertThat(sorted[sorted.length - 1]).isLessThanOrEqualTo(Math.max(OutlierScale.FACTOR * median,
                        1.25 * largestInlier));
            } else {
                assertThat(Arrays.stream(v).filter(x -> x <= OutlierScale.FACTOR * median)).allMatch(x -> x < cap);
                assertThat(Arrays.stream(v).filter(x -> OutlierScale.cut(x, cap))).isNotEmpty();
            }
        }
    }
}
