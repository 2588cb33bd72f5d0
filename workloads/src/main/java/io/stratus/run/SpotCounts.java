package io.stratus.run;

import io.stratus.compute.Instance;
import io.stratus.compute.PurchaseOption;
import io.stratus.scaling.AutoScalingGroup;
import io.stratus.spot.SpotInterruptionListener;
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
 */
final class SpotCounts implements SpotInterruptionListener {

    private final IntPredicate owns;
    private long spotLaunches;
    private long recommendations;
    private long notices;
    private long reclaimed;
    // per pool TYPE@ZONE: launched, notices, reclaimed
    private final SortedMap<String, long[]> byPool = new TreeMap<>();

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
        return byPool.computeIfAbsent(instance.type().name() + "@" + instance.zone(), p -> new long[3]);
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
        List<SpotPoolOutcome> pools = new ArrayList<>();
        byPool.forEach((pool, c) -> pools.add(new SpotPoolOutcome(pool, c[0], c[1], c[2],
                secondsByPool.getOrDefault(pool, 0L) / 3600.0)));
        return new SpotOutcome(spotLaunches, recommendations, notices, reclaimed,
                group == null ? 0 : group.rebalanceReplacements(), spotUsd, pools);
    }
}
