package io.stratus.compute;

import java.util.Objects;
import java.util.function.IntPredicate;

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

    /** This listener, told only of the instances whose id passes {@code ids}. */
    default InstanceListener onlyFor(IntPredicate ids) {
        Objects.requireNonNull(ids, "ids");
        return (instance, from, to, now) -> {
            if (ids.test(instance.id())) {
                stateChanged(instance, from, to, now);
            }
        };
    }
}
