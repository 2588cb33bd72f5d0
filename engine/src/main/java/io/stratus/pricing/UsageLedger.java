package io.stratus.pricing;

import io.stratus.compute.PurchaseOption;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Billable instance usage, as {@link UsageMeter} records it: microseconds per {@link UsageKey}
 * (clock hour, type, zone, tenant, purchase option) and per instance, in exact integers. A
 * running interval's billable time is its length rounded up to whole seconds and raised to the
 * 60-second minimum; the part of that beyond the interval's actual length is counted in the hour
 * where the interval ended.
 */
public final class UsageLedger {

    private final SortedMap<UsageKey, Long> micros = new TreeMap<>();
    private long[] instanceMicros = new long[16];
    private final Map<String, Integer> peakVcpusByFamily = new HashMap<>();
    private long waivedIntervals;
    private long endMicros = -1;

    void add(UsageKey key, long billedMicros) {
        if (billedMicros > 0) {
            micros.merge(key, billedMicros, Long::sum);
        }
    }

    void addToInstance(int id, long billedMicros) {
        if (id >= instanceMicros.length) {
            instanceMicros = Arrays.copyOf(instanceMicros, Math.max(id + 1, instanceMicros.length * 2));
        }
        instanceMicros[id] += billedMicros;
    }

    void peakVcpus(String family, int running) {
        peakVcpusByFamily.merge(family, running, Math::max);
    }

    void waived() {
        waivedIntervals++;
    }

    void end(long now) {
        endMicros = now;
    }

    /** Billable microseconds per key, in key order (read-only). */
    public SortedMap<UsageKey, Long> micros() {
        return Collections.unmodifiableSortedMap(micros);
    }

    /** Billable microseconds of one instance. */
    public long instanceMicros(int id) {
        return id < instanceMicros.length ? instanceMicros[id] : 0;
    }

    /** Billable microseconds of all usage on {@code option}. */
    public long totalMicros(PurchaseOption option) {
        long total = 0;
        for (Map.Entry<UsageKey, Long> e : micros.entrySet()) {
            if (e.getKey().option() == option) {
                total += e.getValue();
            }
        }
        return total;
    }

    /** The most vCPUs of a family running at once on {@code DEDICATED_HOST} terms. */
    public int peakHostVcpus(String family) {
        return peakVcpusByFamily.getOrDefault(family, 0);
    }

    /** Families that ran on Dedicated Hosts. */
    public Set<String> hostFamilies() {
        return new TreeSet<>(peakVcpusByFamily.keySet());
    }

    /** Spot intervals not billed because EC2 interrupted them in their first hour. */
    public long waivedIntervals() {
        return waivedIntervals;
    }

    /** When the meter was closed (the end of the run), or -1 while it is open. */
    public long endMicros() {
        return endMicros;
    }
}
