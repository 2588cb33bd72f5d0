package io.stratus.scenario;

import io.stratus.compute.InstanceCatalog;
import io.stratus.trace.TraceFormat;
import io.stratus.trace.WorkArrival;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** Reads one batch workload under {@code batch:}: its job trace and what the jobs run on. */
final class BatchSection {

    /** Trace formats whose records are jobs or VMs with a size and a lifetime. */
    static final List<String> FORMATS = Arrays.stream(TraceFormat.values())
            .filter(f -> WorkArrival.class.isAssignableFrom(f.recordType()))
            .map(TraceFormat::id).toList();

    private BatchSection() {
    }

    static BatchConfig read(String name, ConfigNode node, RegionConfig region, InstanceCatalog catalog, TraceRoots baseDir,
                            Tenants tenants, PlacementGroupNames groups) {
        node.allowOnly("jobs", "launch");
        ConfigNode jobs = node.child("jobs", true);
        jobs.allowOnly("trace");
        ConfigNode trace = jobs.child("trace", true);
        trace.allowOnly("format", "path", "speedup");
        String format = trace.oneOf("format", null, FORMATS);
        if (trace.isMapping() && !trace.has("format")) {
            trace.problem("format", "give the trace's format: " + String.join(", ", FORMATS));
        }
        Path path = TracePaths.existing(trace, "path", baseDir);
        double speedup = trace.number("speedup", 1.0, 1e-6, 1e6, false);
        LaunchSection launch = LaunchSection.read(node.child("launch", true), name, "batch." + name,
                region, catalog, tenants, groups);
        if (format == null || path == null || launch.type() == null) {
            return null;
        }
        return new BatchConfig(name, TraceFormat.named(format), path, speedup, launch.spec());
    }
}
