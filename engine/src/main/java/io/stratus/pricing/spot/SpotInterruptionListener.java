package io.stratus.pricing.spot;

import io.stratus.compute.Instance;

/**
 * Told of spot interruptions, so that a workload can checkpoint or give up unfinished work and
 * billing can waive the first hour of an instance EC2 reclaims.
 */
public interface SpotInterruptionListener {

    /** The two-minute interruption notice: {@code instance} will be reclaimed at {@code reclaimAt}. */
    default void noticed(Instance instance, long reclaimAt, long now) {
    }

    /** {@code instance} is being reclaimed now; the reclaim action (terminate or stop) follows. */
    void reclaimed(Instance instance, long now);
}
