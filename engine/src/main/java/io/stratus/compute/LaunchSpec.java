package io.stratus.compute;

import java.util.Objects;

/**
 * What to launch: the instance type, where, and how long its lifecycle transitions take.
 *
 * @param type           the instance type
 * @param zone           the zone index, or {@code -1} for any zone
 * @param bootMicros     pending to running: boot of the AMI plus user data
 * @param shutdownMicros shutting-down to terminated
 */
public record LaunchSpec(InstanceType type, int zone, long bootMicros, long shutdownMicros) {

    public LaunchSpec {
        Objects.requireNonNull(type, "type");
        if (zone < -1) {
            throw new IllegalArgumentException("bad zone index " + zone);
        }
        if (bootMicros < 0 || shutdownMicros < 0) {
            throw new IllegalArgumentException("lifecycle durations must not be negative");
        }
    }
}
