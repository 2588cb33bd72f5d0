package io.stratus.scenario;

/**
 * A service that is a cache in front of a slower backend (see
 * {@link io.stratus.workload.ZipfCache} and {@link io.stratus.workload.CacheTier}): the fleet's
 * usable memory holds the most popular objects of the working set; a miss waits for the backend.
 *
 * @param workingSetBytes   total size of all objects
 * @param objectBytes       size of one object
 * @param zipf              Zipf exponent of object popularity (0 uniform; about 0.6 to 1 for web caches)
 * @param usableMemory      fraction of each running instance's memory used for objects
 * @param missPenaltyMicros backend fetch time of a miss
 */
public record CacheConfig(double workingSetBytes, double objectBytes, double zipf, double usableMemory,
                          long missPenaltyMicros) {

    /** Number of objects in the working set. */
    public long objects() {
        return Math.max(1, (long) Math.ceil(workingSetBytes / objectBytes));
    }

    /** Objects that {@code runningInstances} instances of {@code memoryGib} each can hold. */
    public long cachedObjects(int runningInstances, double memoryGib) {
        return (long) Math.floor(runningInstances * memoryGib * 1024 * 1024 * 1024 * usableMemory / objectBytes);
    }
}
