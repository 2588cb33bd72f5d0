package io.stratus.scenario;

import io.stratus.compute.InstanceCatalog;
import io.stratus.compute.HostShapes;
import io.stratus.infra.HostSpec;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Reads the {@code region:} section: zones, hosts and their racks. */
final class RegionSection {

    private RegionSection() {
    }

    static RegionConfig read(ConfigNode node, InstanceCatalog catalog) {
        node.allowOnly("name", "zones", "hosts");
        String name = node.string("name", "us-east-1", false);
        List<String> zones = node.strings("zones", true);
        if (node.has("zones") && zones.isEmpty()) {
            node.problem("zones", "a region needs at least one zone");
        }
        Set<String> seen = new HashSet<>();
        for (String z : zones) {
            if (!seen.add(z)) {
                node.problem("zones", "zone '" + z + "' is listed twice");
            }
        }
        ConfigNode hosts = node.child("hosts", true);
        hosts.allowOnly("family", "count", "per-zone", "racks", "overcommit");
        String family = hosts.string("family", "m5", true);
        long count = hosts.integer("count", 1, 1, ScenarioLimits.MAX_HOSTS, true);
        boolean perZone = hosts.bool("per-zone", true);
        ConfigNode overcommit = hosts.child("overcommit", false);
        overcommit.allowOnly("cpu", "memory");
        double cpuRatio = overcommit.number("cpu", 1.0, 1.0, 16.0, false);
        double memoryRatio = overcommit.number("memory", 1.0, 1.0, 4.0, false);
        HostSpec spec = null;
        try {
            spec = HostShapes.of(catalog, family).overcommitted(cpuRatio, memoryRatio);
        } catch (IllegalArgumentException e) {
            hosts.problem("family", e.getMessage() + "; use an EC2 family such as m5, c6i or r7g");
        }
        int zoneCount = Math.max(1, zones.size());
        if (perZone && count * zoneCount > ScenarioLimits.MAX_HOSTS) {
            hosts.problem("count", count + " hosts in each of " + zoneCount + " zones is more than the limit of "
                    + ScenarioLimits.MAX_HOSTS + " hosts");
        }
        if (!perZone && count % zoneCount != 0) {
            hosts.problem("count", count + " hosts do not divide evenly over " + zoneCount
                    + " zones; give a multiple of " + zoneCount + " or set per-zone: true");
        }
        long hostsPerZone = perZone ? count : count / zoneCount;
        long racks = hosts.integer("racks", hostsPerZone, 1, ScenarioLimits.MAX_HOSTS, false);
        if (hosts.has("racks") && (racks > hostsPerZone || hostsPerZone % racks != 0)) {
            hosts.problem("racks", racks + " racks per zone do not divide the " + hostsPerZone
                    + " hosts of each zone evenly; give a divisor of " + hostsPerZone);
            return null;
        }
        if (spec == null || zones.isEmpty() || !perZone && count % zoneCount != 0) {
            return null;
        }
        return new RegionConfig(name, zones, spec, (int) hostsPerZone, (int) racks);
    }
}
