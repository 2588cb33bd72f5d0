package io.stratus.workload;

import io.stratus.compute.LaunchSpec;
import java.util.Objects;

/**
 * A managed AWS Batch compute environment on EC2: the instances it launches (one type, bought on
 * demand or as spot as {@code launch.purchase()} says), the fewest and most vCPUs it keeps, and how
 * long an instance with no job stays before the environment scales it in.
 *
 * <p><i>Simplified:</i> one instance type per environment (AWS Batch may mix the types of an
 * allocation strategy); the idle time before scale-in is a fixed setting (AWS does not publish it;
 * it is minutes in practice).
 *
 * @param name            the environment's name
 * @param launch          what each instance is; its purchase option is the environment's
 * @param minVcpus        vCPUs kept running even with no job (launched at the start), at least 0
 * @param maxVcpus        most vCPUs of live instances, at least the type's vCPUs
 * @param scaleDownMicros how long an instance stays with no job before it is terminated, at least 0
 */
public record ComputeEnvironmentSpec(String name, LaunchSpec launch, int minVcpus, int maxVcpus, long scaleDownMicros) {

    public ComputeEnvironmentSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(launch, "launch");
        if (minVcpus < 0 || maxVcpus < launch.type().vcpus() || minVcpus > maxVcpus || scaleDownMicros < 0) {
            throw new IllegalArgumentException("compute environment " + name + ": need 0 <= min <= max vCPUs, max at"
                    + " least one " + launch.type().name() + ", scale-down delay >= 0");
        }
    }

    /** Most live instances: the whole instances within the maximum vCPUs. */
    public int maxInstances() {
        return maxVcpus / launch.type().vcpus();
    }

    /** Instances kept for the minimum vCPUs (a partial instance counts as one, as AWS rounds up). */
    public int minInstances() {
        int v = launch.type().vcpus();
        return Math.min(maxInstances(), (minVcpus + v - 1) / v);
    }
}
