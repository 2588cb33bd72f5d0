package io.stratus.storage;

/**
 * Told of EBS volume and snapshot lifecycle events, after they happen, so that billing can charge
 * GB-months (a volume is billed from created to deleted, attached or not) and metrics can count.
 * Every method does nothing by default.
 */
public interface VolumeListener {

    /** A volume was created. */
    default void volumeCreated(EbsVolume volume, long now) {
    }

    /** A volume was attached to instance {@code instance}. */
    default void volumeAttached(EbsVolume volume, int instance, long now) {
    }

    /** A volume was detached from instance {@code instance}. */
    default void volumeDetached(EbsVolume volume, int instance, long now) {
    }

    /** A volume was deleted. */
    default void volumeDeleted(EbsVolume volume, long now) {
    }

    /** A snapshot was taken. */
    default void snapshotCreated(Snapshot snapshot, long now) {
    }

    /** A snapshot was deleted. */
    default void snapshotDeleted(Snapshot snapshot, long now) {
    }
}
