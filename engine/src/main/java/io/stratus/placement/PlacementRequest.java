package io.stratus.placement;

/**
 * What an instance needs from a host.
 *
 * @param threads   hardware threads (the instance's vCPUs)
 * @param memoryMib memory in MiB
 * @param zone      the zone index the instance must run in, or {@link #ANY_ZONE}
 */
public record PlacementRequest(int threads, long memoryMib, int zone) {

    /** No zone constraint. */
    public static final int ANY_ZONE = -1;

    public PlacementRequest {
        if (threads <= 0 || memoryMib <= 0) {
            throw new IllegalArgumentException("an instance needs positive threads and memory");
        }
        if (zone < ANY_ZONE) {
            throw new IllegalArgumentException("bad zone index " + zone);
        }
    }

    /** Whether a host in zone {@code hostZone} satisfies the zone constraint. */
    public boolean allowsZone(int hostZone) {
        return zone == ANY_ZONE || zone == hostZone;
    }
}
