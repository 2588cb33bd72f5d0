package io.stratus.scenario;

import io.stratus.sim.Time;

/**
 * Reads the {@code metrics:} section: the period of the time series a run writes, by default
 * lengthened for very long runs so the series stays within {@link ScenarioLimits#MAX_METRICS_PERIODS} rows.
 */
final class MetricsSection {

    private MetricsSection() {
    }

    static MetricsConfig read(ConfigNode node, long duration) {
        node.allowOnly("period");
        // without a period, the default, lengthened for very long runs to stay within the row limit
        long automatic = Math.max(MetricsConfig.DEFAULT_PERIOD,
                (duration / ScenarioLimits.MAX_METRICS_PERIODS + Time.MINUTE) / Time.MINUTE * Time.MINUTE);
        long period = node.unit("period", automatic, false, Units::duration, Time.SECOND,
                Time.DAY * 366, "allowed from 1s to 366d");
        if (duration / period > ScenarioLimits.MAX_METRICS_PERIODS) {
            node.problem("period", "a period of " + Time.compact(period) + " gives " + duration / period
                    + " rows over " + Time.compact(duration) + "; at most " + ScenarioLimits.MAX_METRICS_PERIODS
                    + " are kept: choose a longer period");
        }
        return new MetricsConfig(period);
    }
}
