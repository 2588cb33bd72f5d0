package io.stratus.synthetic;

import io.stratus.sim.RandomStream;
import io.stratus.workload.ServiceDemand;
import org.apache.commons.math3.distribution.LogNormalDistribution;
import org.apache.commons.math3.distribution.ParetoDistribution;

/**
 * The service-demand (request or job size) distributions used in cloud workloads, in
 * microseconds of one vCPU, each drawing from a seeded {@link RandomStream}:
 * <ul>
 *   <li>{@link #fixed}: every request the same (deterministic service, M/D/1);</li>
 *   <li>{@link #exponential}: memoryless sizes (M/M/1), coefficient of variation 1;</li>
 *   <li>{@link #pareto}: power-law tail {@code P(X > x) = (scale/x)^shape} for {@code x >= scale},
 *       the classic heavy tail of web object and job sizes; the mean is finite only for
 *       {@code shape > 1} and the variance only for {@code shape > 2};</li>
 *   <li>{@link #lognormal}: {@code ln X} normal, heavy-ish tail with all moments finite, a good
 *       fit to many measured service and VM lifetimes.</li>
 * </ul>
 * Fixed and exponential are the engine's own ({@link ServiceDemand#fixed},
 * {@link ServiceDemand#exponential}); the others are {@link DistributionDemand}s over Commons
 * Math.
 */
public final class SizeDistributions {

    private SizeDistributions() {
    }

    /** Every request needs {@code micros}. */
    public static ServiceDemand fixed(long micros) {
        return ServiceDemand.fixed(micros);
    }

    /** Exponential with mean {@code meanMicros}. */
    public static ServiceDemand exponential(double meanMicros, RandomStream random) {
        return ServiceDemand.exponential(meanMicros, random);
    }

    /**
     * Pareto with minimum {@code scaleMicros} and tail index {@code shape}; the mean is
     * {@code shape * scale / (shape - 1)}.
     *
     * @throws IllegalArgumentException unless {@code shape > 1} (else the mean is infinite)
     */
    public static DistributionDemand pareto(double scaleMicros, double shape, RandomStream random) {
        if (!(scaleMicros > 0) || !Double.isFinite(scaleMicros)) {
            throw new IllegalArgumentException("Pareto scale must be positive, got " + scaleMicros);
        }
        if (!(shape > 1) || !Double.isFinite(shape)) {
            throw new IllegalArgumentException("Pareto shape must exceed 1 for a finite mean, got " + shape);
        }
        return DistributionDemand.of(rng -> new ParetoDistribution(rng, scaleMicros, shape), random);
    }

    /** Pareto with tail index {@code shape} and the given mean (the scale follows). */
    public static DistributionDemand paretoWithMean(double meanMicros, double shape, RandomStream random) {
        if (!(shape > 1)) {
            throw new IllegalArgumentException("Pareto shape must exceed 1 for a finite mean, got " + shape);
        }
        return pareto(meanMicros * (shape - 1) / shape, shape, random);
    }

    /**
     * Lognormal: {@code ln X} is normal with mean {@code mu} and standard deviation
     * {@code sigma} ({@code X} in microseconds); the mean is {@code exp(mu + sigma^2 / 2)}.
     */
    public static DistributionDemand lognormal(double mu, double sigma, RandomStream random) {
        if (!Double.isFinite(mu) || !(sigma > 0) || !Double.isFinite(sigma)) {
            throw new IllegalArgumentException("lognormal needs a finite mu and a positive sigma, got "
                    + mu + ", " + sigma);
        }
        return DistributionDemand.of(rng -> new LogNormalDistribution(rng, mu, sigma), random);
    }

    /**
     * Lognormal with the given mean and coefficient of variation (standard deviation over mean):
     * {@code sigma^2 = ln(1 + cv^2)}, {@code mu = ln(mean) - sigma^2 / 2}.
     */
    public static DistributionDemand lognormalWithMean(double meanMicros, double cv, RandomStream random) {
        if (!(meanMicros > 0) || !(cv > 0) || !Double.isFinite(meanMicros) || !Double.isFinite(cv)) {
            throw new IllegalArgumentException("lognormal needs a positive mean and coefficient of variation, got "
                    + meanMicros + ", " + cv);
        }
        double variance = Math.log1p(cv * cv);
        return lognormal(Math.log(meanMicros) - variance / 2, Math.sqrt(variance), random);
    }
}
