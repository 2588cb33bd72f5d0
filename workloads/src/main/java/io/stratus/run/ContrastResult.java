package io.stratus.run;

import java.util.List;
import java.util.Objects;

/**
 * The contrast run of a scenario: the workloads named in {@code contrast: { alone: [...] }} run
 * again without the others, on the same region with the same seed and duration.
 *
 * @param alone  the workloads run alone, in the scenario's order
 * @param result that run's result
 */
public record ContrastResult(List<String> alone, RunResult result) {

    public ContrastResult {
        alone = List.copyOf(alone);
        Objects.requireNonNull(result, "result");
    }
}
