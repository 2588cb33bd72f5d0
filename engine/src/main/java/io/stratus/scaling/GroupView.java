package io.stratus.scaling;

/** What a scaling policy may read of its group. */
public interface GroupView {

    /** The fewest instances. */
    int minSize();

    /** The most instances. */
    int maxSize();

    /** The desired capacity. */
    int desiredCapacity();

    /** Instances in service (running, not leaving), warming or not. */
    int inServiceCount();

    /** Instances pending or in service but still in their warm-up. */
    int warmingCount();

    /** Instances in service and past their warm-up: those counted in the group's metrics. */
    int countedCount();

    /** When simple scaling may act again: {@link Long#MAX_VALUE} while an activity is in progress. */
    long cooldownEnds();
}
