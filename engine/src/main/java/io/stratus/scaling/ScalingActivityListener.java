package io.stratus.scaling;

/** Told of each change of a group's desired capacity (a scaling activity), after it is applied. */
@FunctionalInterface
public interface ScalingActivityListener {

    /**
     * @param cause the policy name, {@code manual}, or {@code scheduled}
     */
    void activity(long now, int fromDesired, int toDesired, String cause);
}
