package io.stratus.pricing;

/**
 * What one Lambda function used over a run, in the units it is billed in.
 *
 * @param requests                    invocations (throttled ones are not invocations)
 * @param onDemandGbSeconds           memory (GB) x billed duration (whole ms, init included) of the
 *                                    invocations that ran on on-demand execution environments
 * @param provisionedDurationGbSeconds the same for the invocations that ran on provisioned environments
 * @param provisionedGbSeconds        configured Provisioned Concurrency x memory x the time it was
 *                                    enabled (rounded up to five minutes), used or not
 */
public record LambdaUsage(long requests, double onDemandGbSeconds, double provisionedDurationGbSeconds,
                          double provisionedGbSeconds) {

    public LambdaUsage {
        if (requests < 0 || !(onDemandGbSeconds >= 0) || !(provisionedDurationGbSeconds >= 0)
                || !(provisionedGbSeconds >= 0)) {
            throw new IllegalArgumentException("usage must be non-negative");
        }
    }
}
