package io.stratus.scenario;

import io.stratus.pricing.PurchaseStrategy;
import java.util.List;
import java.util.Objects;

/**
 * The {@code compare:} section: the purchase strategies {@code stratus compare} runs the scenario
 * under, and the service-level objective a strategy must meet to count as acceptable.
 *
 * @param strategies   the strategies, in file order; empty when the scenario has no {@code compare:}
 *                     section (the command then compares its defaults)
 * @param sloP99Micros the p99 latency every service must stay under, or 0 for no objective
 */
public record CompareConfig(List<PurchaseStrategy> strategies, long sloP99Micros) {

    public CompareConfig {
        strategies = List.copyOf(Objects.requireNonNull(strategies, "strategies"));
        if (sloP99Micros < 0) {
            throw new IllegalArgumentException("the SLO must not be negative");
        }
    }

    /** No {@code compare:} section: no strategies listed, no objective. */
    public static CompareConfig none() {
        return new CompareConfig(List.of(), 0);
    }
}
