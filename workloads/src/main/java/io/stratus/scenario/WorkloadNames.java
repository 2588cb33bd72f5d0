package io.stratus.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Checks that every workload of a scenario has its own name across the sections that name
 * workloads. A workload's random streams are named after it ({@code web/arrivals},
 * {@code web/routing}, ...), and the engine lets each stream be claimed once, so a service and
 * a queue both named {@code web} are refused here, at load time, naming both sections.
 */
final class WorkloadNames {

    /** The sections whose keys are workload names, in the order they are checked. */
    static final List<String> SECTIONS = List.of("services", "batch", "queues", "gpu-clusters");

    private WorkloadNames() {
    }

    /** Records a problem at each workload whose name an earlier section (or entry) already used. */
    static void check(ConfigNode root) {
        Map<String, String> firstUse = new HashMap<>();
        for (String section : SECTIONS) {
            JsonNode entries = root.raw(section);
            if (entries == null || !entries.isObject()) {
                continue; // the section's own reader reports its shape
            }
            ConfigNode node = root.child(section, false);
            Iterator<String> names = entries.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                String first = firstUse.putIfAbsent(name, section + "." + name);
                if (first != null) {
                    node.problem(name, "the name \"" + name + "\" is already used by " + first
                            + "; each workload needs its own name (random streams are named after it)");
                }
            }
        }
    }
}
