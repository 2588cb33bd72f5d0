/**
 * Storage: EBS volumes (network block storage that outlives instances), their snapshots, and
 * the instance store (local disks whose data dies with the instance's stay on its host).
 *
 * <p>The contents of a disk are modelled by one {@code long}, a fingerprint of what was last
 * written: a fresh disk holds {@link io.stratus.storage.InstanceStore#BLANK}. That is enough to
 * check what survives stop, start, terminate, host failure, detach and snapshot, without
 * modelling bytes.
 *
 * <p>Invariants: a volume is attached to at most one instance, in its own zone; a deleted volume
 * is never attached again; instance-store data is blank after the instance stops or terminates
 * (host failure terminates). Billing listens to {@link io.stratus.storage.VolumeListener}.
 */
package io.stratus.storage;
