package io.stratus.spot;

import io.stratus.compute.Instance;

/**
 * Told of a spot market's signals, so that an Auto Scaling group can rebalance its capacity, a
 * workload can checkpoint or give up unfinished work, and billing can waive the first hour of an
 * instance EC2 reclaims.
 */
public interface SpotInterruptionListener {

    /** A rebalance recommendation: {@code instance} is at elevated risk of interruption. */
    default void rebalanceRecommended(Instance instance, long now) {
    }

    /** The two-minute interruption notice: {@code instance} will be reclaimed at {@code reclaimAt}. */
    default void noticed(Instance instance, long reclaimAt, long now) {
    }

    /** {@code instance} is being reclaimed now; the reclaim action (terminate or stop) follows. */
    default void reclaimed(Instance instance, long now) {
    }
}
