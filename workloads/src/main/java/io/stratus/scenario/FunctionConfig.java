package io.stratus.scenario;

import io.stratus.serverless.FunctionSpec;
import java.util.Objects;

/**
 * An AWS Lambda function of a scenario ({@code functions:}) and what invokes it.
 *
 * @param spec             the function (memory, architecture, init, keep-warm, concurrency, speed, timeout)
 * @param arrivals         when invocations (or, through a queue, messages) arrive
 * @param meanWorkMicros   mean CPU work of one invocation (one message through a queue), reference-vCPU
 *                         microseconds
 * @param workDistribution {@code fixed} or {@code exponential}
 * @param batchSize        through an SQS queue: most messages per invocation; 0 when invoked directly
 *                         (synchronously, each arrival one invocation, throttled ones refused)
 * @param maxConcurrency   through an SQS queue: the event source mapping's maximum concurrent batches
 * @param responseBytes    bytes each direct invocation returns to its caller on the internet (billed as
 *                         data transfer out); 0 through a queue
 */
public record FunctionConfig(FunctionSpec spec, ArrivalSpec arrivals, long meanWorkMicros, String workDistribution,
                             int batchSize, int maxConcurrency, double responseBytes) {

    public FunctionConfig {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(arrivals, "arrivals");
        Objects.requireNonNull(workDistribution, "workDistribution");
    }

    /** The function's name. */
    public String name() {
        return spec.name();
    }

    /** Whether the function reads an SQS queue rather than being invoked directly. */
    public boolean queued() {
        return batchSize > 0;
    }
}
