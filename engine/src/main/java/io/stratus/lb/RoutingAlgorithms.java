package io.stratus.lb;

import io.stratus.sim.RandomStream;
import java.util.List;
import java.util.Objects;

/** The registry of routing algorithms, by the names scenario files use. */
public final class RoutingAlgorithms {

    /** Every known name. */
    public static final List<String> NAMES = List.of(RoundRobinRouting.NAME,
            LeastOutstandingRequestsRouting.NAME, RandomRouting.NAME);

    private RoutingAlgorithms() {
    }

    /**
     * A new algorithm of that name.
     *
     * @param random the stream a randomised algorithm draws from (name it after the target group)
     * @throws IllegalArgumentException listing the known names when the name is unknown
     */
    public static RoutingAlgorithm create(String name, RandomStream random) {
        Objects.requireNonNull(name, "name");
        switch (name) {
            case RoundRobinRouting.NAME:
                return new RoundRobinRouting();
            case LeastOutstandingRequestsRouting.NAME:
                return new LeastOutstandingRequestsRouting();
            case RandomRouting.NAME:
                return new RandomRouting(random);
            default:
                throw new IllegalArgumentException("unknown routing algorithm '" + name + "'; known: "
                        + String.join(", ", NAMES));
        }
    }
}
