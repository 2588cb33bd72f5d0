package io.stratus.scenario;

import io.stratus.compute.InstanceType;
import io.stratus.compute.LaunchSpec;
import java.util.Objects;

/**
 * An order queue: producers send messages to an SQS queue (with a dead-letter queue), and an
 * Auto Scaling group of workers consumes them, scaling on backlog per instance.
 *
 * @param name                the queue's name in the file
 * @param arrivals            how messages are sent
 * @param meanWorkMicros      mean processing time of a message on one vCPU
 * @param workDistribution    {@code fixed} or {@code exponential}
 * @param visibilityMicros    visibility timeout
 * @param retentionMicros     retention period
 * @param maxReceives         receives before a message goes to the dead-letter queue
 * @param failureProbability  chance that processing a message fails (it reappears later)
 * @param launch              what each worker is (type, image with its boot and user-data times, credit
 *                            specification, placement group), for any zone
 * @param min                 fewest workers
 * @param max                 most workers
 * @param backlogPerInstance  target-tracking target: visible messages per in-service worker
 * @param warmupMicros        the workers' group instance warm-up in effect (EC2's rule: the group's
 *                            default instance warm-up, else the default cooldown)
 * @param cooldownMicros      the workers' group default cooldown
 * @param maxMessages         most messages the queue holds, visible or in flight; a send beyond is refused
 *                            as overloaded (SQS itself has no such limit: it bounds the run's memory)
 * @param messageBytes        bytes of a message (SQS bills each 64 KB chunk as a request)
 */
public record QueueConfig(String name, ArrivalSpec arrivals, long meanWorkMicros, String workDistribution,
                          long visibilityMicros, long retentionMicros, int maxReceives, double failureProbability,
                          LaunchSpec launch, int min, int max, double backlogPerInstance, long warmupMicros,
                          long cooldownMicros, long maxMessages, double messageBytes) {

    /** The format's default message size, 1 KB. */
    public static final double DEFAULT_MESSAGE_BYTES = 1000;

    public QueueConfig {
        if (!(messageBytes >= 0)) {
            throw new IllegalArgumentException("negative message size");
        }
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(arrivals, "arrivals");
        Objects.requireNonNull(launch, "launch");
        if (warmupMicros < 0 || cooldownMicros < 0) {
            throw new IllegalArgumentException("negative warm-up or cooldown");
        }
    }

    /** The workers' instance type. */
    public InstanceType type() {
        return launch.type();
    }
}
