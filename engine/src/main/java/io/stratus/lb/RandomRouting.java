package io.stratus.lb;

import io.stratus.sim.RandomStream;
import java.util.Objects;

/**
 * Uniformly random routing. Not an ALB algorithm: it exists for theory checks, because random
 * routing splits a Poisson stream into independent Poisson streams (thinning), so each of N
 * identical targets is an M/M/1 queue at rate lambda / N.
 */
public final class RandomRouting implements RoutingAlgorithm {

    /** The scenario name. */
    public static final String NAME = "random";

    private final RandomStream random;

    public RandomRouting(RandomStream random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int choose(Candidates candidates) {
        return random.nextInt(candidates.size());
    }
}
