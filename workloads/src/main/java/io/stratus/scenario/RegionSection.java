package io.stratus.scenario;

import io.stratus.compute.InstanceCatalog;
import io.stratus.compute.HostShapes;
import io.stratus.infra.HostSpec;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads the {@code region:} section: zones, hosts and their racks, Dedicated Hosts. */
final class RegionSection {

    private RegionSection() {
    }

    static RegionConfig read(ConfigNode node, InstanceCatalog catalog, Tenants tenants) {
        node.allowOnly("name", "zones", "hosts", "dedicated-hosts", "nat-gateways", "idle-elastic-ips");
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
        hosts.allowOnly("family", "count", "per-zone", "racks", "overcommit", "allow-any-family");
        String family = hosts.string("family", "m5", true);
        long count = hosts.integer("count", 1, 1, ScenarioLimits.MAX_HOSTS, true);
        boolean perZone = hosts.bool("per-zone", true);
        boolean allowAnyFamily = hosts.bool("allow-any-family", false);
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
        List<DedicatedHostConfig> dedicated = dedicatedHosts(node, catalog, tenants, zones,
                spec == null ? null : family, hostsPerZone);
        long nat = node.integer("nat-gateways", 0, 0, 1000, false);
        long idleIps = node.integer("idle-elastic-ips", 0, 0, 1000, false);
        if (spec == null || zones.isEmpty() || !perZone && count % zoneCount != 0 || dedicated == null) {
            return null;
        }
        return new RegionConfig(name, zones, spec, (int) hostsPerZone, (int) racks, dedicated, (int) nat,
                (int) idleIps, allowAnyFamily);
    }

    /**
     * Reads {@code dedicated-hosts:}, a list of {@code { tenant, family, count, zone }}: hosts of
     * the region's family taken out of the shared pool of their zone for one account.
     *
     * @param family the region's host family, or null when it is invalid (then the families are
     *               not compared)
     * @return the allocations (empty without the key), or null when invalid (problems reported)
     */
    private static List<DedicatedHostConfig> dedicatedHosts(ConfigNode node, InstanceCatalog catalog,
                                                            Tenants tenants, List<String> zones, String family,
                                                            long hostsPerZone) {
        JsonNode list = node.raw("dedicated-hosts");
        if (list == null || list.isNull()) {
            return List.of();
        }
        if (!list.isArray()) {
            node.problem("dedicated-hosts", "expected a list such as [{ tenant: acme, family: m5, count: 2, zone: "
                    + (zones.isEmpty() ? "us-east-1a" : zones.get(0)) + " }], found " + ValueDescriptions.describe(list));
            return null;
        }
        List<DedicatedHostConfig> out = new ArrayList<>();
        Map<String, Long> perZone = new HashMap<>();
        boolean ok = true;
        for (int i = 0; i < list.size(); i++) {
            JsonPointer at = node.pointerOf("dedicated-hosts").appendIndex(i);
            ConfigNode entry = node.nodeAt(list.get(i), at);
            if (!entry.isMapping()) {
                node.problemAt(at, "expected a mapping such as { tenant: acme, family: m5, count: 2, zone: "
                        + (zones.isEmpty() ? "us-east-1a" : zones.get(0)) + " }, found "
                        + ValueDescriptions.describe(list.get(i)));
                ok = false;
                continue;
            }
            entry.allowOnly("tenant", "family", "count", "zone");
            String tenant = entry.string("tenant", Tenants.DEFAULT, false);
            String hostFamily = entry.string("family", family, family == null);
            long count = entry.integer("count", 1, 1, ScenarioLimits.MAX_HOSTS, false);
            String zone = entry.string("zone", null, true);
            boolean good = hostFamily != null && zone != null;
            if (hostFamily != null && entry.has("family")) {
                try {
                    HostShapes.of(catalog, hostFamily);
                    if (family != null && !family.equals(hostFamily)) {
                        entry.problem("family", "the region's hosts are " + family + " (region.hosts.family): "
                                + "Dedicated Hosts are taken from them, so their family must be " + family);
                        good = false;
                    }
                } catch (IllegalArgumentException e) {
                    entry.problem("family", e.getMessage() + "; use an EC2 family such as m5, c6i or r7g");
                    good = false;
                }
            }
            int z = zone == null ? -1 : zones.indexOf(zone);
            if (zone != null && z < 0) {
                entry.problem("zone", "zone '" + zone + "' is not in the region; its zones are "
                        + String.join(", ", zones));
                good = false;
            }
            if (good && z >= 0) {
                long taken = perZone.merge(zone, count, Long::sum);
                if (taken > hostsPerZone) {
                    entry.problem("count", taken + " Dedicated Hosts in " + zone + " (this entry's " + count
                            + " and those listed before it) are more than the " + hostsPerZone + " " + family
                            + " hosts of the zone (region.hosts)");
                    good = false;
                }
            }
            if (good) {
                int id = tenants.id(tenant);
                tenants.hasDedicatedHosts(id);
                out.add(new DedicatedHostConfig(tenant, id, hostFamily, z, zone, (int) count));
            }
            ok &= good;
        }
        return ok ? out : null;
    }
}
