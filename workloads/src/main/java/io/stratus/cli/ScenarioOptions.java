package io.stratus.cli;

import io.stratus.compute.InstanceCatalog;
import io.stratus.scenario.Scenario;
import io.stratus.scenario.ScenarioException;
import io.stratus.scenario.ScenarioLoader;
import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The options of commands that read a scenario file. */
final class ScenarioOptions {

    @Parameters(index = "0", paramLabel = "FILE", description = "The scenario file (YAML).")
    Path file;

    @Option(names = "--seed", paramLabel = "N", description = "Master seed; overrides the file's seed.")
    Long seed;

    /** Loads and validates the scenario, applying the options. */
    Scenario load() throws ScenarioException {
        Scenario scenario = new ScenarioLoader(InstanceCatalog.bundled()).load(file);
        return seed == null ? scenario : scenario.withSeed(seed);
    }
}
