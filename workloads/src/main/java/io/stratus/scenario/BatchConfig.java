package io.stratus.scenario;

import io.stratus.compute.InstanceType;
import io.stratus.compute.LaunchSpec;
import io.stratus.trace.TraceFormat;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A batch workload: jobs replayed from a trace, each run on instances of its own launched for it
 * (a managed compute environment such as AWS Batch on on-demand EC2).
 *
 * @param name           the batch workload's name in the file
 * @param format         the trace format (one whose records are work arrivals, such as {@code swf})
 * @param path           the trace file
 * @param speedup        trace time per simulated time for submissions (run times are not scaled)
 * @param launch         what each job's instances are (type, image, tenant, tenancy)
 */
public record BatchConfig(String name, TraceFormat format, Path path, double speedup, LaunchSpec launch) {

    public BatchConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(launch, "launch");
    }

    /** The instance type jobs run on. */
    public InstanceType type() {
        return launch.type();
    }
}
