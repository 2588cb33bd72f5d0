package io.stratus.scaling;

import io.stratus.monitor.Datapoint;
import io.stratus.monitor.Metric;
import io.stratus.monitor.Statistic;
import java.util.Objects;

/**
 * Target tracking: keeps a per-instance metric (average CPU, requests per target, backlog per
 * instance) at a target value, as AWS does with the two alarms it creates for the policy.
 *
 * <p>At each datapoint of the metric, the metric is taken to be proportional to load divided
 * by capacity, so the capacity that would bring it to the target is
 * {@code ceil(value * inService / target)}, where {@code inService} counts every instance
 * serving, warm or not (the metric itself is averaged over the warm ones only; see
 * {@link GroupMetrics}). The group scales out to that capacity after {@code scaleOutPoints}
 * consecutive datapoints above the target (AWS's high alarm: 3 of 3 one-minute datapoints), and
 * scales in after {@code scaleInPoints} consecutive datapoints below {@code scaleInRatio} times
 * the target (AWS's low alarm: 15 of 15 below 90 % of the target). Scale-out counts warming
 * instances as capacity already added, so a breach is not answered twice; scale-in waits until
 * no instance is warming (a conservative reading of AWS's rule that warming instances delay
 * scale-in). Missing datapoints reset neither counter and decide nothing.
 */
public final class TargetTrackingPolicy implements ScalingPolicy {

    /** The scenario name. */
    public static final String NAME = "target-tracking";

    private final Metric metric;
    private final Statistic statistic;
    private final double target;
    private final int scaleOutPoints;
    private final int scaleInPoints;
    private final double scaleInRatio;
    private final boolean scaleInEnabled;
    private int above;
    private int below;

    /**
     * @param metric         the per-instance metric
     * @param statistic      its statistic (Average for CPU; Sum for requests per target)
     * @param target         the target value, positive
     * @param scaleOutPoints consecutive datapoints above the target before scaling out (AWS: 3)
     * @param scaleInPoints  consecutive datapoints below the scale-in threshold before scaling in (AWS: 15)
     * @param scaleInRatio   the scale-in threshold as a fraction of the target (AWS: 0.9)
     * @param scaleInEnabled false to only ever scale out (AWS DisableScaleIn)
     */
    public TargetTrackingPolicy(Metric metric, Statistic statistic, double target, int scaleOutPoints,
                                int scaleInPoints, double scaleInRatio, boolean scaleInEnabled) {
        this.metric = Objects.requireNonNull(metric, "metric");
        this.statistic = Objects.requireNonNull(statistic, "statistic");
        if (!(target > 0) || !Double.isFinite(target)) {
            throw new IllegalArgumentException("target must be positive, got " + target);
        }
        if (scaleOutPoints < 1 || scaleInPoints < 1 || !(scaleInRatio > 0 && scaleInRatio <= 1)) {
            throw new IllegalArgumentException("need at least one datapoint each way and a ratio in (0, 1]");
        }
        this.target = target;
        this.scaleOutPoints = scaleOutPoints;
        this.scaleInPoints = scaleInPoints;
        this.scaleInRatio = scaleInRatio;
        this.scaleInEnabled = scaleInEnabled;
    }

    /** With AWS's alarm settings: 3 datapoints out, 15 in, below 90 % of the target. */
    public static TargetTrackingPolicy aws(Metric metric, Statistic statistic, double target) {
        return new TargetTrackingPolicy(metric, statistic, target, 3, 15, 0.9, true);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Trigger trigger() {
        return new Trigger.EveryDatapoint(metric);
    }

    /** The target value. */
    public double target() {
        return target;
    }

    @Override
    public ScalingDecision decide(GroupView group, long now) {
        Datapoint d = metric.latest();
        double value = d == null ? Double.NaN : d.value(statistic);
        if (Double.isNaN(value) || group.countedCount() == 0) {
            return ScalingDecision.NONE;
        }
        above = value > target ? above + 1 : 0;
        below = value < scaleInRatio * target ? below + 1 : 0;
        int required = (int) Math.ceil(value * group.inServiceCount() / target - 1e-9);
        int desired = group.desiredCapacity();
        if (above >= scaleOutPoints && required > desired) {
            return ScalingDecision.desired(required);
        }
        if (scaleInEnabled && below >= scaleInPoints && required < desired && group.warmingCount() == 0) {
            return ScalingDecision.desired(Math.max(required, 0));
        }
        return ScalingDecision.NONE;
    }
}
