package io.stratus.scaling;

import io.stratus.compute.InstanceType;
import io.stratus.placement.PlacementRequest;
import java.util.List;
import java.util.Objects;

/**
 * What a group launches: its instance types (the template's type first, then the mixed-instances
 * overrides, in priority order), and how long the AMI takes to boot (boot plus user data) and to
 * shut down, and the EC2 placement group its instances join.
 *
 * @param types          at least one instance type, in priority order
 * @param bootMicros     pending to running
 * @param shutdownMicros shutting-down to terminated
 * @param placementGroup the placement group of the fleet's {@link io.stratus.placement.PlacementGroups},
 *                       or {@link PlacementRequest#NO_GROUP}
 * @param partition      the partition asked for in a partition group (0-based), or
 *                       {@link PlacementRequest#ANY_PARTITION}
 */
public record LaunchTemplate(List<InstanceType> types, long bootMicros, long shutdownMicros, int placementGroup,
                             int partition) {

    public LaunchTemplate {
        types = List.copyOf(Objects.requireNonNull(types, "types"));
        if (types.isEmpty()) {
            throw new IllegalArgumentException("a launch template needs at least one instance type");
        }
        if (bootMicros < 0 || shutdownMicros < 0) {
            throw new IllegalArgumentException("boot and shutdown times must not be negative");
        }
        if (placementGroup < PlacementRequest.NO_GROUP || partition < PlacementRequest.ANY_PARTITION) {
            throw new IllegalArgumentException("bad placement group " + placementGroup + " / partition " + partition);
        }
    }

    /** A template outside any placement group. */
    public LaunchTemplate(List<InstanceType> types, long bootMicros, long shutdownMicros) {
        this(types, bootMicros, shutdownMicros, PlacementRequest.NO_GROUP, PlacementRequest.ANY_PARTITION);
    }

    /** This template with its instances in placement group {@code group}, partition {@code newPartition}. */
    public LaunchTemplate inPlacementGroup(int group, int newPartition) {
        return new LaunchTemplate(types, bootMicros, shutdownMicros, group, newPartition);
    }

    /** A template of one type. */
    public static LaunchTemplate of(InstanceType type, long bootMicros, long shutdownMicros) {
        return new LaunchTemplate(List.of(type), bootMicros, shutdownMicros);
    }
}
