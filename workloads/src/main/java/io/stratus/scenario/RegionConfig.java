package io.stratus.scenario;

import io.stratus.infra.HostSpec;
import java.util.List;
import java.util.Objects;

/**
 * The region of a scenario: its zones and the hosts in each.
 *
 * @param name         the region's name, such as {@code us-east-1}
 * @param zones        zone names, such as {@code us-east-1a}
 * @param host         the hardware of every host (a family's metal size)
 * @param hostsPerZone hosts in each zone
 * @param racksPerZone racks in each zone, holding {@code hostsPerZone / racksPerZone} hosts each in
 *                     host order (by default one rack per host)
 * @param dedicatedHosts Dedicated Hosts allocated to accounts for the whole run, in file order;
 *                       each takes the last free hosts of its zone
 * @param natGateways    NAT gateways for the whole run, one in each of the first {@code natGateways}
 *                       zones in turn (0 for none)
 * @param idleElasticIps Elastic IP addresses allocated for the whole run and attached to nothing
 * @param allowAnyFamily whether instance types of another processor family than the hosts' may
 *                       launch on them (each still at its own type's speed); EC2 never does this
 */
public record RegionConfig(String name, List<String> zones, HostSpec host, int hostsPerZone, int racksPerZone,
                           List<DedicatedHostConfig> dedicatedHosts, int natGateways, int idleElasticIps,
                           boolean allowAnyFamily) {

    /** A region without NAT gateways or idle Elastic IPs whose hosts run only types of their own processor family. */
    public RegionConfig(String name, List<String> zones, HostSpec host, int hostsPerZone, int racksPerZone,
                        List<DedicatedHostConfig> dedicatedHosts) {
        this(name, zones, host, hostsPerZone, racksPerZone, dedicatedHosts, 0, 0, false);
    }

    /** A region without NAT gateways or idle Elastic IPs. */
    public RegionConfig(String name, List<String> zones, HostSpec host, int hostsPerZone, int racksPerZone,
                        List<DedicatedHostConfig> dedicatedHosts, boolean allowAnyFamily) {
        this(name, zones, host, hostsPerZone, racksPerZone, dedicatedHosts, 0, 0, allowAnyFamily);
    }

    public RegionConfig {
        if (natGateways < 0 || idleElasticIps < 0) {
            throw new IllegalArgumentException("negative NAT gateways or Elastic IPs");
        }
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(host, "host");
        zones = List.copyOf(zones);
        dedicatedHosts = List.copyOf(dedicatedHosts);
        if (racksPerZone < 1 || racksPerZone > hostsPerZone || hostsPerZone % racksPerZone != 0) {
            throw new IllegalArgumentException(racksPerZone + " racks do not divide " + hostsPerZone + " hosts evenly");
        }
    }

    /** A region without Dedicated Hosts. */
    public RegionConfig(String name, List<String> zones, HostSpec host, int hostsPerZone, int racksPerZone) {
        this(name, zones, host, hostsPerZone, racksPerZone, List.of());
    }
}
