package io.stratus.pricing;

import io.stratus.sim.Time;
import java.util.Objects;

/**
 * Dedicated Hosts of one family allocated for the whole run, billed per host-hour whatever runs
 * on them (on-demand host pricing).
 *
 * @param family the instance family the hosts run
 * @param hosts  how many
 */
public record HostAllocation(String family, int hosts) {

    /**
     * What the hosts cost when allocated for {@code micros}: hosts x the family's on-demand
     * Dedicated Host price per host-hour ({@link PriceBook#dedicatedHostUsdPerHour}) x the
     * allocated hours, pro rata as {@link CostCalculator} charges commitments, whatever runs on
     * them.
     */
    public double costUsd(PriceBook prices, long micros) {
        if (micros < 0) {
            throw new IllegalArgumentException("allocated time must not be negative, got " + micros);
        }
        return hosts * prices.dedicatedHostUsdPerHour(family) * micros / (double) Time.HOUR;
    }

    public HostAllocation {
        Objects.requireNonNull(family, "family");
        if (hosts <= 0) {
            throw new IllegalArgumentException("a host allocation needs at least one host");
        }
    }
}
