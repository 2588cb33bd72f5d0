package io.stratus.storage;

import io.stratus.compute.Fleet;
import io.stratus.compute.Instance;
import io.stratus.compute.InstanceListener;
import io.stratus.compute.InstanceState;
import io.stratus.compute.RootDevice;
import io.stratus.sim.Simulation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The EBS volumes and snapshots of a region, and their rules: a volume lives in one zone until it
 * is deleted; it attaches to one running or stopped instance of its zone at a time; it keeps its
 * contents across stop and start of that instance (the instance may come back on another host);
 * terminating the instance detaches it, and deletes it if it is marked delete-on-termination.
 *
 * <p>It listens to the fleet (it registers itself): when an instance with an EBS-backed AMI first
 * enters running, its root volume (gp3, of the AMI's root size, delete-on-termination) is created
 * and attached. Simplification: EC2 creates the root volume at launch, during pending; here it is
 * created at the end of the first boot, a few tens of seconds later.
 */
public final class BlockStorage implements InstanceListener {

    private final Simulation sim;
    private final Fleet fleet;
    private final List<EbsVolume> volumes = new ArrayList<>();
    private final List<Snapshot> snapshots = new ArrayList<>();
    private final List<Snapshot> liveSnapshots = new ArrayList<>();
    private final List<VolumeListener> listeners = new ArrayList<>();

    public BlockStorage(Simulation sim, Fleet fleet) {
        this.sim = Objects.requireNonNull(sim, "sim");
        this.fleet = Objects.requireNonNull(fleet, "fleet");
        fleet.addListener(this);
    }

    /** Adds a listener of volume and snapshot events. */
    public void addListener(VolumeListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** Creates a blank, available volume in {@code zone} for the default tenant (0); returns its id. */
    public int create(VolumeSpec spec, int zone) {
        return create(spec, zone, 0);
    }

    /** Creates a blank, available volume in {@code zone} owned by {@code tenant}; returns its id. */
    public int create(VolumeSpec spec, int zone, int tenant) {
        return create(spec, zone, tenant, false, InstanceStore.BLANK);
    }

    /**
     * Restores a snapshot into a new available volume in {@code zone} (any zone of the region),
     * owned by the tenant that owned the snapshot's volume (snapshots are not shared between
     * accounts here).
     */
    public int restore(int snapshotId, VolumeSpec spec, int zone) {
        Snapshot snapshot = snapshot(snapshotId);
        if (spec.sizeGib() < snapshot.sizeGib()) {
            throw new IllegalArgumentException("a volume restored from snapshot " + snapshotId + " needs at least "
                    + snapshot.sizeGib() + " GiB, got " + spec.sizeGib());
        }
        return create(spec, zone, volumes.get(snapshot.volumeId()).tenant(), false, snapshot.contents());
    }

    /**
     * Attaches an available volume to a running or stopped instance in the same zone.
     *
     * @throws IllegalStateException naming the rule broken
     */
    public void attach(int volumeId, int instanceId, boolean deleteOnTermination) {
        EbsVolume volume = volume(volumeId);
        Instance instance = fleet.instance(instanceId);
        if (volume.state() != VolumeState.AVAILABLE) {
            throw new IllegalStateException(volume.volumeId() + " is " + volume.state().apiName()
                    + "; only an available volume can be attached");
        }
        if (instance.state() != InstanceState.RUNNING && instance.state() != InstanceState.STOPPED) {
            throw new IllegalStateException(instance.instanceId() + " is " + instance.state().apiName()
                    + "; volumes attach to running or stopped instances");
        }
        if (instance.zone() != volume.zone()) {
            throw new IllegalStateException(volume.volumeId() + " is in zone " + volume.zone() + " but "
                    + instance.instanceId() + " is in zone " + instance.zone()
                    + "; a volume attaches only in its own zone");
        }
        volume.attach(instanceId, deleteOnTermination);
        for (VolumeListener l : listeners) {
            l.volumeAttached(volume, instanceId, sim.now());
        }
    }

    /**
     * Detaches a volume from its instance. The root volume of a running instance cannot be
     * detached (stop the instance first), as on EC2.
     */
    public void detach(int volumeId) {
        EbsVolume volume = volume(volumeId);
        if (volume.state() != VolumeState.IN_USE) {
            throw new IllegalStateException(volume.volumeId() + " is " + volume.state().apiName()
                    + "; only an attached volume can be detached");
        }
        Instance instance = fleet.instance(volume.instance());
        if (volume.isRoot() && instance.state() == InstanceState.RUNNING) {
            throw new IllegalStateException(volume.volumeId() + " is the root device of running "
                    + instance.instanceId() + "; stop the instance first");
        }
        int from = volume.instance();
        volume.detach();
        for (VolumeListener l : listeners) {
            l.volumeDetached(volume, from, sim.now());
        }
    }

    /** Deletes an available volume. */
    public void delete(int volumeId) {
        EbsVolume volume = volume(volumeId);
        if (volume.state() != VolumeState.AVAILABLE) {
            throw new IllegalStateException(volume.volumeId() + " is " + volume.state().apiName()
                    + "; only an available volume can be deleted");
        }
        volume.delete();
        for (VolumeListener l : listeners) {
            l.volumeDeleted(volume, sim.now());
        }
    }

    /** Writes {@code contents} to a volume attached to a running instance. */
    public void write(int volumeId, long contents) {
        EbsVolume volume = volume(volumeId);
        if (volume.state() != VolumeState.IN_USE
                || fleet.state(volume.instance()) != InstanceState.RUNNING) {
            throw new IllegalStateException(volume.volumeId() + " is not attached to a running instance");
        }
        volume.write(contents);
    }

    /** Takes a snapshot of a volume that is not deleted; returns the snapshot id. */
    public int takeSnapshot(int volumeId) {
        EbsVolume volume = volume(volumeId);
        if (volume.state() == VolumeState.DELETED) {
            throw new IllegalStateException(volume.volumeId() + " is deleted");
        }
        Snapshot snapshot = new Snapshot(snapshots.size(), volumeId, volume.spec().sizeGib(), volume.contents(),
                sim.now());
        snapshots.add(snapshot);
        liveSnapshots.add(snapshot);
        for (VolumeListener l : listeners) {
            l.snapshotCreated(snapshot, sim.now());
        }
        return snapshot.id();
    }

    /** Deletes a snapshot. */
    public void deleteSnapshot(int snapshotId) {
        Snapshot snapshot = snapshot(snapshotId);
        liveSnapshots.remove(snapshot);
        for (VolumeListener l : listeners) {
            l.snapshotDeleted(snapshot, sim.now());
        }
    }

    /** The volume of that id. */
    public EbsVolume volume(int volumeId) {
        if (volumeId < 0 || volumeId >= volumes.size()) {
            throw new IllegalArgumentException("no volume " + volumeId);
        }
        return volumes.get(volumeId);
    }

    /** The snapshot of that id, if not deleted. */
    public Snapshot snapshot(int snapshotId) {
        if (snapshotId < 0 || snapshotId >= snapshots.size() || !liveSnapshots.contains(snapshots.get(snapshotId))) {
            throw new IllegalArgumentException("no snapshot " + snapshotId);
        }
        return snapshots.get(snapshotId);
    }

    /** Every volume ever created, deleted ones included, in creation order. */
    public List<EbsVolume> volumes() {
        return Collections.unmodifiableList(volumes);
    }

    /** The volumes attached to an instance, root first. */
    public List<EbsVolume> attachedTo(int instanceId) {
        List<EbsVolume> out = new ArrayList<>();
        for (EbsVolume v : volumes) {
            if (v.state() == VolumeState.IN_USE && v.instance() == instanceId) {
                if (v.isRoot()) {
                    out.add(0, v);
                } else {
                    out.add(v);
                }
            }
        }
        return out;
    }

    @Override
    public void stateChanged(Instance instance, InstanceState from, InstanceState to, long now) {
        if (to == InstanceState.RUNNING && instance.boots() == 1
                && instance.spec().ami().root() == RootDevice.EBS) {
            int root = create(VolumeSpec.gp3(instance.spec().ami().rootVolumeGib()), instance.zone(),
                    instance.tenant(), true, InstanceStore.BLANK);
            volumes.get(root).attach(instance.id(), true);
            for (VolumeListener l : listeners) {
                l.volumeAttached(volumes.get(root), instance.id(), now);
            }
        } else if (to == InstanceState.TERMINATED) {
            for (EbsVolume v : attachedTo(instance.id())) {
                boolean delete = v.deleteOnTermination();
                v.detach();
                for (VolumeListener l : listeners) {
                    l.volumeDetached(v, instance.id(), now);
                }
                if (delete) {
                    delete(v.id());
                }
            }
        }
    }

    private int create(VolumeSpec spec, int zone, int tenant, boolean root, long contents) {
        Objects.requireNonNull(spec, "spec");
        if (zone < 0) {
            throw new IllegalArgumentException("a volume needs a zone, got " + zone);
        }
        if (tenant < 0) {
            throw new IllegalArgumentException("a volume's tenant must not be negative, got " + tenant);
        }
        EbsVolume volume = new EbsVolume(volumes.size(), spec, zone, tenant, sim.now(), root, contents);
        volumes.add(volume);
        for (VolumeListener l : listeners) {
            l.volumeCreated(volume, sim.now());
        }
        return volume.id();
    }
}
