package io.stratus.scaling;

import java.util.Objects;

/**
 * A capacity adjustment of step and simple scaling (AWS AdjustmentType).
 *
 * <p>{@code CHANGE_IN_CAPACITY} adds {@code value}; {@code EXACT_CAPACITY} sets it;
 * {@code PERCENT_CHANGE_IN_CAPACITY} adds {@code value} percent of the base, as AWS rounds it:
 * a change between -1 and 1 becomes -1 or 1, a larger one is truncated toward zero, and at
 * least {@code minAdjustmentMagnitude} instances are added or removed.
 */
public record Adjustment(Type type, int value, int minAdjustmentMagnitude) {

    /** AWS adjustment types. */
    public enum Type { CHANGE_IN_CAPACITY, EXACT_CAPACITY, PERCENT_CHANGE_IN_CAPACITY }

    public Adjustment {
        Objects.requireNonNull(type, "type");
        if (minAdjustmentMagnitude < 0) {
            throw new IllegalArgumentException("min adjustment magnitude must not be negative");
        }
        if (type == Type.EXACT_CAPACITY && value < 0) {
            throw new IllegalArgumentException("exact capacity must not be negative");
        }
    }

    /** Adds {@code n} instances (negative removes). */
    public static Adjustment change(int n) {
        return new Adjustment(Type.CHANGE_IN_CAPACITY, n, 0);
    }

    /** Sets the capacity to {@code n}. */
    public static Adjustment exact(int n) {
        return new Adjustment(Type.EXACT_CAPACITY, n, 0);
    }

    /** Changes the capacity by {@code percent} percent, at least {@code minMagnitude} instances. */
    public static Adjustment percent(int percent, int minMagnitude) {
        return new Adjustment(Type.PERCENT_CHANGE_IN_CAPACITY, percent, minMagnitude);
    }

    /** Whether this adjustment can only add capacity. */
    public boolean scalesOut() {
        return type != Type.EXACT_CAPACITY && value > 0;
    }

    /** The capacity after adjusting {@code base}. */
    public int applyTo(int base) {
        switch (type) {
            case CHANGE_IN_CAPACITY:
                return Math.max(0, base + value);
            case EXACT_CAPACITY:
                return value;
            case PERCENT_CHANGE_IN_CAPACITY:
                double raw = base * value / 100.0;
                int change;
                if (raw > 0 && raw < 1) {
                    change = 1;
                } else if (raw < 0 && raw > -1) {
                    change = -1;
                } else {
                    change = (int) raw;
                }
                if (change != 0 && Math.abs(change) < minAdjustmentMagnitude) {
                    change = Integer.signum(change) * minAdjustmentMagnitude;
                }
                return Math.max(0, base + change);
            default:
                throw new AssertionError(type);
        }
    }
}
