package io.stratus.infra;

import java.util.Objects;

/**
 * An availability zone of a region.
 *
 * @param index position of the zone in its region (0, 1, ...)
 * @param name  the zone's name, such as {@code us-east-1a}
 */
public record Zone(int index, String name) {

    public Zone {
        Objects.requireNonNull(name, "name");
        if (index < 0) {
            throw new IllegalArgumentException("zone index must not be negative");
        }
    }
}
