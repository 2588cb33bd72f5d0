package io.stratus.run;

import io.stratus.scenario.Scenario;
import java.io.IOException;

/**
 * What {@code stratus run} runs: the scenario, then, if it has a {@code contrast:} section, the
 * named workloads again without the others ({@link Scenario#alone}) on the same region with the
 * same seed. Each workload draws from random streams named after it, so it meets the same
 * arrivals and work in both runs and the difference is what its neighbours did to it. The
 * outcome is the scenario's, its result carrying the contrast and its timing both runs'.
 */
public final class ContrastRuns {

    private ContrastRuns() {
    }

    /** Runs {@code scenario} and its contrast, if any. */
    public static ScenarioRunner.Outcome run(Scenario scenario, ScenarioRunner.ProgressListener progress)
            throws IOException {
        ScenarioRunner.Outcome shared = new ScenarioRunner().run(scenario, progress);
        if (!scenario.contrast().any()) {
            return shared;
        }
        ScenarioRunner.Outcome alone = new ScenarioRunner().run(scenario.alone(scenario.contrast().alone()), null);
        RunTiming timing = new RunTiming(shared.timing().wallNanos() + alone.timing().wallNanos(),
                shared.timing().events() + alone.timing().events());
        return new ScenarioRunner.Outcome(
                shared.result().withContrast(new ContrastResult(scenario.contrast().alone(), alone.result())),
                shared.metrics(), timing, shared.cost());
    }
}
