package io.stratus.cli;

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
}
