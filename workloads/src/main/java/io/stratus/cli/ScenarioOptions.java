package io.stratus.cli;

import io.stratus.compute.InstanceCatalog;
import io.stratus.scenario.Problem;
import io.stratus.scenario.Scenario;
import io.stratus.scenario.ScenarioException;
import io.stratus.scenario.ScenarioLoader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The options of commands that read a scenario file. */
final class ScenarioOptions {

    @Parameters(index = "0", paramLabel = "FILE", description = "The scenario file (YAML).")
    Path file;

    @Option(names = "--seed", paramLabel = "N", description = "Master seed; overrides the file's seed.")
    Long seed;

    @Option(names = "--set", paramLabel = "KEY=VALUE", mapFallbackValue = "",
            description = "Override any scenario field by its dotted path, e.g. --set services.web.instances=8 "
                    + "or --set duration=1d. Repeatable; checked like the file itself.")
    Map<String, String> overrides = new LinkedHashMap<>();

    /** Prints every problem of a refused scenario, one per line; returns the bad-input exit code. */
    static int report(ScenarioException e, PrintWriter err) {
        for (Problem p : e.problems()) {
            err.println(p);
        }
        return ExitCodes.BAD_INPUT;
    }

    /** Loads and validates the scenario, applying the options. */
    Scenario load() throws ScenarioException {
        Scenario scenario = new ScenarioLoader(InstanceCatalog.bundled()).load(file, overrides);
        return seed == null ? scenario : scenario.withSeed(seed);
    }
}
