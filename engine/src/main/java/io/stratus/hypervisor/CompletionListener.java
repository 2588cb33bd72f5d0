package io.stratus.hypervisor;

/** Told when a request finishes on an instance's CPU. */
@FunctionalInterface
public interface CompletionListener {

    /**
     * @param instance    the instance the request ran on
     * @param arrivalTime when the request arrived at the instance
     * @param now         when it finished
     */
    void completed(int instance, long arrivalTime, long now);
}
