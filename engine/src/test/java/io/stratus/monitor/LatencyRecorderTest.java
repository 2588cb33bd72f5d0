package io.stratus.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Percentiles stay within the exact extremes recorded (issue 19: p99 above the maximum). */
class LatencyRecorderTest {

    @Test
    void aSingleLatencyIsEveryPercentileExactly() {
        LatencyRecorder r = new LatencyRecorder();
        r.record(100_001); // its HdrHistogram bucket (3 digits) reaches 100,031
        assertThat(r.percentileMicros(99)).isEqualTo(100_001);
        assertThat(r.percentileMicros(50)).isEqualTo(100_001);
        assertThat(r.percentileMicros(0)).isEqualTo(100_001);
        assertThat(r.minMicros()).isEqualTo(100_001);
    }

    @Test
    void percentilesAreOrderedWithinTheExactMinimumAndMaximumAndNearTheSortedValues() {
        SplittableRandom random = new SplittableRandom(19);
        for (int trial = 0; trial < 300; trial++) {
            LatencyRecorder r = new LatencyRecorder();
            int n = 1 + random.nextInt(50);
            long[] values = new long[n];
            for (int i = 0; i < n; i++) {
                values[i] = 1 + random.nextLong(1L << (1 + random.nextInt(36)));
                r.record(values[i]);
            }
            Arrays.sort(values);
            long p50 = r.percentileMicros(50);
            long p95 = r.percentileMicros(95);
            long p99 = r.percentileMicros(99);
            assertThat(values[0]).isLessThanOrEqualTo(p50);
            assertThat(p50).isLessThanOrEqualTo(p95);
            assertThat(p95).isLessThanOrEqualTo(p99);
            assertThat(p99).isLessThanOrEqualTo(r.maxMicros()).isLessThanOrEqualTo(values[n - 1]);
            // the naive oracle: the nearest-rank p99 of the sorted values, within the histogram's 0.1%
            long rank = values[(int) Math.ceil(0.99 * n) - 1];
            assertThat((double) p99).isCloseTo(rank, org.assertj.core.data.Offset.offset(rank * 0.001 + 1));
        }
    }

    @Test
    void nothingRecordedHasNoMinimum() {
        LatencyRecorder r = new LatencyRecorder();
        assertThat(r.minMicros()).isZero();
        assertThat(r.count()).isZero();
        assertThat(r.meanMicros()).isNaN();
    }
}
