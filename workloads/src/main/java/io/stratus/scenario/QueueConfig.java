package io.stratus.scenario;

import io.stratus.compute.InstanceType;
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
 * @param type                the workers' instance type
 * @param bootMicros          workers' boot time
 * @param shutdownMicros      workers' shutdown time
 * @param min                 fewest workers
 * @param max                 most workers
 * @param backlogPerInstance  target-tracking target: visible messages per in-service worker
 * @param placementGroup      the workers' placement group (its number in {@link Scenario#placementGroups()}),
 *                            or -1
 * @param partition           the partition they ask for (0-based), or -1 for any
 * @param maxMessages         most messages the queue holds, visible or in flight; a send beyond is refused
 *                            as overloaded (SQS itself has no such limit: it bounds the run's memory)
 * @param messageBytes        bytes of a message (SQS bills each 64 KB chunk as a request)
 */
public record QueueConfig(String name, ArrivalSpec arrivals, long meanWorkMicros, String workDistribution,
                          long visibilityMicros, long retentionMicros, int maxReceives, double failureProbability,
                          InstanceType type, long bootMicros, long shutdownMicros, int min, int max,
                          double backlogPerInstance, int placementGroup, int partition, long maxMessages, double messageBytes) {

    /** A queue of 1 KB messages. */
    public QueueConfig(String name, ArrivalSpec arrivals, long meanWorkMicros, String workDistribution,
                       long visibilityMicros, long retentionMicros, int maxReceives, double failureProbability,
                       InstanceType type, long bootMicros, long shutdownMicros, int min, int max,
                       double backlogPerInstance, int placementGroup, int partition, long maxMessages) {
        this(name, arrivals, meanWorkMicros, workDistribution, visibilityMicros, retentionMicros, maxReceives,
                failureProbability, type, bootMicros, shutdownMicros, min, max, backlogPerInstance, placementGroup,
                partition, maxMessages, DEFAULT_MESSAGE_BYTES);
    }

    /** The format's default message size, 1 KB. */
    public static final double DEFAULT_MESSAGE_BYTES = 1000;

    public QueueConfig {
        if (!(messageBytes >= 0)) {
            throw new IllegalArgumentException("negative message size");
        }
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(arrivals, "arrivals");
        Objects.requireNonNull(type, "type");
    }
}
