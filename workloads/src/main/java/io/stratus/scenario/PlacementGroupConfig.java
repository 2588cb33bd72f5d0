package io.stratus.scenario;

import io.stratus.placement.PlacementGroups;
import java.util.Objects;

/**
 * An EC2 placement group a scenario declares in a launch section. Groups are numbered in order of
 * first mention, and the run creates them in that order, so a launch's group number is the
 * group's number in the fleet.
 *
 * @param name       the group's name (by default the name of the service, batch workload or queue
 *                   whose launch section declares it)
 * @param strategy   cluster, spread or partition
 * @param partitions partitions per zone of a partition group (1 to 7), 0 for the other strategies
 */
public record PlacementGroupConfig(String name, PlacementGroups.Strategy strategy, int partitions) {

    public PlacementGroupConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(strategy, "strategy");
        if ((strategy == PlacementGroups.Strategy.PARTITION) != (partitions > 0)
                || partitions > PlacementGroups.MAX_PARTITIONS) {
            throw new IllegalArgumentException("a partition group has 1 to 7 partitions, other groups none");
        }
    }

    /** How a scenario file writes the strategy. */
    public String strategyName() {
        return strategy.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The group as the scenario reference describes it, for messages. */
    String describe() {
        return strategyName() + (partitions > 0 ? " with " + partitions + " partitions" : "");
    }
}
