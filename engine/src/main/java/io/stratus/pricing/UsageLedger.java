package io.stratus.pricing;

import io.stratus.compute.PurchaseOption;
import it.unimi.dsi.fastutil.ints.Int2LongOpenHashMap;
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
 *
 * <p>Per-instance time is kept for instances not terminated: at termination it is folded into
 * {@link #retiredInstanceMicros()}, so memory follows the instances alive, not those ever
 * launched (the per-key totals, which the bill is priced from, are exact either way).
 */
public final class UsageLedger {

    private final SortedMap<UsageKey, Long> micros = new TreeMap<>();
    private final Int2LongOpenHashMap instanceMicros = new Int2LongOpenHashMap();
    private long retiredInstanceMicros;
    private final Map<String, Integer> peakVcpusByFamily = new HashMap<>();
    private final SortedMap<EbsMeter.HourTenant, Double> surplusCredits = new TreeMap<>();
    private long waivedIntervals;
    private long endMicros = -1;

    void add(UsageKey key, long billedMicros) {
        if (billedMicros > 0) {
            micros.merge(key, billedMicros, Long::sum);
        }
    }

    void addSurplusCredits(long hour, int tenant, double credits) {
        if (credits > 0) {
            surplusCredits.merge(new EbsMeter.HourTenant(hour, tenant), credits, Double::sum);
        }
    }

    void addToInstance(int id, long billedMicros) {
        instanceMicros.addTo(id, billedMicros);
    }

    /** Folds a terminated instance's billable time into {@link #retiredInstanceMicros()}. */
    void retire(int id) {
        retiredInstanceMicros += instanceMicros.remove(id);
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

    /**
     * Burstable surplus credits charged (unlimited mode), per clock hour and tenant, booked in the
     * hour the instance left running (or the run ended): see {@link SurplusCredits}.
     */
    public SortedMap<EbsMeter.HourTenant, Double> surplusCredits() {
        return Collections.unmodifiableSortedMap(surplusCredits);
    }

    /** All surplus credits charged. */
    public double totalSurplusCredits() {
        double total = 0;
        for (double c : surplusCredits.values()) {
            total += c;
        }
        return total;
    }

    /** Billable microseconds of one instance not terminated (0 once it is: see {@link #retiredInstanceMicros()}). */
    public long instanceMicros(int id) {
        return instanceMicros.get(id);
    }

    /** Billable microseconds of all terminated instances. */
    public long retiredInstanceMicros() {
        return retiredInstanceMicros;
    }

    /** Instances with their own billable time kept: those metered and not terminated. */
    public int instancesKept() {
        return instanceMicros.size();
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

    /**
     * This usage as a meter with {@code terms} for every default-tenancy instance would have
     * recorded it, when this ledger was metered as launched with no spot reclaim: on-demand and
     * spot keys (the only ones a default-tenancy instance gets as launched) take {@code terms};
     * Dedicated Instance and Dedicated Host keys (decided by tenancy) stay. Exact: the per-key
     * totals are integer sums, whatever their order.
     */
    UsageLedger relabelled(InstanceTerms terms) {
        if (terms.option() == PurchaseOption.DEDICATED_HOST) {
            throw new IllegalArgumentException("Dedicated Host usage needs the peak of running vCPUs: re-run instead");
        }
        UsageLedger out = new UsageLedger();
        micros.forEach((k, v) -> {
            boolean byStrategy = k.option() == PurchaseOption.ON_DEMAND || k.option() == PurchaseOption.SPOT;
            out.add(byStrategy ? new UsageKey(k.hour(), k.type(), k.zone(), terms.tenant(), terms.option()) : k, v);
        });
        return copyAllButMicrosAndCreditsTo(out);
    }

    /** This ledger with {@code micros} in place of its billable time per key (everything else as it is). */
    UsageLedger withMicros(SortedMap<UsageKey, Long> micros) {
        UsageLedger out = new UsageLedger();
        micros.forEach(out::add);
        out.surplusCredits.putAll(surplusCredits);
        return copyAllButMicrosAndCreditsTo(out);
    }

    private UsageLedger copyAllButMicrosAndCreditsTo(UsageLedger out) {
        out.instanceMicros.putAll(instanceMicros);
        out.retiredInstanceMicros = retiredInstanceMicros;
        out.peakVcpusByFamily.putAll(peakVcpusByFamily);
        out.waivedIntervals = waivedIntervals;
        out.endMicros = endMicros;
        return out;
    }
}
