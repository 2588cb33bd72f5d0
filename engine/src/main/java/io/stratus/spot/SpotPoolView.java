package io.stratus.spot;

import io.stratus.compute.InstanceType;

/**
 * What a launch can read of the spot capacity pools (an instance type in a zone) to choose one
 * ({@link AllocationStrategy}): the pool's spot price and its depth now. Read-only.
 */
public interface SpotPoolView {

    /** The spot price of the pool, USD per hour, at {@code now} (microseconds). */
    double usdPerHour(InstanceType type, int zone, long now);

    /**
     * The pool's spare spot capacity at {@code now}, in hours of mean time between its capacity
     * drops scaled by how far it has recovered from the last one (bigger: less likely to be
     * interrupted; comparable between pools only).
     */
    double depth(InstanceType type, int zone, long now);
}
