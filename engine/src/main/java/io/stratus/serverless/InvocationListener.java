package io.stratus.serverless;

/** Told when an invocation of a {@link LambdaFunction} ends. */
@FunctionalInterface
public interface InvocationListener {

    /**
     * Invocation {@code token} (the caller's own number), started at {@code invokedAt}, ended at
     * {@code now} (its handler returned or it timed out).
     */
    void finished(int token, long invokedAt, long now);
}
