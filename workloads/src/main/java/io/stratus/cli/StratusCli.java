package io.stratus.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.Charset;
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
            RightsizeCommand.class, RecommendCommand.class,
            ValidateCommand.class, CatalogCommand.class,
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
            if (OutOfMemory.in(ex)) {
                return OutOfMemory.report(parseResult, cmd.getErr());
            }
            cmd.getErr().println("stratus: simulation failed: " + ex);
            return ExitCodes.SIMULATION_FAILED;
        });
        CommandLine.IExecutionStrategy runLast = new CommandLine.RunLast();
        cli.setExecutionStrategy(parsed -> OutOfMemory.execute(parsed, runLast, cli.getErr()));
        return cli;
    }

    /**
     * The command line writing to {@code out} and {@code err} through {@link TerminalText}: no
     * control character from a scenario (an ANSI escape, a bidirectional control, NUL) reaches
     * the terminal.
     */
    public static CommandLine commandLine(Writer out, Writer err) {
        CommandLine cli = commandLine();
        cli.setOut(TerminalText.cleaning(out));
        cli.setErr(TerminalText.cleaning(err));
        return cli;
    }

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true"); // charts are drawn without a display
        Locale.setDefault(Locale.ROOT); // numbers in every output read the same whatever the user's locale
        System.exit(commandLine(new OutputStreamWriter(System.out, Charset.defaultCharset()),
                new OutputStreamWriter(System.err, Charset.defaultCharset())).execute(args));
    }

    /**
     * The version: the Maven project version, written into {@code version.properties} by resource
     * filtering when the module is built (so it holds in tests and in the shaded jar alike).
     */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws java.io.IOException {
            java.util.Properties p = new java.util.Properties();
            try (java.io.InputStream in = StratusCli.class.getResourceAsStream("version.properties")) {
                if (in == null) {
                    throw new java.io.IOException("version.properties is missing from the build");
                }
                p.load(in);
            }
            return new String[] {"stratus " + p.getProperty("version"),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
        }
    }
}
