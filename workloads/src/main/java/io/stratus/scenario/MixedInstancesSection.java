package io.stratus.scenario;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import io.stratus.compute.InstanceCatalog;
import io.stratus.compute.InstanceType;
import io.stratus.infra.HostSpec;
import io.stratus.spot.AllocationStrategy;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a group's {@code mixed-instances:} mapping:
 * <pre>
 *   mixed-instances:
 *     spot-allocation-strategy: price-capacity-optimized
 *     overrides:                      # in priority order
 *       - { type: m5.large, weight: 1 }
 *       - { type: m5.xlarge, weight: 2 }
 * </pre>
 * Each override type is checked as a launch's type is (in the catalogue, priced, fits the region's
 * host, of the hosts' processor family unless {@code region.hosts.allow-any-family}); a weight is a whole number from 1 to 999, as EC2's {@code WeightedCapacity}.
 */
final class MixedInstancesSection {

    /** The largest weight EC2 accepts. */
    static final int MAX_WEIGHT = 999;

    private MixedInstancesSection() {
    }

    /** The policy under {@code group} (an {@code auto-scaling:} mapping), or null when it has none or a problem. */
    static MixedInstancesConfig read(ConfigNode group, RegionConfig region, InstanceCatalog catalog) {
        if (!group.has("mixed-instances")) {
            return null;
        }
        ConfigNode node = group.child("mixed-instances", true);
        node.allowOnly("spot-allocation-strategy", "overrides");
        String name = node.oneOf("spot-allocation-strategy", AllocationStrategy.PRICE_CAPACITY_OPTIMIZED.apiName(),
                AllocationStrategy.names());
        AllocationStrategy strategy = AllocationStrategy.byName(name);
        List<InstanceType> types = new ArrayList<>();
        List<Integer> weights = new ArrayList<>();
        boolean ok = overrides(node, region, catalog, types, weights) && strategy != null;
        return ok ? new MixedInstancesConfig(types, weights, strategy) : null;
    }

    /** Reads {@code overrides:} into {@code types} and {@code weights}; false after a problem. */
    private static boolean overrides(ConfigNode node, RegionConfig region, InstanceCatalog catalog,
                                     List<InstanceType> types, List<Integer> weights) {
        JsonNode list = node.raw("overrides");
        if (list == null || list.isNull()) {
            return true;
        }
        String example = "[{ type: m5.large, weight: 1 }, { type: m5.xlarge, weight: 2 }]";
        if (!list.isArray()) {
            node.problem("overrides", "expected a list such as " + example + ", found "
                    + ValueDescriptions.describe(list));
            return false;
        }
        HostSpec host = region == null ? null : region.host();
        boolean ok = true;
        for (int i = 0; i < list.size(); i++) {
            JsonPointer at = node.pointerOf("overrides").appendIndex(i);
            ConfigNode entry = node.nodeAt(list.get(i), at);
            if (!entry.isMapping()) {
                node.problemAt(at, "expected a mapping such as { type: m5.large, weight: 1 }, found "
                        + ValueDescriptions.describe(list.get(i)));
                ok = false;
                continue;
            }
            entry.allowOnly("type", "weight");
            String typeName = entry.string("type", null, true);
            long weight = entry.integer("weight", 1, 1, MAX_WEIGHT, false);
            InstanceType type = typeName == null ? null : LaunchSection.checkedType(entry, "type", typeName, host,
                    catalog);
            if (type != null && host != null && !region.allowAnyFamily()
                    && !HostProcessors.sameProcessor(entry, type, host)) {
                type = null;
            }
            if (type == null || weight < 1 || weight > MAX_WEIGHT) {
                ok = false;
            } else if (types.contains(type)) {
                entry.problem("type", "instance type " + type.name() + " is listed twice in overrides");
                ok = false;
            } else {
                types.add(type);
                weights.add((int) weight);
            }
        }
        return ok;
    }
}
