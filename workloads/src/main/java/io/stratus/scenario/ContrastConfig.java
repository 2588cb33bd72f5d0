package io.stratus.scenario;

import java.util.List;

/**
 * The {@code contrast:} section: workloads that {@code stratus run} runs a second time without the
 * scenario's other workloads, on the same region and with the same seed, to show side by side
 * what sharing the hosts did to them (their own random streams are named after them, so they
 * draw the same arrivals and work in both runs).
 *
 * @param alone the names of the services, batch workloads, queues or consolidation to run
 *              together without the rest, in file order; empty for no contrast run (the default)
 */
public record ContrastConfig(List<String> alone) {

    public ContrastConfig {
        alone = List.copyOf(alone);
    }

    /** No {@code contrast:} section: no second run. */
    public static ContrastConfig none() {
        return new ContrastConfig(List.of());
    }

    /** Whether a second run is asked for. */
    public boolean any() {
        return !alone.isEmpty();
    }
}
