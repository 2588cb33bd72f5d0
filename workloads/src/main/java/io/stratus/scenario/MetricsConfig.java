package io.stratus.scenario;

import io.stratus.sim.Time;

/**
 * How often the run records {@link io.stratus.run.MetricsRow}s.
 *
 * @param periodMicros length of one metrics period
 */
public record MetricsConfig(long periodMicros) {

    /** The default period: 15 minutes, fine enough to show a lunch peak, coarse enough for a year. */
    public static final long DEFAULT_PERIOD = 15 * Time.MINUTE;

    public MetricsConfig {
        if (periodMicros <= 0) {
            throw new IllegalArgumentException("metrics period must be positive");
        }
    }
}
