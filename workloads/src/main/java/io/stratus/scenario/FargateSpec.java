package io.stratus.scenario;

import io.stratus.compute.Architecture;
import java.util.Objects;

/**
 * An ECS service's tasks on AWS Fargate ({@code services.*.fargate:}): the size each task
 * requests and its architecture. Billed per second of vCPU and GB from the start of the image pull
 * to the task's end, with a one-minute minimum ({@link io.stratus.pricing.FargateMeter}).
 *
 * @param vcpus        vCPUs per task
 * @param memoryGb     memory per task, GB
 * @param architecture x86_64 or arm64
 */
public record FargateSpec(int vcpus, int memoryGb, Architecture architecture) {

    public FargateSpec {
        Objects.requireNonNull(architecture, "architecture");
        if (vcpus < 1 || memoryGb < 1) {
            throw new IllegalArgumentException("a task needs vCPUs and memory");
        }
    }
}
