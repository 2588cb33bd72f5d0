package io.stratus.scenario;

/**
 * Bounds on what one scenario may ask for, so that a huge or hostile file is refused with a
 * message instead of exhausting memory or running for ever.
 */
public final class ScenarioLimits {

    /** Largest scenario file read, bytes. */
    public static final long MAX_FILE_BYTES = 1L << 20;
    /** Most hosts in a region. */
    public static final long MAX_HOSTS = 1_000_000;
    /** Most instances of one service. */
    public static final long MAX_INSTANCES = 1_000_000;
    /** Longest simulated duration: ten years. */
    public static final String MAX_DURATION = "3650d";
    /** Highest request rate of one service, per second. */
    public static final double MAX_RATE_PER_SECOND = 10_000_000;
    /** Most metrics periods in one run (rows of metrics.csv per service). */
    public static final long MAX_METRICS_PERIODS = 200_000;
    /** Most expected requests of one run (mean rate x duration, summed over services). */
    public static final double MAX_EXPECTED_REQUESTS = 5e10;

    /** Default most requests in progress on one service instance's CPUs (see {@code max-in-flight}). */
    public static final long DEFAULT_MAX_IN_FLIGHT = 10_000;
    /** Highest {@code max-in-flight} a scenario may set. */
    public static final long MAX_IN_FLIGHT = 1_000_000;
    /** Default most messages one queue holds, visible or in flight (see {@code max-messages}). */
    public static final long DEFAULT_MAX_MESSAGES = 1_000_000;
    /** Highest {@code max-messages} a scenario may set. */
    public static final long MAX_MESSAGES = 10_000_000;

    private ScenarioLimits() {
    }
}
