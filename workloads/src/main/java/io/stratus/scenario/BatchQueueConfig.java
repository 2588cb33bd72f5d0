package io.stratus.scenario;

import io.stratus.workload.JobQueueSpec;
import java.util.Objects;

/**
 * An AWS Batch job queue of a batch workload: its priority and compute environments, and its jobs.
 *
 * @param spec the queue (name, priority, environment indices into the workload's environments)
 * @param jobs the jobs submitted to it
 */
public record BatchQueueConfig(JobQueueSpec spec, BatchJobsConfig jobs) {

    public BatchQueueConfig {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(jobs, "jobs");
    }
}
