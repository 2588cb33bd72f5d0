package io.stratus.scenario;

import io.stratus.compute.InstanceCatalog;
import io.stratus.compute.LaunchSpec;
import io.stratus.compute.PurchaseOption;
import io.stratus.sim.Time;
import io.stratus.workload.ComputeEnvironmentSpec;
import io.stratus.workload.JobQueueSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a batch workload's AWS Batch model: {@code compute-environments} (managed EC2, on-demand or
 * spot, with min / max vCPUs and a scale-in delay) and {@code job-queues} (priority, the
 * environments tried in order, and the queue's jobs). A queue must name one to three of the
 * workload's environments (AWS's limit is three).
 */
final class PackedBatchSection {

    /** AWS Batch's limit on compute environments per job queue. */
    static final int MAX_ENVIRONMENTS_PER_QUEUE = 3;

    private PackedBatchSection() {
    }

    static BatchConfig read(String name, ConfigNode node, RegionConfig region, InstanceCatalog catalog,
                            TraceRoots baseDir, Tenants tenants, PlacementGroupNames groups) {
        Map<String, ComputeEnvironmentSpec> environments = environments(name, node, region, catalog, tenants, groups);
        ConfigNode queuesNode = node.child("job-queues", true);
        if (queuesNode.isMapping() && queuesNode.children().isEmpty()) {
            node.problem("job-queues", "needs at least one job queue");
        }
        List<String> known = List.copyOf(environments.keySet());
        List<BatchQueueConfig> queues = new ArrayList<>();
        boolean complete = true;
        for (Map.Entry<String, ConfigNode> e : queuesNode.children().entrySet()) {
            BatchQueueConfig q = queue(e.getKey(), e.getValue(), known, environments, baseDir);
            complete &= q != null;
            if (q != null) {
                queues.add(q);
            }
        }
        if (!complete || queues.isEmpty() || environments.containsValue(null)) {
            return null;
        }
        return new BatchConfig(name, null, null, List.copyOf(environments.values()), queues);
    }

    /** The environments by name, in file order; a null value for one with a problem. */
    private static Map<String, ComputeEnvironmentSpec> environments(String workload, ConfigNode workloadNode,
                                                                   RegionConfig region, InstanceCatalog catalog,
                                                                   Tenants tenants, PlacementGroupNames groups) {
        Map<String, ComputeEnvironmentSpec> out = new LinkedHashMap<>();
        ConfigNode node = workloadNode.child("compute-environments", true);
        if (node.isMapping() && node.children().isEmpty()) {
            workloadNode.problem("compute-environments", "needs at least one compute environment");
        }
        for (Map.Entry<String, ConfigNode> e : node.children().entrySet()) {
            out.put(e.getKey(), environment(workload, e.getKey(), e.getValue(), region, catalog, tenants, groups));
        }
        return out;
    }

    private static ComputeEnvironmentSpec environment(String workload, String name, ConfigNode ce, RegionConfig region,
                                                      InstanceCatalog catalog, Tenants tenants,
                                                      PlacementGroupNames groups) {
        ce.allowOnly("launch", "purchase", "min-vcpus", "max-vcpus", "scale-down-after");
        LaunchSection launch = LaunchSection.read(ce.child("launch", true), workload + "/" + name,
                "batch." + workload + ".compute-environments." + name, region, catalog, tenants, groups);
        String purchase = ce.oneOf("purchase", "on-demand", List.of("on-demand", "spot"));
        long min = ce.integer("min-vcpus", 0, 0, 100_000, false);
        long max = ce.integer("max-vcpus", 0, 1, 100_000, true);
        long scaleDown = ce.unit("scale-down-after", 5 * Time.MINUTE, false, Units::duration, 0L, Time.DAY,
                "allowed from 0s to 1d");
        if (launch.type() == null || max == 0) {
            return null;
        }
        int v = launch.type().vcpus();
        if (max < v) {
            ce.problem("max-vcpus", max + " vCPUs cannot hold one " + launch.type().name() + " (" + v
                    + " vCPUs); allowed: at least " + v);
            return null;
        }
        if (min > max) {
            ce.problem("min-vcpus", min + " is above max-vcpus " + max + "; allowed from 0 to max-vcpus");
            return null;
        }
        LaunchSpec spec = launch.spec();
        if ("spot".equals(purchase)) {
            if (spec.tenancy() != io.stratus.infra.Tenancy.DEFAULT) {
                ce.problem("purchase", "spot needs default tenancy; allowed with this launch: on-demand");
                return null;
            }
            spec = spec.withPurchase(PurchaseOption.SPOT);
        }
        return new ComputeEnvironmentSpec(name, spec, (int) min, (int) max, scaleDown);
    }

    private static BatchQueueConfig queue(String name, ConfigNode q, List<String> known,
                                          Map<String, ComputeEnvironmentSpec> environments, TraceRoots baseDir) {
        q.allowOnly("priority", "compute-environments", "jobs");
        int priority = (int) q.integer("priority", 1, 0, 1000, false);
        List<String> names = q.strings("compute-environments", true);
        BatchJobsConfig jobs = BatchSection.jobs(q.child("jobs", true), baseDir);
        boolean ok = q.has("compute-environments");
        if (ok && names.isEmpty()) {
            q.problem("compute-environments", "the job queue names no compute environment; give 1 to "
                    + MAX_ENVIRONMENTS_PER_QUEUE + " of: " + String.join(", ", known));
            ok = false;
        } else if (names.size() > MAX_ENVIRONMENTS_PER_QUEUE) {
            q.problem("compute-environments", names.size() + " compute environments; a job queue takes 1 to "
                    + MAX_ENVIRONMENTS_PER_QUEUE);
            ok = false;
        }
        int[] indices = new int[names.size()];
        for (int i = 0; i < names.size(); i++) {
            indices[i] = known.indexOf(names.get(i));
            if (indices[i] < 0) {
                q.problem("compute-environments", "'" + names.get(i) + "' is not a compute environment of this "
                        + "workload; known: " + (known.isEmpty() ? "none" : String.join(", ", known)));
                ok = false;
            } else if (names.indexOf(names.get(i)) != i) {
                q.problem("compute-environments", "'" + names.get(i) + "' is named twice; name each once");
                ok = false;
            }
        }
        if (!ok || jobs == null) {
            return null;
        }
        return new BatchQueueConfig(new JobQueueSpec(name, priority, indices), jobs);
    }
}
