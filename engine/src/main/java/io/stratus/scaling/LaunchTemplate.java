package io.stratus.scaling;

import io.stratus.compute.Ami;
import io.stratus.compute.InstanceType;
import io.stratus.compute.LaunchSpec;
import io.stratus.hypervisor.CpuCreditMode;
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
 * @param ami            the image, when the template knows it (its boot and user-data times, so
 *                       that the bill can start at EC2's running, before the user data); null for
 *                       an image booting in {@code bootMicros} with no user data
 * @param creditMode     the burstable credit specification, or null for the type's default
 *                       (T2 standard, T3 / T3a / T4g unlimited)
 */
public record LaunchTemplate(List<InstanceType> types, long bootMicros, long shutdownMicros, int placementGroup,
                             int partition, Ami ami, CpuCreditMode creditMode) {

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
        if (ami != null && ami.bootMicros(true) != bootMicros) {
            throw new IllegalArgumentException("boot time " + bootMicros + " is not the image's " + ami.bootMicros(true));
        }
    }

    /** A template with an image of no user data and the types' default credit specification. */
    public LaunchTemplate(List<InstanceType> types, long bootMicros, long shutdownMicros, int placementGroup,
                          int partition) {
        this(types, bootMicros, shutdownMicros, placementGroup, partition, null, null);
    }

    /** A template outside any placement group. */
    public LaunchTemplate(List<InstanceType> types, long bootMicros, long shutdownMicros) {
        this(types, bootMicros, shutdownMicros, PlacementRequest.NO_GROUP, PlacementRequest.ANY_PARTITION);
    }

    /** This template with its instances in placement group {@code group}, partition {@code newPartition}. */
    public LaunchTemplate inPlacementGroup(int group, int newPartition) {
        return new LaunchTemplate(types, bootMicros, shutdownMicros, group, newPartition, ami, creditMode);
    }

    /** This template with the image and credit specification of {@code spec} (its boot time becomes the image's). */
    public LaunchTemplate withImageOf(LaunchSpec spec) {
        return new LaunchTemplate(types, spec.ami().bootMicros(true), shutdownMicros, placementGroup, partition,
                spec.ami(), spec.creditMode());
    }

    /** The launch of one instance of {@code type} in {@code zone}, for group {@code group}. */
    public LaunchSpec specFor(InstanceType type, int zone, String group) {
        LaunchSpec spec = new LaunchSpec(type, zone, bootMicros, shutdownMicros).withGroup(group)
                .inPlacementGroup(placementGroup, partition);
        if (ami != null) {
            spec = spec.withAmi(ami);
        }
        return creditMode != null && type.isBurstable() ? spec.withCreditMode(creditMode) : spec;
    }

    /**
     * A template of {@code types} that launches as {@code spec} does: its boot and shutdown times,
     * placement group and partition, image (boot plus user data) and credit specification.
     */
    public static LaunchTemplate from(LaunchSpec spec, List<InstanceType> types) {
        return new LaunchTemplate(types, spec.bootMicros(), spec.shutdownMicros())
                .inPlacementGroup(spec.placementGroup(), spec.partition()).withImageOf(spec);
    }

    /** A template of one type. */
    public static LaunchTemplate of(InstanceType type, long bootMicros, long shutdownMicros) {
        return new LaunchTemplate(List.of(type), bootMicros, shutdownMicros);
    }
}
