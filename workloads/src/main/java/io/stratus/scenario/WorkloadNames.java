package io.stratus.scenario;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks that every workload of a scenario has its own name across the sections that name
 * workloads, and a safe one ({@link SafeNames}). A workload's random streams are named after it ({@code web/arrivals},
 * {@code web/routing}, ...), and the engine lets each stream be claimed once, so a service and
 * a queue both named {@code web} are refused here, at load time, naming both sections.
 *
 * <p>It reads the names of the workloads the section readers built, so that it reads no key of
 * the file itself (a workload its reader refused is not checked again).
 */
final class WorkloadNames {

    private WorkloadNames() {
    }

    /**
     * Records a problem at each workload whose name an earlier section (or entry) already used.
     *
     * @param namesBySection each section's workload names, in the order the sections are checked
     */
    static void check(ConfigNode root, Map<String, List<String>> namesBySection) {
        Map<String, String> firstUse = new HashMap<>();
        namesBySection.forEach((section, names) -> {
            for (String name : names) {
                SafeNames.check(root, root.pointerOf(section).appendProperty(section.equals("consolidation") ? "name" : name),
                        name);
                String first = firstUse.putIfAbsent(name,
                        section.equals("consolidation") ? "the consolidation" : section + "." + name);
                if (first != null) {
                    // a consolidation is one mapping with a name: key; the other sections map names
                    root.problemAt(root.pointerOf(section).appendProperty(section.equals("consolidation") ? "name" : name),
                            "the name \"" + name
                            + "\" is already used by " + first
                            + "; each workload needs its own name (random streams are named after it)");
                }
            }
        });
    }

    /** The sections in the order they are checked: services, batch, queues, gpu-clusters, consolidation. */
    static Map<String, List<String>> sections(List<String> services, List<String> batch, List<String> queues,
                                              List<String> gpuClusters, List<String> consolidation) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        out.put("services", services);
        out.put("batch", batch);
        out.put("queues", queues);
        out.put("gpu-clusters", gpuClusters);
        out.put("consolidation", consolidation);
        return out;
    }
}
