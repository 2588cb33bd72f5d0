package io.stratus.compute;

/**
 * Told of every launch, as the new instance enters pending (its first state, which no state
 * change announces). Cross-cutting models that must see an instance from its very start (who
 * owns it, how many are pending) listen here.
 */
@FunctionalInterface
public interface LaunchListener {

    /**
     * @param instance the instance, pending, already placed on its host
     * @param now      when, in microseconds
     */
    void launched(Instance instance, long now);
}
