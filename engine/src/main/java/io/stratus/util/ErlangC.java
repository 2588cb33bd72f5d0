package io.stratus.util;

/**
 * The M/M/c queue (Poisson arrivals, exponential service, {@code c} identical servers, first come
 * first served, unlimited room): Erlang's C formula for the probability of waiting and the mean
 * time in the system. The simulator's validation compares worker pools and multi-vCPU instances
 * against it; a capacity planner can use it to size a pool by hand.
 */
public final class ErlangC {

    private ErlangC() {
    }

    /**
     * The probability that an arrival waits: all {@code c} servers busy.
     *
     * @param c      servers, at least 1
     * @param lambda arrival rate
     * @param mu     one server's service rate; {@code lambda < c * mu} (a stable queue)
     */
    public static double waitProbability(int c, double lambda, double mu) {
        if (c < 1 || !(lambda >= 0) || !(mu > 0) || !(lambda < c * mu)) {
            throw new IllegalArgumentException("need c >= 1 and 0 <= lambda < c * mu, got c " + c + ", lambda "
                    + lambda + ", mu " + mu);
        }
        double a = lambda / mu;
        double sum = 0;
        double term = 1;
        for (int k = 0; k < c; k++) {
            sum += term;
            term *= a / (k + 1);
        }
        double last = term / (1 - a / c); // a^c / c! / (1 - rho)
        return last / (sum + last);
    }

    /** The mean time in the system, waiting plus service: {@code C / (c mu - lambda) + 1 / mu}. */
    public static double meanResponse(int c, double lambda, double mu) {
        return waitProbability(c, lambda, mu) / (c * mu - lambda) + 1 / mu;
    }
}
