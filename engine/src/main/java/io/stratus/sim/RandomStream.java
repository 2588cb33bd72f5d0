package io.stratus.sim;

import java.util.SplittableRandom;

/**
 * One named, seeded stream of random numbers over a {@link SplittableRandom} (SplitMix64: fast,
 * statistically strong, the same numbers for the same seed), with the few draws the models need.
 * A test pins the first values for one seed, so a JDK that changed the algorithm would be
 * noticed. Not thread-safe: a run is single-threaded.
 */
public final class RandomStream {

    private final SplittableRandom random;

    public RandomStream(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** Uniform in [0, 1). */
    public double nextDouble() {
        return random.nextDouble();
    }

    /** Uniform in [0, bound). */
    public int nextInt(int bound) {
        return random.nextInt(bound);
    }

    /** Uniform in [origin, bound). */
    public double nextDouble(double origin, double bound) {
        return random.nextDouble(origin, bound);
    }

    /** Uniform 64-bit value. */
    public long nextLong() {
        return random.nextLong();
    }

    /** Exponential with the given mean (inverse transform; never returns infinity). */
    public double exponential(double mean) {
        // 1 - u lies in (0, 1], so the logarithm is finite
        return -mean * Math.log(1.0 - random.nextDouble());
    }
}
