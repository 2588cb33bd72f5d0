package io.stratus.cli;

import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.ParseResult;

/**
 * What the command line says when the Java heap runs out, wherever it happens (the simulation,
 * a worker thread of {@code compare} or {@code sweep}, a report): one line naming the scenario,
 * the heap it had and how to give it more ({@code STRATUS_JAVA_OPTS=-Xmx...} for the
 * {@code ./stratus} launcher, {@code -Xmx} for {@code java -jar}), exit code 1, never a stack
 * trace. By the time the error reaches this handler the run's objects are unreachable, so the
 * message itself has room to be built.
 */
final class OutOfMemory {

    private OutOfMemory() {
    }

    /** Whether {@code t} or one of its causes is an {@link OutOfMemoryError}. */
    static boolean in(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof OutOfMemoryError) {
                return true;
            }
        }
        return false;
    }

    /** Rethrows {@code t} when it is (or was caused by) running out of memory, for {@link #report}. */
    static void rethrowIfOutOfMemory(Throwable t) {
        if (in(t)) {
            OutOfMemoryError e = new OutOfMemoryError("Java heap space");
            e.initCause(t);
            throw e;
        }
    }

    /** Prints the one line and returns {@link ExitCodes#SIMULATION_FAILED}. */
    static int report(ParseResult parsed, PrintWriter err) {
        String scenario = scenario(parsed);
        String command = command(parsed);
        long heapMib = Runtime.getRuntime().maxMemory() / (1024 * 1024);
        err.println("stratus: out of memory " + (scenario == null ? "in " + command : "running " + scenario)
                + " (the Java heap is at most " + heapMib + " MiB): give it more, such as STRATUS_JAVA_OPTS=-Xmx"
                + suggestedGib(heapMib) + "g ./stratus " + command + (scenario == null ? "" : " " + scenario)
                + " (java -Xmx" + suggestedGib(heapMib) + "g -jar stratus.jar ...), or make the scenario smaller "
                + "(fewer hosts or instances, a shorter duration, a lower max-in-flight or max-messages)");
        err.flush();
        return ExitCodes.SIMULATION_FAILED;
    }

    /** Twice the current heap, in whole GiB, at least 2. */
    private static long suggestedGib(long heapMib) {
        return Math.max(2, (2 * heapMib + 1023) / 1024);
    }

    private static String command(ParseResult parsed) {
        ParseResult sub = parsed == null ? null : parsed.subcommand();
        return sub == null ? "COMMAND" : sub.commandSpec().name();
    }

    /** The scenario file named on the command line, or null. */
    private static String scenario(ParseResult parsed) {
        ParseResult sub = parsed == null ? null : parsed.subcommand();
        if (sub == null) {
            return null;
        }
        List<ArgSpec> positionals = List.copyOf(sub.matchedPositionals());
        if (positionals.isEmpty() || positionals.get(0).stringValues().isEmpty()) {
            return null;
        }
        return positionals.get(0).stringValues().get(0);
    }

    /** Runs the parsed command, turning running out of memory into the one line. */
    static int execute(ParseResult parsed, CommandLine.IExecutionStrategy strategy, PrintWriter err) {
        try {
            return strategy.execute(parsed);
        } catch (OutOfMemoryError e) {
            return report(parsed, err);
        } catch (CommandLine.ExecutionException e) {
            if (in(e)) {
                return report(parsed, err);
            }
            throw e;
        }
    }
}
