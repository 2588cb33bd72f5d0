package io.stratus.workload;

import java.util.Arrays;
import java.util.Objects;

/**
 * An AWS Batch job queue: its priority among the queues sharing compute environments (higher
 * first) and the environments its jobs may use, tried in order.
 *
 * @param name         the queue's name
 * @param priority     higher runs first when queues compete for the same environments
 * @param environments indices into the scheduler's environment list, in the order tried; at least one
 */
public record JobQueueSpec(String name, int priority, int[] environments) {

    public JobQueueSpec {
        Objects.requireNonNull(name, "name");
        if (environments.length == 0) {
            throw new IllegalArgumentException("job queue " + name + " names no compute environment");
        }
        environments = environments.clone();
    }

    @Override
    public int[] environments() {
        return environments.clone();
    }

    int environment(int i) {
        return environments[i];
    }

    int environmentCount() {
        return environments.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JobQueueSpec q && q.name.equals(name) && q.priority == priority
                && Arrays.equals(q.environments, environments);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, priority, Arrays.hashCode(environments));
    }

    @Override
    public String toString() {
        return "JobQueueSpec[" + name + ", priority " + priority + ", " + Arrays.toString(environments) + "]";
    }
}
