package io.stratus.scaling;

/**
 * What a policy asks of its group: a new desired capacity and, for scheduled actions, new
 * limits. {@link #UNCHANGED} in a field keeps the current value. The group clamps the desired
 * capacity into [min, max].
 */
public record ScalingDecision(int desiredCapacity, int minSize, int maxSize) {

    /** Keep the current value. */
    public static final int UNCHANGED = -1;

    /** Change nothing. */
    public static final ScalingDecision NONE = new ScalingDecision(UNCHANGED, UNCHANGED, UNCHANGED);

    public ScalingDecision {
        if (desiredCapacity < UNCHANGED || minSize < UNCHANGED || maxSize < UNCHANGED) {
            throw new IllegalArgumentException("capacities must not be negative");
        }
        if (minSize != UNCHANGED && maxSize != UNCHANGED && minSize > maxSize) {
            throw new IllegalArgumentException("min " + minSize + " is above max " + maxSize);
        }
    }

    /** A new desired capacity only. */
    public static ScalingDecision desired(int capacity) {
        return new ScalingDecision(capacity, UNCHANGED, UNCHANGED);
    }
}
