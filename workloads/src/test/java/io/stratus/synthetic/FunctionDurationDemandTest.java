package io.stratus.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.stratus.sim.RandomStreams;
import io.stratus.sim.Time;
import io.stratus.trace.AzureFunctionDurationsReader;
import io.stratus.trace.FunctionDurations;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Durations drawn from the Azure Functions percentile tables: the distribution's quantiles are the
 * table's percentiles, draws follow them (Dvoretzky-Kiefer-Wolfowitz band), the mean is set next
 * to the table's Average, and requests follow each minute's mix of functions.
 */
class FunctionDurationDemandTest {

    private static final Path DURATIONS = Path.of("traces", "azure-functions-2019", "durations.csv");
    private static final double[] LEVELS = {0, 0.01, 0.25, 0.50, 0.75, 0.99, 1.0};
    private final RandomStreams streams = new RandomStreams(2019);

    static List<FunctionDurations> bundled() throws IOException {
        List<FunctionDurations> all = new ArrayList<>();
        try (AzureFunctionDurationsReader reader = new AzureFunctionDurationsReader(DURATIONS)) {
            for (FunctionDurations d = reader.next(); d != null; d = reader.next()) {
                all.add(d);
            }
        }
        assertThat(all).hasSize(10);
        return all;
    }

    private static FunctionDurationDemand single(PiecewiseLinearQuantiles q, RandomStreams streams, String name) {
        return new FunctionDurationDemand(new PiecewiseLinearQuantiles[] {q}, new int[][] {{1}}, () -> 0, 0, 1,
                streams.stream(name));
    }

    @Test
    void quantilesAreTheTablesPercentiles() throws IOException {
        for (FunctionDurations d : bundled()) {
            for (DurationTail tail : DurationTail.values()) {
                PiecewiseLinearQuantiles q = tail.quantiles(d);
                for (int i = 1; i < 6; i++) { // p1 to p99: every tail keeps them
                    assertThat(q.quantile(LEVELS[i])).as("%s %s p%s", d.function(), tail, LEVELS[i] * 100)
                            .isEqualTo(d.percentile(i));
                }
                switch (tail) {
                    case P100 -> assertThat(new double[] {q.quantile(0), q.quantile(1)})
                            .containsExactly(d.percentile(0), d.percentile(6));
                    case EXTREMES -> assertThat(new double[] {q.quantile(0), q.quantile(1)})
                            .containsExactly(Math.min(d.minimumMs(), d.percentile(0)),
                                    Math.max(d.maximumMs(), d.percentile(6)));
                    default -> {
                        assertThat(q.quantile(0)).isEqualTo(d.percentile(0));
                        assertThat(q.quantile(1)).isBetween(d.percentile(5), d.percentile(6));
                    }
                }
            }
        }
    }

    @Test
    void drawsFollowTheQuantilesWithinTheDkwBand() throws IOException {
        int n = 100_000;
        // P(sup |F_n - F| > eps) <= 2 exp(-2 n eps^2) = 1e-6
        double eps = Math.sqrt(Math.log(2 / 1e-6) / (2 * n));
        for (FunctionDurations d : bundled()) {
            PiecewiseLinearQuantiles q = DurationTail.AVERAGE.quantiles(d);
            FunctionDurationDemand demand = single(q, streams, d.function());
            long[] draws = new long[n];
            for (int i = 0; i < n; i++) {
                draws[i] = demand.nextWorkMicros();
            }
            Arrays.sort(draws);
            for (int i = 1; i < 6; i++) {
                long empirical = draws[(int) Math.floor(LEVELS[i] * (n - 1))];
                // draws are rounded to whole microseconds and at least 1
                double low = Math.max(1, q.quantile(Math.max(0, LEVELS[i] - eps)) * 1000 - 0.5);
                double high = Math.max(1, q.quantile(Math.min(1, LEVELS[i] + eps)) * 1000 + 0.5);
                assertThat((double) empirical).as("%s p%s", d.function(), LEVELS[i] * 100).isBetween(low, high);
            }
        }
    }

    /**
     * The mean of each tail choice next to the table's Average. The table's percentiles are of
     * per-30-second averages, whose invocation-weighted mean is the day's Average; what separates
     * the distribution's mean from it is the shape assumed between percentiles. The top per cent,
     * ramped linearly to p100 (the largest 30-second average: up to 1,300 times the p99), gives 1.3x
     * to 7x the Average; the average tail matches it where the lower percentiles allow, and
     * otherwise ends at p99 with a mean still above the Average, because a linear ramp over the
     * wide p75-p99 segment puts more mass high than the right-skewed real data does.
     */
    @Test
    void theMeanIsReportedNextToTheTablesAverage() throws IOException {
        System.out.println("function   Average  mean(average)  mean(p100)  mean(extremes)  (ms)");
        int matched = 0;
        for (FunctionDurations d : bundled()) {
            double avg = DurationTail.AVERAGE.quantiles(d).mean();
            double p100 = DurationTail.P100.quantiles(d).mean();
            double extremes = DurationTail.EXTREMES.quantiles(d).mean();
            System.out.printf("%s %8.1f %14.1f %11.1f %15.1f%n", d.function().substring(0, 8), d.averageMs(), avg,
                    p100, extremes);
            assertThat(Math.abs(avg - d.averageMs())).as(d.function())
                    .isLessThanOrEqualTo(Math.abs(p100 - d.averageMs()) + 1e-9);
            assertThat(Math.abs(avg - d.averageMs())).as(d.function())
                    .isLessThanOrEqualTo(Math.abs(extremes - d.averageMs()) + 1e-9);
            PiecewiseLinearQuantiles q = DurationTail.AVERAGE.quantiles(d);
            if (q.max() > d.percentile(5) && q.max() < d.percentile(6)) {
                assertThat(avg).as(d.function()).isCloseTo(d.averageMs(), within(1e-9));
                matched++;
            } else {
                // clamped at p99: the percentiles up to p99, with the top per cent at p99, already give
                // a mean at or above the Average
                assertThat(q.max()).isEqualTo(d.percentile(5));
                assertThat(avg).isGreaterThanOrEqualTo(d.averageMs());
            }
        }
        assertThat(matched).as("functions whose mean is the Average exactly").isEqualTo(1);
    }

    @Test
    void theSampleMeanIsTheDistributionsMean() throws IOException {
        int n = 200_000;
        FunctionDurations d = bundled().get(0); // 47658c9c: mean 306 ms
        PiecewiseLinearQuantiles q = DurationTail.AVERAGE.quantiles(d);
        FunctionDurationDemand demand = single(q, streams, "mean");
        assertThat(demand.meanWorkMicros()).isCloseTo(306_000, within(1e-6));
        double sum = 0;
        double squares = 0;
        for (int i = 0; i < n; i++) {
            double x = demand.nextWorkMicros();
            sum += x;
            squares += x * x;
        }
        double mean = sum / n;
        double se = Math.sqrt((squares / n - mean * mean) / n);
        assertThat(mean).isCloseTo(306_000, within(5 * se));
    }

    @Test
    void eachMinuteDrawsFromItsOwnMixOfFunctions() {
        // function A always 1 ms, B always 9 ms; minute 0 only A, minute 1 only B, minute 2 none
        // (falls back to the totals, 10 : 30), minute 3 A and B 1 : 1
        PiecewiseLinearQuantiles a = new PiecewiseLinearQuantiles(new double[] {0, 1}, new double[] {1, 1});
        PiecewiseLinearQuantiles b = new PiecewiseLinearQuantiles(new double[] {0, 1}, new double[] {9, 9});
        long[] now = {0};
        // origin 1 min, speedup 2: simulated t is trace minute floor((60 s + 2t) / 60 s)
        FunctionDurationDemand demand = new FunctionDurationDemand(new PiecewiseLinearQuantiles[] {a, b},
                new int[][] {{0, 5, 0, 5}, {0, 0, 25, 5}}, () -> now[0], Time.MINUTE, 2, streams.stream("mix"));
        assertThat(demand.meanWorkMicros()).isCloseTo((10 * 1000 + 30 * 9000) / 40.0, within(1e-9));
        now[0] = 10 * Time.SECOND; // trace 80 s: minute 1, only A
        for (int i = 0; i < 1000; i++) {
            assertThat(demand.nextWorkMicros()).isEqualTo(1000);
        }
        now[0] = 40 * Time.SECOND; // trace 140 s: minute 2, only B
        for (int i = 0; i < 1000; i++) {
            assertThat(demand.nextWorkMicros()).isEqualTo(9000);
        }
        int n = 40_000;
        now[0] = 70 * Time.SECOND; // trace 200 s: minute 3, A and B 1 : 1
        int bs = 0;
        for (int i = 0; i < n; i++) {
            bs += demand.nextWorkMicros() == 9000 ? 1 : 0;
        }
        assertThat((double) bs).isCloseTo(n / 2.0, within(5 * Math.sqrt(n / 4.0)));
        now[0] = 0; // trace 60 s: minute 1 again
        assertThat(demand.nextWorkMicros()).isEqualTo(1000);
        now[0] = -Time.MINUTE; // before the trace: clamped to minute 0, where neither runs: totals 10 : 30
        bs = 0;
        for (int i = 0; i < n; i++) {
            bs += demand.nextWorkMicros() == 9000 ? 1 : 0;
        }
        assertThat((double) bs).isCloseTo(0.75 * n, within(5 * Math.sqrt(n * 0.75 * 0.25)));
    }

    @Test
    void badMixesAreRefused() {
        PiecewiseLinearQuantiles a = new PiecewiseLinearQuantiles(new double[] {0, 1}, new double[] {1, 2});
        assertThatThrownBy(() -> new FunctionDurationDemand(new PiecewiseLinearQuantiles[] {a}, new int[][] {{0, 0}},
                () -> 0, 0, 1, streams.stream("x"))).hasMessageContaining("no invocations");
        assertThatThrownBy(() -> new FunctionDurationDemand(new PiecewiseLinearQuantiles[] {a, a}, new int[][] {{1}},
                () -> 0, 0, 1, streams.stream("y"))).hasMessageContaining("one duration distribution per function");
    }
}
