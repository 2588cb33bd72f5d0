package io.stratus.workload;

import io.stratus.hypervisor.CompletionListener;
import io.stratus.sim.RandomStream;
import io.stratus.sim.Simulation;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * A cache in front of a slower backend: a request that finished its CPU work on a cache
 * instance is a hit with the probability of the current {@link ZipfCache} hit ratio, or a miss
 * that waits a fixed backend fetch time before it completes.
 *
 * <p>The cache's capacity in objects comes from a supplier (for example the usable memory of the
 * running instances over the object size), read at each request, so the hit ratio follows the
 * fleet as it grows or shrinks. The backend is an infinite server with a fixed delay (it never
 * queues); its delay is carried in the event itself, so nothing is allocated per request. The
 * hit ratio is recomputed only when the number of cached objects changes.
 */
public final class CacheTier implements CompletionListener {

    private final Simulation sim;
    private final ZipfCache cache;
    private final LongSupplier cachedObjects;
    private final long missPenaltyMicros;
    private final RandomStream random;
    private final CompletionListener downstream;
    private final int backendKind;
    private long hits;
    private long misses;
    // the hit ratio changes only when the cache's size does: remember the last one
    private long ratioFor = -1;
    private double ratio;

    /**
     * @param cachedObjects     how many objects the cache holds now
     * @param missPenaltyMicros backend fetch time of a miss
     * @param downstream        told when a request finally completes
     */
    public CacheTier(Simulation sim, ZipfCache cache, LongSupplier cachedObjects, long missPenaltyMicros,
                     RandomStream random, CompletionListener downstream) {
        this.sim = Objects.requireNonNull(sim, "sim");
        this.cache = Objects.requireNonNull(cache, "cache");
        this.cachedObjects = Objects.requireNonNull(cachedObjects, "cachedObjects");
        if (missPenaltyMicros < 0) {
            throw new IllegalArgumentException("miss penalty must not be negative");
        }
        this.missPenaltyMicros = missPenaltyMicros;
        this.random = Objects.requireNonNull(random, "random");
        this.downstream = Objects.requireNonNull(downstream, "downstream");
        this.backendKind = sim.registerKind("cache-backend-return",
                (instance, arrival) -> downstream.completed(instance, arrival, sim.now()));
    }

    @Override
    public void completed(int instance, long arrivalTime, long now) {
        long cached = cachedObjects.getAsLong();
        if (cached != ratioFor) {
            ratio = cache.hitRatio(cached);
            ratioFor = cached;
        }
        if (random.nextDouble() < ratio) {
            hits++;
            downstream.completed(instance, arrivalTime, now);
        } else {
            misses++;
            sim.scheduleIn(missPenaltyMicros, backendKind, instance, arrivalTime);
        }
    }

    /** Requests served from the cache. */
    public long hits() {
        return hits;
    }

    /** Requests that went to the backend. */
    public long misses() {
        return misses;
    }
}
