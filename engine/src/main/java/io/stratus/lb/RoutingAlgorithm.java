package io.stratus.lb;

/**
 * How a target group picks the target of one request among the targets it may use.
 *
 * <p>An algorithm only decides: it reads the candidates it is given and returns a position; the
 * target group sends the request. It holds no reference to the engine and allocates nothing per
 * request (routing is the hot path).
 */
public interface RoutingAlgorithm {

    /** The name used in scenario files, such as {@code round-robin}. */
    String name();

    /**
     * Picks one candidate.
     *
     * @param candidates the targets in rotation, never empty
     * @return a position in {@code [0, candidates.size())}
     */
    int choose(Candidates candidates);

    /** A read-only view of the targets a request may go to. */
    interface Candidates {

        /** Number of candidates, at least 1 when {@link #choose} is called. */
        int size();

        /** Instance id of candidate {@code i}. */
        int target(int i);

        /** Requests in progress on candidate {@code i} (outstanding requests). */
        int outstanding(int i);
    }
}
