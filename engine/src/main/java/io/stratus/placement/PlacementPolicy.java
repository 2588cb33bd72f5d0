package io.stratus.placement;

import io.stratus.infra.HostView;

/**
 * Chooses a host for an instance. Implementations hold no reference to the engine; they read the
 * view they are given and return a host number.
 */
public interface PlacementPolicy {

    /** Returned when no host can take the instance (insufficient capacity). */
    int NO_HOST = -1;

    /** The policy's name, as written in scenario files. */
    String name();

    /**
     * Chooses a host.
     *
     * @return a host number on which the request fits, or {@link #NO_HOST}
     */
    int choose(PlacementRequest request, HostView hosts);
}
