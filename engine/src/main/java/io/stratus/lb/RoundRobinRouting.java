package io.stratus.lb;

/**
 * Round robin: each request goes to the next candidate in rotation order, wrapping around.
 *
 * <p>When a target leaves the rotation the cursor keeps its position, so the following target
 * may be skipped once; over time every target gets the same share.
 */
public final class RoundRobinRouting implements RoutingAlgorithm {

    /** The scenario name. */
    public static final String NAME = "round-robin";

    private int cursor;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int choose(Candidates candidates) {
        if (cursor >= candidates.size()) {
            cursor = 0;
        }
        return cursor++;
    }
}
