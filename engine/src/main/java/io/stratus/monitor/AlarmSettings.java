package io.stratus.monitor;

import java.util.Objects;

/**
 * What an alarm watches: a statistic of a metric against a threshold, over a window of
 * {@code evaluationPeriods} datapoints of which {@code datapointsToAlarm} must breach ("N out of
 * M").
 *
 * @param statistic         the statistic compared
 * @param comparison        the operator
 * @param threshold         the threshold
 * @param datapointsToAlarm N, breaching datapoints needed (1 to M)
 * @param evaluationPeriods M, the window in periods
 * @param missingData       treatment of missing datapoints
 */
public record AlarmSettings(Statistic statistic, Comparison comparison, double threshold,
                            int datapointsToAlarm, int evaluationPeriods, MissingData missingData) {

    public AlarmSettings {
        Objects.requireNonNull(statistic, "statistic");
        Objects.requireNonNull(comparison, "comparison");
        Objects.requireNonNull(missingData, "missingData");
        if (!Double.isFinite(threshold)) {
            throw new IllegalArgumentException("threshold must be finite");
        }
        if (evaluationPeriods < 1 || datapointsToAlarm < 1 || datapointsToAlarm > evaluationPeriods) {
            throw new IllegalArgumentException("need 1 <= datapointsToAlarm <= evaluationPeriods, got "
                    + datapointsToAlarm + " of " + evaluationPeriods);
        }
    }
}
