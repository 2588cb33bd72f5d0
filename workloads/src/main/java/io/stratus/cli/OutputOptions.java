package io.stratus.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where and how much a command writes: shared by the commands that write results. */
final class OutputOptions {

    @Option(names = "--out", paramLabel = "DIR",
            description = "Output folder (default: results/runs/<scenario file name>).")
    Path out;

    @Option(names = {"-q", "--quiet"}, description = "Print nothing but errors.")
    boolean quiet;

    /** The output folder for results of {@code scenarioFile}. */
    Path folder(Path scenarioFile) {
        return out != null ? out : Path.of("results", "runs", RunCommand.baseName(scenarioFile));
    }
}
