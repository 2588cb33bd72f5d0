package io.stratus.workload;

/** When the next arrival happens. */
public interface ArrivalProcess {

    /**
     * The time of the first arrival at or after {@code now}, microseconds, or
     * {@link Long#MAX_VALUE} when no more arrivals will come. Successive calls with the previous
     * answer give successive arrivals.
     */
    long nextArrival(long now);
}
