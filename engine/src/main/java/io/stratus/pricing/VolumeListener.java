package io.stratus.pricing;

/**
 * Told of the life of EBS volumes, by whatever models storage. A volume is billed from creation
 * to deletion whatever the state of the instance it is attached to (a stopped instance's volumes
 * are billed), so attachment is not part of this interface.
 */
public interface VolumeListener {

    /** Volume {@code volume} (an id unique within the run) was created for {@code tenant}. */
    void volumeCreated(int volume, VolumeSpec spec, int tenant, long now);

    /** Its size, IOPS or throughput changed (Elastic Volumes). */
    void volumeModified(int volume, VolumeSpec spec, long now);

    /** It was deleted. */
    void volumeDeleted(int volume, long now);
}
