package io.stratus.scaling;

import io.stratus.spot.AllocationStrategy;
import java.util.List;
import java.util.Objects;

/**
 * The instance weights and spot allocation strategy of a mixed-instances Auto Scaling group (the
 * EC2 MixedInstancesPolicy's launch template overrides with {@code WeightedCapacity}, and its
 * {@code SpotAllocationStrategy}). With weights, the group's capacity (min, desired, max, the
 * on-demand base, the metrics' instance counts) is in units: an instance of weight 2 counts as 2.
 * On-demand launches take the types in priority order (EC2's {@code prioritized}).
 *
 * @param weights        one weight per type of the group's {@link LaunchTemplate}, in its order, each at least 1
 * @param spotAllocation how a spot launch chooses its pool among the types, in the zone the group balances into
 */
public record MixedInstancesPolicy(List<Integer> weights, AllocationStrategy spotAllocation) {

    /** Weight 1 for every type. */
    public static MixedInstancesPolicy unweighted(int types, AllocationStrategy spotAllocation) {
        return new MixedInstancesPolicy(java.util.Collections.nCopies(types, 1), spotAllocation);
    }

    public MixedInstancesPolicy {
        weights = List.copyOf(Objects.requireNonNull(weights, "weights"));
        Objects.requireNonNull(spotAllocation, "spotAllocation");
        for (int w : weights) {
            if (w < 1) {
                throw new IllegalArgumentException("instance weights must be at least 1, got " + w);
            }
        }
    }
}
