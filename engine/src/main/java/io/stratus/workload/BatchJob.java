package io.stratus.workload;

/**
 * A batch job as the engine runs it: when it is submitted, how long it runs once its instances
 * are running, and how many vCPUs and how much memory it needs in all.
 *
 * @param id          the job's number (from the trace or a generator)
 * @param submitTime  submission time, microseconds
 * @param runMicros   run time once all its instances are running, microseconds
 * @param vcpus       vCPUs the job needs in all (at least 1)
 * @param memoryMib   memory the job needs in all, MiB (0 when unknown: the instances' own memory)
 */
public record BatchJob(long id, long submitTime, long runMicros, int vcpus, long memoryMib) {

    public BatchJob {
        if (submitTime < 0 || runMicros < 0) {
            throw new IllegalArgumentException("job " + id + ": times must not be negative");
        }
        if (vcpus < 1) {
            throw new IllegalArgumentException("job " + id + ": needs at least one vCPU, got " + vcpus);
        }
        if (memoryMib < 0) {
            throw new IllegalArgumentException("job " + id + ": memory must not be negative");
        }
    }
}
