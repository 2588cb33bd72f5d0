package io.stratus.scenario;

import io.stratus.util.Suggestions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the {@code contrast:} section: {@code alone: [name, ...]}, each the name of a service,
 * batch workload, queue or consolidation of the scenario, at most once, and not every one of them
 * (the contrast would be the run itself).
 */
final class ContrastSection {

    private ContrastSection() {
    }

    /**
     * @param workloads the names of the scenario's workloads on the region (not GPU clusters, which
     *                  bring their own nodes and share nothing)
     */
    static ContrastConfig read(ConfigNode node, List<String> workloads) {
        if (!node.isMapping()) {
            return ContrastConfig.none();
        }
        node.allowOnly("alone");
        List<String> alone = node.strings("alone", true);
        if (node.raw("alone") != null && node.raw("alone").isArray() && node.raw("alone").isEmpty()) {
            node.problem("alone", "name at least one workload to run alone; leave contrast: out for none");
            return ContrastConfig.none();
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < alone.size(); i++) {
            String name = alone.get(i);
            if (!workloads.contains(name)) {
                String hint = Suggestions.closest(name, workloads);
                node.problemAt(node.pointerOf("alone").appendIndex(i), "no service, batch workload, queue or "
                        + "consolidation is named '" + name + "'" + (hint == null ? "" : "; did you mean '" + hint + "'?")
                        + " (known: " + String.join(", ", workloads) + ")");
            } else if (!seen.add(name)) {
                node.problemAt(node.pointerOf("alone").appendIndex(i), "'" + name + "' is listed twice");
            }
        }
        if (!workloads.isEmpty() && seen.containsAll(workloads)) {
            node.problem("alone", "every workload of the scenario is listed, so alone would be the run itself; "
                    + "list only the ones to run without the others");
        }
        return new ContrastConfig(alone);
    }

    /**
     * Refuses a contrast in which a service run alone has a step or simple scaling policy on an
     * alarm that watches a workload the alone run leaves out (the alarm would have no metric).
     */
    static void checkAlarms(ConfigNode node, ContrastConfig contrast, List<ServiceConfig> services,
                            MonitoringConfig monitoring) {
        for (ServiceConfig s : services) {
            if (!contrast.alone().contains(s.name()) || s.autoScaling() == null) {
                continue;
            }
            AlarmPoliciesConfig p = s.autoScaling().policies();
            List<String> alarms = new ArrayList<>();
            p.steps().forEach(step -> alarms.add(step.alarm()));
            p.simple().forEach(simple -> alarms.add(simple.alarm()));
            for (String name : alarms) {
                AlarmConfig a = monitoring.alarm(name);
                if (a != null && !contrast.alone().contains(a.workload())) {
                    node.problem("alone", "'" + s.name() + "' scales on alarm '" + name + "', which watches '"
                            + a.workload() + "'; list '" + a.workload() + "' in alone too, or contrast another workload");
                }
            }
        }
    }
}
