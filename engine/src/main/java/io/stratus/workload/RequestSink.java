package io.stratus.workload;

/** Where a request source sends its requests (a load balancer, or one instance directly). */
@FunctionalInterface
public interface RequestSink {

    /**
     * Offers a request needing {@code workMicros} of CPU.
     *
     * @return false if it was refused (no healthy target)
     */
    boolean accept(long workMicros);
}
