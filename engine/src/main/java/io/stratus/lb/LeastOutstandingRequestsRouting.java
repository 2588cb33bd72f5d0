package io.stratus.lb;

/**
 * Least outstanding requests (the ALB algorithm of that name): the candidate with the fewest
 * requests in progress.
 *
 * <p>Ties are broken by a cursor that advances by one each request, so that idle targets are
 * used in turn rather than always the first one. O(n) in the number of candidates per request.
 */
public final class LeastOutstandingRequestsRouting implements RoutingAlgorithm {

    /** The scenario name. */
    public static final String NAME = "least-outstanding-requests";

    private int start;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int choose(Candidates candidates) {
        int n = candidates.size();
        if (start >= n) {
            start = 0;
        }
        int best = start;
        int bestOutstanding = candidates.outstanding(best);
        for (int k = 1; k < n && bestOutstanding > 0; k++) {
            int i = start + k < n ? start + k : start + k - n;
            int o = candidates.outstanding(i);
            if (o < bestOutstanding) {
                best = i;
                bestOutstanding = o;
            }
        }
        start++;
        return best;
    }
}
