package io.stratus.workload;

/** An arrival rate that may vary with simulated time. */
public interface RateProfile {

    /** The rate at {@code time} (microseconds), in arrivals per second; never negative. */
    double ratePerSecond(long time);

    /** An upper bound of {@link #ratePerSecond} over all time (used for thinning). */
    double maxRatePerSecond();

    /** The long-run average rate, in arrivals per second. */
    double meanRatePerSecond();

    /** Whether the rate never changes (lets the arrival process skip thinning). */
    default boolean isConstant() {
        return false;
    }
}
