package io.stratus.scenario;

import io.stratus.compute.InstanceType;
import io.stratus.spot.AllocationStrategy;
import java.util.List;
import java.util.Objects;

/**
 * A group's mixed instances policy ({@code auto-scaling.mixed-instances:}): the instance types it
 * launches with their weights (EC2's launch template overrides with {@code WeightedCapacity}), and
 * how its spot launches choose a capacity pool among them.
 *
 * @param types          the override types in priority order; empty: the launch's type only
 * @param weights        one weight per type, 1 to 999
 * @param spotAllocation the spot allocation strategy
 */
public record MixedInstancesConfig(List<InstanceType> types, List<Integer> weights, AllocationStrategy spotAllocation) {

    public MixedInstancesConfig {
        types = List.copyOf(types);
        weights = List.copyOf(weights);
        Objects.requireNonNull(spotAllocation, "spotAllocation");
        if (types.size() != weights.size()) {
            throw new IllegalArgumentException("one weight per type");
        }
    }
}
