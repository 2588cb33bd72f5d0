package io.stratus.storage;

/**
 * A point-in-time copy of an EBS volume. Snapshots live in the region (S3), not in a zone, so a
 * volume can be restored from one in any zone. Billed by size until deleted (simplification: the
 * full volume size, not the incremental blocks EBS actually stores).
 *
 * @param id        the snapshot number, dense from 0
 * @param volumeId  the volume it was taken from
 * @param sizeGib   the size of that volume
 * @param contents  the volume's contents when it was taken
 * @param createdAt when it was taken
 */
public record Snapshot(int id, int volumeId, int sizeGib, long contents, long createdAt) {
}
