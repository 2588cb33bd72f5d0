package io.stratus.hypervisor;

import java.util.Arrays;
import java.util.Objects;

/**
 * A completion listener that tells several others, in the order they were added. It lets the
 * CPUs be built before the parts that need both the CPUs and their completions (latency
 * recorders, target groups draining their targets). Nothing is allocated per completion.
 */
public final class CompletionFanout implements CompletionListener {

    private CompletionListener[] listeners = new CompletionListener[0];

    /** Adds a listener; returns this fan-out. */
    public CompletionFanout add(CompletionListener listener) {
        Objects.requireNonNull(listener, "listener");
        listeners = Arrays.copyOf(listeners, listeners.length + 1);
        listeners[listeners.length - 1] = listener;
        return this;
    }

    @Override
    public void completed(int instance, long arrivalTime, long now) {
        for (CompletionListener l : listeners) {
            l.completed(instance, arrivalTime, now);
        }
    }
}
