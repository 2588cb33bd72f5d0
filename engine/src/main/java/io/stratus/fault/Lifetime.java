package io.stratus.fault;

import io.stratus.sim.RandomStream;
import io.stratus.sim.Time;

/**
 * A distribution of durations (time to failure, time to repair), drawn from a named random stream
 * and rounded to whole microseconds (at least 1, so a process always advances).
 */
public sealed interface Lifetime permits Lifetime.Exponential, Lifetime.Weibull, Lifetime.Fixed {

    /** One duration, microseconds (at least 1). */
    long sample(RandomStream random);

    /** The mean duration, microseconds. */
    double meanMicros();

    /**
     * Exponential with the given mean (microseconds): memoryless, the usual model of random hardware failure
     * and of repair in availability theory.
     */
    record Exponential(long mean) implements Lifetime {
        public Exponential {
            if (mean <= 0) {
                throw new IllegalArgumentException("mean must be positive, got " + mean);
            }
        }

        @Override
        public long sample(RandomStream random) {
            return Math.max(1, Math.round(random.exponential(mean)));
        }

        @Override
        public double meanMicros() {
            return mean;
        }
    }

    /**
     * Weibull with shape {@code k} and scale {@code lambda} (inverse transform,
     * {@code lambda (-ln(1 - u))^(1/k)}): {@code k < 1} infant mortality, {@code k > 1} wear-out,
     * {@code k = 1} exponential. Mean {@code lambda Gamma(1 + 1/k)}.
     */
    record Weibull(double shape, long scaleMicros) implements Lifetime {
        public Weibull {
            if (!(shape > 0) || Double.isInfinite(shape) || scaleMicros <= 0) {
                throw new IllegalArgumentException("shape and scale must be positive, got " + shape + ", "
                        + scaleMicros);
            }
        }

        @Override
        public long sample(RandomStream random) {
            double u = random.nextDouble();
            return Math.max(1, Math.round(scaleMicros * Math.pow(-Math.log(1.0 - u), 1.0 / shape)));
        }

        @Override
        public double meanMicros() {
            return scaleMicros * Math.exp(org.apache.commons.math3.special.Gamma.logGamma(1 + 1 / shape));
        }
    }

    /** Always the same duration (a scheduled repair window, a fixed replacement time). */
    record Fixed(long micros) implements Lifetime {
        public Fixed {
            if (micros <= 0) {
                throw new IllegalArgumentException("duration must be positive, got " + Time.format(micros));
            }
        }

        @Override
        public long sample(RandomStream random) {
            return micros;
        }

        @Override
        public double meanMicros() {
            return micros;
        }
    }
}
