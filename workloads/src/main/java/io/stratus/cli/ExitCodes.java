package io.stratus.cli;

import io.stratus.trace.TraceFormatException;
import java.io.IOException;
import java.io.PrintWriter;

/** The exit codes of every {@code stratus} command. */
public final class ExitCodes {

    /** The command did what was asked. */
    public static final int DONE = 0;
    /** The simulation itself failed (a bug or an impossible state): a message, no stack trace. */
    public static final int SIMULATION_FAILED = 1;
    /** The input (arguments, scenario file) was wrong: a message naming what and where. */
    public static final int BAD_INPUT = 2;

    private ExitCodes() {
    }

    /**
     * Reports why a run failed and returns its exit code: a malformed trace line (its message names
     * the file, line and column) or an unreadable trace is bad input; anything else is a failed
     * simulation; running out of memory is rethrown for {@link OutOfMemory}. One message, never a
     * stack trace.
     */
    static int ofFailedRun(Throwable cause, PrintWriter err) {
        OutOfMemory.rethrowIfOutOfMemory(cause); // one line naming the scenario and the heap option
        if (cause instanceof TraceFormatException) {
            err.println(cause.getMessage());
            return BAD_INPUT;
        }
        if (cause instanceof IOException) {
            err.println("stratus: cannot read a trace: " + cause.getMessage());
            return BAD_INPUT;
        }
        err.println("stratus: simulation failed: " + cause);
        return SIMULATION_FAILED;
    }
}
