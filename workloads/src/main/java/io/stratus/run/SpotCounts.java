package io.stratus.run;

import io.stratus.compute.Instance;
import io.stratus.compute.PurchaseOption;
import io.stratus.scaling.AutoScalingGroup;
import io.stratus.spot.SpotInterruptionListener;
import java.util.Objects;
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

    SpotCounts(IntPredicate owns) {
        this.owns = Objects.requireNonNull(owns, "owns");
    }

    /** An instance of the owner was launched. */
    void launched(Instance instance) {
        if (instance.spec().purchase() == PurchaseOption.SPOT) {
            spotLaunches++;
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
        }
    }

    @Override
    public void reclaimed(Instance instance, long now) {
        if (owns.test(instance.id())) {
            reclaimed++;
        }
    }

    /** The outcome, or null when the owner never launched spot (so summaries stay as they were). */
    SpotOutcome outcome(AutoScalingGroup group) {
        if (spotLaunches == 0) {
            return null;
        }
        return new SpotOutcome(spotLaunches, recommendations, notices, reclaimed,
                group == null ? 0 : group.rebalanceReplacements());
    }
}
