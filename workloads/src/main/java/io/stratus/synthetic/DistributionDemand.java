package io.stratus.synthetic;

import io.stratus.sim.RandomStream;
import io.stratus.workload.ServiceDemand;
import java.util.Objects;
import java.util.function.Function;
import org.apache.commons.math3.distribution.RealDistribution;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * Service demand drawn from a Commons Math continuous distribution (microseconds of one vCPU),
 * the distribution drawing from a seeded {@link RandomStream}. {@link SizeDistributions} makes the
 * usual ones; {@link #of} takes any other.
 *
 * <p>Each draw is rounded to the nearest microsecond and is at least 1. A draw that is not finite
 * or does not fit in a {@code long} (for a Pareto this needs a uniform of exactly 0, probability
 * 2^-53) is drawn again. {@link #meanWorkMicros()} is the distribution's mean: rounding shifts
 * the mean of the work actually produced by less than half a microsecond plus the probability
 * mass below 1 us.
 */
public final class DistributionDemand implements ServiceDemand {

    private static final double LARGEST = 0x1.0p62; // far below Long.MAX_VALUE, exactly representable

    private final RealDistribution distribution;
    private final double mean;

    private DistributionDemand(RealDistribution distribution) {
        this.distribution = Objects.requireNonNull(distribution, "distribution");
        if (distribution.getSupportLowerBound() < 0) {
            throw new IllegalArgumentException("service demand cannot be negative: the distribution's support starts at "
                    + distribution.getSupportLowerBound());
        }
        this.mean = distribution.getNumericalMean();
        if (!(mean > 0) || !Double.isFinite(mean)) {
            throw new IllegalArgumentException("the distribution's mean must be positive and finite, got " + mean);
        }
    }

    /**
     * Demand drawn from the distribution that {@code factory} builds on a generator over
     * {@code random} (for example {@code rng -> new WeibullDistribution(rng, 1.5, 2000)}). The
     * factory must use the generator it is given, so draws stay reproducible.
     */
    public static DistributionDemand of(Function<RandomGenerator, RealDistribution> factory, RandomStream random) {
        return new DistributionDemand(factory.apply(new StreamRandomGenerator(random)));
    }

    @Override
    public long nextWorkMicros() {
        while (true) {
            double x = distribution.sample();
            if (x < LARGEST) { // false for NaN and infinity too
                return Math.max(1, Math.round(x));
            }
        }
    }

    @Override
    public double meanWorkMicros() {
        return mean;
    }

    /** The distribution drawn from. */
    public RealDistribution distribution() {
        return distribution;
    }
}
