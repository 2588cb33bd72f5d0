package io.stratus.run;

/**
 * How long a run took on this machine: wall time and events. Varies between runs, so it is
 * reported apart from the simulated {@link RunResult}.
 *
 * @param wallNanos wall-clock time of the simulation loop
 * @param events    events run
 */
public record RunTiming(long wallNanos, long events) {

    /** Events per wall-clock second. */
    public double eventsPerSecond() {
        return wallNanos == 0 ? 0 : events / (wallNanos / 1e9);
    }
}
