package io.stratus.cli;

import io.stratus.compute.InstanceCatalog;
import io.stratus.scenario.Problem;
import io.stratus.scenario.Scenario;
import io.stratus.scenario.ScenarioException;
import io.stratus.scenario.ScenarioLoader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The options of commands that read a scenario file. */
final class ScenarioOptions {

    @Parameters(index = "0", paramLabel = "FILE", description = "The scenario file (YAML).")
    Path file;

    @Option(names = "--seed", paramLabel = "N", description = "Master seed; overrides the file's seed.")
    Long seed;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Override any scenario field by its dotted path, e.g. --set services.web.instances=8 "
                    + "or --set duration=1d. Repeatable, each key once; checked like the file itself.")
    List<String> sets = new ArrayList<>();

    @Option(names = "--allow-path", paramLabel = "DIR",
            description = "Let trace paths lead into DIR too (repeatable). Without it they must stay inside the "
                    + "scenario's folder or the project holding it (the nearest folder above with pom.xml or .git).")
    List<Path> allowPaths = new ArrayList<>();

    /** Prints every problem of a refused scenario, one per line; returns the bad-input exit code. */
    static int report(ScenarioException e, PrintWriter err) {
        for (Problem p : e.problems()) {
            err.println(p);
        }
        return ExitCodes.BAD_INPUT;
    }

    /**
     * The {@code --set KEY=VALUE} options as a map, in order; a key given twice is refused (the
     * second would silently win otherwise).
     */
    static Map<String, String> overrides(List<String> sets) throws ScenarioException {
        Map<String, String> out = new LinkedHashMap<>();
        for (String set : sets) {
            int eq = set.indexOf('=');
            String key = eq < 0 ? set : set.substring(0, eq);
            String value = eq < 0 ? "" : set.substring(eq + 1);
            String before = out.putIfAbsent(key, value);
            if (before != null) {
                throw new ScenarioException(List.of(new Problem("--set " + set, 0, 0, key, "the key is set twice ("
                        + "--set " + key + "=" + before + " and --set " + set + "); give each key once")));
            }
        }
        return out;
    }

    /** Loads and validates the scenario, applying the options. */
    Scenario load() throws ScenarioException {
        return load(Map.of());
    }

    /** As {@link #load()}, with {@code extra} overrides applied after (and over) the {@code --set} ones. */
    Scenario load(Map<String, String> extra) throws ScenarioException {
        Map<String, String> overrides = overrides(sets);
        overrides.putAll(extra);
        Scenario scenario = new ScenarioLoader(InstanceCatalog.bundled(), allowPaths).load(file, overrides);
        return seed == null ? scenario : scenario.withSeed(seed);
    }
}
