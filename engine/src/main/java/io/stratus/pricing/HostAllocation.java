package io.stratus.pricing;

import java.util.Objects;

/**
 * Dedicated Hosts of one family allocated for the whole run, billed per host-hour whatever runs
 * on them (on-demand host pricing).
 *
 * @param family the instance family the hosts run
 * @param hosts  how many
 */
public record HostAllocation(String family, int hosts) {

    public HostAllocation {
        Objects.requireNonNull(family, "family");
        if (hosts <= 0) {
            throw new IllegalArgumentException("a host allocation needs at least one host");
        }
    }
}
