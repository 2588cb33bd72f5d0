package io.stratus.compute;

/**
 * Told of every instance state change, after it happens. Cross-cutting models (billing,
 * metrics, load balancer registration) are listeners, not fields on {@link Instance}.
 */
@FunctionalInterface
public interface InstanceListener {

    /**
     * @param instance the instance, already in state {@code to}
     * @param from     the state it left
     * @param to       the state it entered
     * @param now      when, in microseconds
     */
    void stateChanged(Instance instance, InstanceState from, InstanceState to, long now);
}
