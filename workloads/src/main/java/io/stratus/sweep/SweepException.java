package io.stratus.sweep;

/** A sweep's arguments, or the shards given to a merge, are wrong: the message says what and where. */
public final class SweepException extends Exception {

    private static final long serialVersionUID = 1L;

    public SweepException(String message) {
        super(message);
    }
}
