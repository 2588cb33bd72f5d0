package io.stratus.scenario;

import io.stratus.compute.InstanceCatalog;
import io.stratus.trace.TraceFormat;
import io.stratus.trace.WorkArrival;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Reads one batch workload under {@code batch:}: either its job trace and what each job's own
 * instances are ({@code jobs}, {@code launch}: one set of instances per job), or AWS Batch job
 * queues and compute environments ({@code job-queues}, {@code compute-environments}: packing).
 */
final class BatchSection {

    /** Trace formats whose records are jobs or VMs with a size and a lifetime. */
    static final List<String> FORMATS = Arrays.stream(TraceFormat.values())
            .filter(f -> WorkArrival.class.isAssignableFrom(f.recordType()))
            .map(TraceFormat::id).toList();

    private BatchSection() {
    }

    static BatchConfig read(String name, ConfigNode node, RegionConfig region, InstanceCatalog catalog, TraceRoots baseDir,
                            Tenants tenants, PlacementGroupNames groups) {
        node.allowOnly("jobs", "launch", "compute-environments", "job-queues");
        if (node.has("compute-environments") || node.has("job-queues")) {
            for (String perJob : List.of("jobs", "launch")) {
                if (node.has(perJob)) {
                    node.problem(perJob, "a workload with job queues takes its jobs in job-queues.*.jobs and its "
                            + "instances from compute-environments; give either jobs and launch (one set of instances "
                            + "per job) or compute-environments and job-queues (AWS Batch packing)");
                }
            }
            return PackedBatchSection.read(name, node, region, catalog, baseDir, tenants, groups);
        }
        BatchJobsConfig jobs = jobs(node.child("jobs", true), baseDir);
        LaunchSection launch = LaunchSection.read(node.child("launch", true), name, "batch." + name,
                region, catalog, tenants, groups);
        if (jobs == null || launch.type() == null) {
            return null;
        }
        return BatchConfig.perJob(name, jobs, launch.spec());
    }

    /** A {@code jobs:} mapping: its trace and array size; null after a problem. */
    static BatchJobsConfig jobs(ConfigNode jobs, TraceRoots baseDir) {
        jobs.allowOnly("trace", "array-size");
        ConfigNode trace = jobs.child("trace", true);
        trace.allowOnly("format", "path", "speedup");
        String format = trace.oneOf("format", null, FORMATS);
        if (trace.isMapping() && !trace.has("format")) {
            trace.problem("format", "give the trace's format: " + String.join(", ", FORMATS));
        }
        Path path = TracePaths.existing(trace, "path", baseDir);
        double speedup = trace.number("speedup", 1.0, 1e-6, 1e6, false);
        int arraySize = (int) jobs.integer("array-size", 1, 1, 10_000, false);
        if (format == null || path == null) {
            return null;
        }
        return new BatchJobsConfig(TraceFormat.named(format), path, speedup, arraySize);
    }
}
