package io.stratus.scenario;

import io.stratus.trace.TraceFormat;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a batch workload's (or job queue's) jobs come from: a trace of work arrivals, replayed.
 *
 * @param format    the trace format (one whose records are work arrivals, such as {@code swf})
 * @param path      the trace file
 * @param speedup   trace time per simulated time for submissions (run times are not scaled)
 * @param arraySize each trace job is an AWS Batch array job of this many children (1: plain jobs)
 */
public record BatchJobsConfig(TraceFormat format, Path path, double speedup, int arraySize) {

    public BatchJobsConfig {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(path, "path");
    }
}
