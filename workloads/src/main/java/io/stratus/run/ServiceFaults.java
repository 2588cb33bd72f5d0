package io.stratus.run;

/**
 * What faults did to one service over a run.
 *
 * @param name                 the service
 * @param requests             requests that arrived
 * @param noHealthyTarget      refused by the load balancer with no target in rotation (nor failing open)
 * @param capacityShort        refused because every target (or the I/O stage) held its maximum in flight
 * @param instanceLost         in progress on an instance's CPU when it left running (host failure,
 *                             zone outage, spot reclaim, scale-in)
 * @param slow                 served slower than the scenario's latency bound (0 without one)
 * @param minutes              minutes of the run with at least one arrival
 * @param breachMinutes        of them, minutes in which more than {@code 1 - objective} of the
 *                             minute's requests failed or were slow
 * @param longestBreachMinutes the longest stretch of consecutive breached minutes: the time the
 *                             worst episode took to recover
 * @param objective            the availability objective, such as 0.999
 */
public record ServiceFaults(String name, long requests, long noHealthyTarget, long capacityShort, long instanceLost,
                            long slow, long minutes, long breachMinutes, long longestBreachMinutes, double objective) {

    /** Requests that failed, every cause. */
    public long failed() {
        return noHealthyTarget + capacityShort + instanceLost;
    }

    /** The fraction of requests that succeeded (1 with none). */
    public double availability() {
        return requests == 0 ? 1 : 1 - (double) failed() / requests;
    }

    /**
     * The fraction of the error budget ({@code (1 - objective) x requests}) the bad requests (failed
     * or slow) used; over 1 is overspent.
     */
    public double errorBudgetUsed() {
        double budget = (1 - objective) * requests;
        long bad = failed() + slow;
        return budget == 0 ? (bad == 0 ? 0 : Double.POSITIVE_INFINITY) : bad / budget;
    }
}
