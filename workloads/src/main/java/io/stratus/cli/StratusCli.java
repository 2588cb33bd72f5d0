package io.stratus.cli;

import java.io.PrintWriter;
import java.util.Locale;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code stratus} command: the root of the subcommands. */
@Command(name = "stratus",
        mixinStandardHelpOptions = true,
        versionProvider = StratusCli.Version.class,
        description = "Discrete-event simulator of an elastic compute cloud modelled on Amazon EC2.",
        subcommands = {RunCommand.class, CompareCommand.class, SweepCommand.class, MergeCommand.class,
            ValidateCommand.class, CatalogCommand.class, RecommendCommand.class,
            AutoComplete.GenerateCompletion.class, CommandLine.HelpCommand.class})
public final class StratusCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command: run, compare, sweep, merge, validate or catalog");
    }

    /** Builds the command line with Stratus's exit codes and error handling. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new StratusCli());
        cli.setParameterExceptionHandler((ex, args) -> {
            CommandLine cmd = ex.getCommandLine();
            PrintWriter err = cmd.getErr();
            err.println("stratus: " + ex.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
            err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help'.");
            return ExitCodes.BAD_INPUT;
        });
        cli.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
            cmd.getErr().println("stratus: simulation failed: " + ex);
            return ExitCodes.SIMULATION_FAILED;
        });
        return cli;
    }

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true"); // charts are drawn without a display
        Locale.setDefault(Locale.ROOT); // numbers in every output read the same whatever the user's locale
        System.exit(commandLine().execute(args));
    }

    /** The version, from the jar manifest when packaged. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = StratusCli.class.getPackage().getImplementationVersion();
            return new String[] {"stratus " + (v == null ? "development build" : v)};
        }
    }
}
