package io.stratus.cli;

import io.stratus.scenario.Scenario;
import io.stratus.scenario.ScenarioException;
import io.stratus.sim.Time;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code stratus validate FILE}: checks a scenario without running it. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        header = "Check a scenario file without running it.",
        description = "Check a scenario file and report every problem, without running it.")
final class ValidateCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    ScenarioOptions scenarioOptions;

    @Override
    public Integer call() {
        try {
            Scenario s = scenarioOptions.load();
            spec.commandLine().getOut().printf("%s: valid (%s, %d service%s, %s simulated)%n",
                    scenarioOptions.file, s.name(), s.services().size(), s.services().size() == 1 ? "" : "s",
                    Time.compact(s.durationMicros()));
            return ExitCodes.DONE;
        } catch (ScenarioException e) {
            return ScenarioOptions.report(e, spec.commandLine().getErr());
        }
    }
}
