package io.stratus.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.stratus.sim.RandomStream;
import io.stratus.sim.RandomStreams;
import io.stratus.workload.ServiceDemand;
import org.apache.commons.math3.distribution.WeibullDistribution;
import org.junit.jupiter.api.Test;

/** Sample means and tails of the size distributions against their closed forms. */
class SizeDistributionsTest {

    private static final int N = 200_000;
    private final RandomStreams streams = new RandomStreams(42);

    private static double[] meanAndSd(ServiceDemand demand) {
        double sum = 0;
        double sumSquares = 0;
        for (int i = 0; i < N; i++) {
            long x = demand.nextWorkMicros();
            assertThat(x).isPositive();
            sum += x;
            sumSquares += (double) x * x;
        }
        double mean = sum / N;
        return new double[] {mean, Math.sqrt(sumSquares / N - mean * mean)};
    }

    @Test
    void paretoMeanAndTail() {
        // scale 1 ms, shape 3: mean 1.5 ms, sd 0.866 ms (finite variance needs shape > 2)
        DistributionDemand pareto = SizeDistributions.pareto(1000, 3, streams.stream("pareto"));
        assertThat(pareto.meanWorkMicros()).isEqualTo(1500);
        double standardError = 866 / Math.sqrt(N);
        assertThat(meanAndSd(pareto)[0]).isCloseTo(1500, within(5 * standardError));
        // P(X > 2 scale) = 2^-3
        int above = 0;
        for (int i = 0; i < N; i++) {
            if (pareto.nextWorkMicros() > 2000) {
                above++;
            }
        }
        assertThat(above / (double) N).isCloseTo(0.125, within(5 * Math.sqrt(0.125 * 0.875 / N)));
        assertThat(SizeDistributions.paretoWithMean(1500, 3, new RandomStream(1)).distribution().getSupportLowerBound())
                .isCloseTo(1000, within(1e-9));
    }

    @Test
    void lognormalMeanAndCoefficientOfVariation() {
        DistributionDemand lognormal = SizeDistributions.lognormalWithMean(2000, 1.5, streams.stream("lognormal"));
        assertThat(lognormal.meanWorkMicros()).isCloseTo(2000, within(1e-9));
        double[] stats = meanAndSd(lognormal);
        double standardError = 3000 / Math.sqrt(N);
        assertThat(stats[0]).isCloseTo(2000, within(5 * standardError));
        assertThat(stats[1] / stats[0]).isCloseTo(1.5, within(0.15));
    }

    @Test
    void exponentialAndFixedAreTheEnginesOwn() {
        ServiceDemand exponential = SizeDistributions.exponential(800, streams.stream("exponential"));
        double[] stats = meanAndSd(exponential);
        assertThat(stats[0]).isCloseTo(800, within(5 * 800 / Math.sqrt(N)));
        assertThat(stats[1]).isCloseTo(800, within(20.0));
        assertThat(SizeDistributions.fixed(250).nextWorkMicros()).isEqualTo(250);
    }

    @Test
    void anyCommonsDistributionOnAStream() {
        DistributionDemand weibull = DistributionDemand.of(rng -> new WeibullDistribution(rng, 1.5, 2000),
                streams.stream("weibull"));
        double expected = weibull.distribution().getNumericalMean();
        double sd = Math.sqrt(weibull.distribution().getNumericalVariance());
        assertThat(meanAndSd(weibull)[0]).isCloseTo(expected, within(5 * sd / Math.sqrt(N)));
    }

    @Test
    void sameStreamSameSizes() {
        DistributionDemand a = SizeDistributions.lognormal(7, 1, new RandomStream(3));
        DistributionDemand b = SizeDistributions.lognormal(7, 1, new RandomStream(3));
        for (int i = 0; i < 1000; i++) {
            assertThat(a.nextWorkMicros()).isEqualTo(b.nextWorkMicros());
        }
    }

    @Test
    void infiniteMeansAndNegativeSupportsAreRefused() {
        RandomStream random = new RandomStream(1);
        assertThatThrownBy(() -> SizeDistributions.pareto(1000, 1, random)).hasMessageContaining("finite mean");
        assertThatThrownBy(() -> SizeDistributions.lognormalWithMean(-5, 1, random)).hasMessageContaining("positive mean");
        assertThatThrownBy(() -> DistributionDemand.of(rng -> new org.apache.commons.math3.distribution.NormalDistribution(rng, 10, 1), random))
                .hasMessageContaining("cannot be negative");
    }
}
