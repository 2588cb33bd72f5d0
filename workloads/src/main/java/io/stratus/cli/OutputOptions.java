package io.stratus.cli;

import io.stratus.report.OutputFolder;
import java.io.PrintWriter;
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

    /** Reports an output folder that cannot be written (found before anything runs); returns exit code 2. */
    static int refuse(OutputFolder.OutputFolderException e, PrintWriter err) {
        err.println("stratus: " + e.getMessage());
        return ExitCodes.BAD_INPUT;
    }
}
