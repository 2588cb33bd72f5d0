package io.stratus.run;

import io.stratus.compute.Instance;
import io.stratus.compute.InstanceType;
import io.stratus.compute.PurchaseOption;
import io.stratus.scaling.AutoScalingGroup;
import io.stratus.spot.SpotInterruptionListener;
import it.unimi.dsi.fastutil.longs.Long2ObjectOpenHashMap;
import it.unimi.dsi.fastutil.objects.Reference2IntOpenHashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.IntPredicate;

/**
 * Counts one owner's spot signals during a run: its spot launches, the rebalance recommendations,
 * interruption notices and reclaims the spot market gave its instances. Its result, with the
 * replacements its Auto Scaling group launched ahead of reclaims, is a {@link SpotOutcome}.
 * A signal allocates nothing once its pool is known: pools are keyed by a primitive (the type's
 * number here, the zone), and named {@code TYPE@ZONE} only for the outcome.
 */
final class SpotCounts implements SpotInterruptionListener {

    private final IntPredicate owns;
    private long spotLaunches;
    private long recommendations;
    private long notices;
    private long reclaimed;
    /** Per pool (key: type number << 32 | zone): launched, notices, reclaimed. */
    private final Long2ObjectOpenHashMap<long[]> byPool = new Long2ObjectOpenHashMap<>();
    /** The number of each type seen (by identity), and the types by number. */
    private final Reference2IntOpenHashMap<InstanceType> typeNumbers = new Reference2IntOpenHashMap<>();
    private final List<InstanceType> types = new ArrayList<>();

    SpotCounts(IntPredicate owns) {
        this.owns = Objects.requireNonNull(owns, "owns");
    }

    /** An instance of the owner was launched. */
    void launched(Instance instance) {
        if (instance.spec().purchase() == PurchaseOption.SPOT) {
            spotLaunches++;
            pool(instance)[0]++;
        }
    }

    @Override
    public void rebalanceRecommended(Instance instance, long now) {
        if (owns.test(instance.id())) {
            recommendations++;
        }
    }

    @Override
    public void noticed(Instance instance, long reclaimAt, long now) {
        if (owns.test(instance.id())) {
            notices++;
            pool(instance)[1]++;
        }
    }

    @Override
    public void reclaimed(Instance instance, long now) {
        if (owns.test(instance.id())) {
            reclaimed++;
            pool(instance)[2]++;
        }
    }

    private long[] pool(Instance instance) {
        InstanceType type = instance.type();
        int number = typeNumbers.getOrDefault(type, -1);
        if (number < 0) {
            number = types.size();
            typeNumbers.put(type, number);
            types.add(type);
        }
        long key = (long) number << 32 | (instance.zone() & 0xffffffffL);
        long[] counts = byPool.get(key);
        if (counts == null) {
            counts = new long[3];
            byPool.put(key, counts);
        }
        return counts;
    }

    /**
     * The outcome, or null when the owner never launched spot (so summaries stay as they were).
     *
     * @param secondsByPool billed spot seconds per pool
     */
    SpotOutcome outcome(AutoScalingGroup group, double spotUsd, Map<String, Long> secondsByPool) {
        if (spotLaunches == 0) {
            return null;
        }
        SortedMap<String, long[]> named = new TreeMap<>(); // by TYPE@ZONE, as the output is ordered
        byPool.long2ObjectEntrySet().forEach(e -> named.put(types.get((int) (e.getLongKey() >>> 32)).name() + "@"
                + (int) e.getLongKey(), e.getValue()));
        List<SpotPoolOutcome> pools = new ArrayList<>();
        named.forEach((pool, c) -> pools.add(new SpotPoolOutcome(pool, c[0], c[1], c[2],
                secondsByPool.getOrDefault(pool, 0L) / 3600.0)));
        return new SpotOutcome(spotLaunches, recommendations, notices, reclaimed,
                group == null ? 0 : group.rebalanceReplacements(), spotUsd, pools);
    }
}
