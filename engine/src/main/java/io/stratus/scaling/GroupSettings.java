package io.stratus.scaling;

import io.stratus.sim.Time;
import java.util.List;
import java.util.Objects;

/**
 * An Auto Scaling group's capacity limits and behaviour.
 *
 * @param minSize            the fewest instances
 * @param maxSize            the most instances
 * @param desiredCapacity    the initial desired capacity
 * @param zones              the zone indices the group balances over
 * @param healthCheckType    EC2 or ELB
 * @param healthCheckGrace   time after an instance enters service before ELB health counts
 *                           (AWS: 0 through the API, 300 s in the console)
 * @param defaultCooldown    wait after a scaling activity before simple scaling acts again (300 s)
 * @param instanceWarmup     time after entering service during which an instance is not counted
 *                           in the group's metrics (0: none)
 * @param capacityRebalance  launch a replacement for a spot instance at its rebalance
 *                           recommendation or interruption notice, before it goes
 */
public record GroupSettings(int minSize, int maxSize, int desiredCapacity, List<Integer> zones,
                            HealthCheckType healthCheckType, long healthCheckGrace, long defaultCooldown,
                            long instanceWarmup, boolean capacityRebalance) {

    /** The default cooldown of simple scaling. */
    public static final long DEFAULT_COOLDOWN = Time.seconds(300);

    public GroupSettings {
        if (minSize < 0 || minSize > maxSize || desiredCapacity < minSize || desiredCapacity > maxSize) {
            throw new IllegalArgumentException("need 0 <= min <= desired <= max, got min " + minSize + ", desired "
                    + desiredCapacity + ", max " + maxSize);
        }
        zones = List.copyOf(Objects.requireNonNull(zones, "zones"));
        if (zones.isEmpty()) {
            throw new IllegalArgumentException("a group needs at least one zone");
        }
        Objects.requireNonNull(healthCheckType, "healthCheckType");
        if (healthCheckGrace < 0 || defaultCooldown < 0 || instanceWarmup < 0) {
            throw new IllegalArgumentException("grace, cooldown and warm-up must not be negative");
        }
    }

    /** EC2 health checks, no grace, the default cooldown, no warm-up, no capacity rebalancing. */
    public static GroupSettings of(int min, int desired, int max, List<Integer> zones) {
        return new GroupSettings(min, max, desired, zones, HealthCheckType.EC2, 0, DEFAULT_COOLDOWN, 0, false);
    }

    /** These settings with ELB health checks and a grace period. */
    public GroupSettings withElbHealthChecks(long grace) {
        return new GroupSettings(minSize, maxSize, desiredCapacity, zones, HealthCheckType.ELB, grace, defaultCooldown,
                instanceWarmup, capacityRebalance);
    }

    /** These settings with a default cooldown. */
    public GroupSettings withCooldown(long cooldown) {
        return new GroupSettings(minSize, maxSize, desiredCapacity, zones, healthCheckType, healthCheckGrace, cooldown,
                instanceWarmup, capacityRebalance);
    }

    /** These settings with an instance warm-up. */
    public GroupSettings withWarmup(long warmup) {
        return new GroupSettings(minSize, maxSize, desiredCapacity, zones, healthCheckType, healthCheckGrace,
                defaultCooldown, warmup, capacityRebalance);
    }

    /** These settings with capacity rebalancing on. */
    public GroupSettings withCapacityRebalance() {
        return new GroupSettings(minSize, maxSize, desiredCapacity, zones, healthCheckType, healthCheckGrace,
                defaultCooldown, instanceWarmup, true);
    }
}
