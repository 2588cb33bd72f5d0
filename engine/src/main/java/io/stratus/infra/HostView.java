package io.stratus.infra;

/**
 * A read-only view of the hosts, for placement policies: they decide, the engine applies.
 */
public interface HostView {

    /** Number of hosts; hosts are numbered 0 to {@code hostCount() - 1}. */
    int hostCount();

    /** Number of zones. */
    int zoneCount();

    /** The zone of that index. */
    Zone zone(int index);

    /** The zone index of a host. */
    int zoneOf(int host);

    /** The rack of a host: racks are numbered from 0, hold consecutive hosts, never span zones. */
    int rackOf(int host);

    /** Number of racks. */
    int rackCount();

    /**
     * The first host number after {@code host}'s rack (its rack holds the hosts from its first one
     * up to this number, exclusive): a search in host order skips a refused rack in one step.
     */
    int rackEnd(int host);

    /**
     * The first host number after {@code host} that is in another zone, or {@link #hostCount()}:
     * hosts from {@code host} up to this number, exclusive, are all in {@code host}'s zone (a run
     * of whole racks), so a search in host order skips a refused zone one run at a time.
     */
    int zoneRunEnd(int host);

    /** The hardware of a host. */
    HostSpec spec(int host);

    /** Threads not reserved by any instance. */
    int freeThreads(int host);

    /** Memory not reserved by any instance, in MiB. */
    long freeMemoryMib(int host);

    /** Instances placed on the host. */
    int instanceCount(int host);

    /** Whether an instance of that size fits on the host now. */
    boolean fits(int host, int threads, long memoryMib);
}
