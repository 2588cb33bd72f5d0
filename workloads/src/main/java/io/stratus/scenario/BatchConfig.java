package io.stratus.scenario;

import io.stratus.compute.InstanceType;
import io.stratus.compute.LaunchSpec;
import io.stratus.workload.ComputeEnvironmentSpec;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A batch workload, in one of two models. <b>One set of instances per job</b> (the baseline, and
 * the default): jobs replayed from a trace, each run on instances of its own launched for it and
 * terminated at its end ({@code jobs} and {@code launch}). <b>AWS Batch packing</b> (opt-in): job
 * queues with priorities feeding managed compute environments that pack several jobs per instance
 * and reuse idle instances ({@code environments} and {@code queues}).
 *
 * @param name         the batch workload's name in the file
 * @param jobs         the jobs of the one-per-job model; null with job queues
 * @param launch       what each job's instances are in the one-per-job model; null with job queues
 * @param environments the compute environments of the packing model; empty in the one-per-job model
 * @param queues       the job queues of the packing model, in file order; empty in the one-per-job model
 */
public record BatchConfig(String name, BatchJobsConfig jobs, LaunchSpec launch,
                          List<ComputeEnvironmentSpec> environments, List<BatchQueueConfig> queues) {

    public BatchConfig {
        Objects.requireNonNull(name, "name");
        environments = List.copyOf(environments);
        queues = List.copyOf(queues);
        if (queues.isEmpty() ? jobs == null || launch == null : environments.isEmpty()) {
            throw new IllegalArgumentException("batch " + name + ": jobs and launch, or environments and queues");
        }
    }

    /** A one-instance-set-per-job workload. */
    public static BatchConfig perJob(String name, BatchJobsConfig jobs, LaunchSpec launch) {
        return new BatchConfig(name, Objects.requireNonNull(jobs, "jobs"), Objects.requireNonNull(launch, "launch"),
                List.of(), List.of());
    }

    /** Whether jobs are packed onto compute environments (else each gets instances of its own). */
    public boolean packed() {
        return !queues.isEmpty();
    }

    /** What the workload launches: the one-per-job launch, or each environment's. */
    public List<LaunchSpec> launches() {
        return packed() ? environments.stream().map(ComputeEnvironmentSpec::launch).toList() : List.of(launch);
    }

    /** The instance types jobs run on, joined with {@code +} (one for the one-per-job model). */
    public String typeNames() {
        return launches().stream().map(LaunchSpec::type).map(InstanceType::name).distinct()
                .collect(Collectors.joining("+"));
    }

    /** Whether some compute environment buys spot (the run then needs a spot market). */
    public boolean usesSpot() {
        return environments.stream().anyMatch(e -> e.launch().purchase() == io.stratus.compute.PurchaseOption.SPOT);
    }
}
