package io.stratus.scenario;

import java.util.Objects;

/**
 * Dedicated Hosts allocated to one account in one zone for the whole run ({@code
 * region.dedicated-hosts}): taken out of the shared pool, they take only that account's
 * instances launched with tenancy host, and are billed per host-hour whether anything runs on
 * them or not.
 *
 * @param tenant     the account's name
 * @param tenantId   its number ({@link Tenants}, by first mention)
 * @param family     the instance family of the hosts (the region's host family)
 * @param zone       the zone index
 * @param zoneName   the zone's name
 * @param count      how many hosts
 */
public record DedicatedHostConfig(String tenant, int tenantId, String family, int zone, String zoneName, int count) {

    public DedicatedHostConfig {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(zoneName, "zoneName");
        if (tenantId < 0 || zone < 0 || count <= 0) {
            throw new IllegalArgumentException("bad dedicated host allocation " + tenant + "/" + zone + "/" + count);
        }
    }
}
