package io.stratus.scenario;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The placement groups of a scenario, by name: each name gets a group number in order of first
 * mention. Launch sections of several services may name the same group if they agree on its
 * strategy and partition count.
 */
final class PlacementGroupNames {

    private final List<PlacementGroupConfig> groups = new ArrayList<>();
    private final Map<String, Integer> ids = new HashMap<>();
    private final Map<String, String> firstDeclaredBy = new HashMap<>();

    /**
     * The number of a group, assigning the next one on first mention.
     *
     * @param by where it is declared, for the message when a later declaration disagrees
     * @return its number, or -1 if it disagrees with the group's first declaration (a problem is
     *         then reported on {@code node})
     */
    int id(PlacementGroupConfig group, String by, ConfigNode node) {
        Integer id = ids.get(group.name());
        if (id == null) {
            ids.put(group.name(), groups.size());
            firstDeclaredBy.put(group.name(), by);
            groups.add(group);
            return groups.size() - 1;
        }
        PlacementGroupConfig first = groups.get(id);
        if (!first.equals(group)) {
            node.problem("strategy", "placement group '" + group.name() + "' is " + first.describe() + " in "
                    + firstDeclaredBy.get(group.name()) + " but " + group.describe()
                    + " here; a group has one strategy (give this one another name)");
            return -1;
        }
        return id;
    }

    /** The groups, by number. */
    List<PlacementGroupConfig> groups() {
        return List.copyOf(groups);
    }
}
