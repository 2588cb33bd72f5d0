package io.stratus.messaging;

import io.stratus.sim.Time;

/**
 * An SQS standard queue's settings.
 *
 * @param visibilityTimeoutMicros how long a received message stays invisible (SQS default 30 s, at most 12 h)
 * @param retentionMicros         how long a message is kept (SQS default 4 days, 60 s to 14 days)
 * @param maxReceiveCount         receives allowed before a message moves to the dead-letter queue
 *                                (redrive policy); 0 when there is no dead-letter queue
 */
public record QueueSettings(long visibilityTimeoutMicros, long retentionMicros, int maxReceiveCount) {

    /** The SQS default retention: 4 days. */
    public static final long DEFAULT_RETENTION = 4 * Time.DAY;

    public QueueSettings {
        if (visibilityTimeoutMicros < 0 || visibilityTimeoutMicros > 12 * Time.HOUR) {
            throw new IllegalArgumentException("visibility timeout must be 0 to 12h, got "
                    + Time.format(visibilityTimeoutMicros));
        }
        if (retentionMicros < Time.MINUTE || retentionMicros > 14 * Time.DAY) {
            throw new IllegalArgumentException("retention must be 60s to 14 days, got " + Time.format(retentionMicros));
        }
        if (maxReceiveCount < 0 || maxReceiveCount > 1000) {
            throw new IllegalArgumentException("max receive count must be 1 to 1000 (0 for none), got " + maxReceiveCount);
        }
    }

    /** The SQS defaults, without a dead-letter queue. */
    public static QueueSettings defaults() {
        return new QueueSettings(Time.seconds(30), DEFAULT_RETENTION, 0);
    }
}
