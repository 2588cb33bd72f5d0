package io.stratus.scaling;

import io.stratus.compute.InstanceType;
import java.util.List;
import java.util.Objects;

/**
 * What a group launches: its instance types (the template's type first, then the mixed-instances
 * overrides, in priority order), and how long the AMI takes to boot (boot plus user data) and to
 * shut down.
 *
 * @param types          at least one instance type, in priority order
 * @param bootMicros     pending to running
 * @param shutdownMicros shutting-down to terminated
 */
public record LaunchTemplate(List<InstanceType> types, long bootMicros, long shutdownMicros) {

    public LaunchTemplate {
        types = List.copyOf(Objects.requireNonNull(types, "types"));
        if (types.isEmpty()) {
            throw new IllegalArgumentException("a launch template needs at least one instance type");
        }
        if (bootMicros < 0 || shutdownMicros < 0) {
            throw new IllegalArgumentException("boot and shutdown times must not be negative");
        }
    }

    /** A template of one type. */
    public static LaunchTemplate of(InstanceType type, long bootMicros, long shutdownMicros) {
        return new LaunchTemplate(List.of(type), bootMicros, shutdownMicros);
    }
}
