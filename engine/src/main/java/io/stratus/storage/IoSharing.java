package io.stratus.storage;

import io.stratus.compute.Fleet;
import io.stratus.compute.Instance;
import io.stratus.compute.InstanceListener;
import io.stratus.compute.InstanceState;
import io.stratus.hypervisor.BurstCredits;
import io.stratus.infra.HostSpec;
import io.stratus.infra.HostView;
import io.stratus.sim.Simulation;
import it.unimi.dsi.fastutil.ints.Int2ObjectOpenHashMap;
import java.util.Objects;

/**
 * I/O in the fluid model: EBS volumes limited by their own IOPS and by their instance's EBS
 * bandwidth, and instance stores sharing their host's local NVMe.
 *
 * <ul>
 *   <li>EBS: each volume attached to a running instance is a processor-sharing server at its IOPS
 *       limit (gp2 volumes under 1,000 GiB burst to 3,000 IOPS while their bucket of 5.4 million
 *       I/O credits lasts, earned back at the baseline). The instance's volumes share its EBS
 *       bandwidth, converted to IOPS at {@link #IO_SIZE_KIB} KiB per operation, by max-min
 *       fairness.</li>
 *   <li>Instance store: each running instance with local disks is a server whose maximum is its
 *       part of the host's NVMe IOPS (in proportion to its share of the host's local capacity);
 *       the host's busy instance stores share the host's rate fairly (equal weights), which
 *       binds only when the host's local storage is sold more than once.</li>
 * </ul>
 *
 * <p>A request that needs CPU and then I/O is two submissions: the caller submits the I/O part
 * when the CPU part completes. Requests in progress are dropped when the volume is detached or
 * the instance leaves running. gp2 credits belong to the volume and survive detach and stop.
 * It registers itself with the fleet and the block storage.
 */
public final class IoSharing implements InstanceListener, VolumeListener {

    /** Size of one I/O operation, KiB, for converting bandwidth into IOPS. */
    public static final int IO_SIZE_KIB = 16;

    private final Fleet fleet;
    private final BlockStorage ebs;
    private final HostView hosts;
    private final IoServers volumes;
    private final IoServers local;
    private final Int2ObjectOpenHashMap<BurstCredits> gp2Buckets = new Int2ObjectOpenHashMap<>();
    private final Simulation sim;

    public IoSharing(Simulation sim, Fleet fleet, BlockStorage ebs, HostView hosts, IoCompletionListener onEbs,
                     IoCompletionListener onInstanceStore) {
        this.sim = Objects.requireNonNull(sim, "sim");
        this.fleet = Objects.requireNonNull(fleet, "fleet");
        this.ebs = Objects.requireNonNull(ebs, "ebs");
        this.hosts = Objects.requireNonNull(hosts, "hosts");
        this.volumes = new IoServers(sim, "ebs", onEbs);
        this.local = new IoServers(sim, "instance-store", onInstanceStore);
        fleet.addListener(this);
        ebs.addListener(this);
    }

    /** The IOPS an instance's EBS bandwidth allows (infinite if the catalogue gives none). */
    public static double ebsIopsLimit(int ebsMbps) {
        return ebsMbps <= 0 ? Double.POSITIVE_INFINITY : ebsMbps * 1e6 / 8 / (IO_SIZE_KIB * 1024.0);
    }

    /** Submits {@code ops} operations to a volume attached to a running instance. */
    public void submitEbs(int volumeId, long ops) {
        submitEbs(volumeId, ops, sim.now());
    }

    /**
     * Submits {@code ops} operations to a volume attached to a running instance; the completion
     * reports {@code tag} as the arrival time (the request's, when it had a CPU stage first).
     */
    public void submitEbs(int volumeId, long ops, long tag) {
        EbsVolume v = ebs.volume(volumeId);
        if (v.state() != VolumeState.IN_USE || fleet.state(v.instance()) != InstanceState.RUNNING) {
            throw new IllegalStateException(v.volumeId() + " is not attached to a running instance");
        }
        if (!volumes.isOpen(volumeId)) {
            Instance instance = fleet.instance(v.instance());
            BurstCredits bucket = null;
            if (v.spec().bursts()) {
                bucket = gp2Buckets.computeIfAbsent(volumeId, id -> IoServers.gp2Bucket(v.spec(), sim.now()));
            }
            volumes.open(volumeId, instance.id(), ebsIopsLimit(instance.type().ebsMbps()), v.spec().burstIops(), bucket);
        }
        volumes.submit(volumeId, ops, tag);
    }

    /** Submits {@code ops} operations to the instance store of a running instance. */
    public void submitInstanceStore(int instanceId, long ops) {
        submitInstanceStore(instanceId, ops, sim.now());
    }

    /** As {@link #submitInstanceStore(int, long)}, reporting {@code tag} as the arrival time. */
    public void submitInstanceStore(int instanceId, long ops, long tag) {
        Instance instance = fleet.instance(instanceId);
        if (instance.state() != InstanceState.RUNNING || instance.type().instanceStoreGib() <= 0) {
            throw new IllegalStateException(instance.instanceId() + " is not a running instance with instance store");
        }
        if (!local.isOpen(instanceId)) {
            HostSpec spec = hosts.spec(instance.host());
            if (spec.nvmeIops() <= 0) {
                throw new IllegalStateException("host " + instance.host() + " (" + spec.name() + ") has no local NVMe");
            }
            double own = spec.instanceStoreGib() > 0
                    ? Math.min(1, instance.type().instanceStoreGib() / spec.instanceStoreGib()) * spec.nvmeIops()
                    : spec.nvmeIops();
            local.open(instanceId, instance.host(), spec.nvmeIops(), own, null);
        }
        local.submit(instanceId, ops, tag);
    }

    /** The IOPS a volume does now. */
    public double volumeIops(int volumeId) {
        return volumes.isOpen(volumeId) ? volumes.iops(volumeId) : 0;
    }

    /** The IOPS an instance store does now. */
    public double instanceStoreIops(int instanceId) {
        return local.isOpen(instanceId) ? local.iops(instanceId) : 0;
    }

    /** The I/O credits left in a gp2 volume's bucket (as of its last change). */
    public double gp2Credits(int volumeId) {
        BurstCredits bucket = gp2Buckets.get(volumeId);
        return bucket == null ? VolumeType.GP2_BUCKET_CREDITS : bucket.balance();
    }

    /** I/O requests completed, EBS and instance store together. */
    public long completed() {
        return volumes.completed() + local.completed();
    }

    /** I/O requests dropped by a detach or an instance leaving running. */
    public long dropped() {
        return volumes.dropped() + local.dropped();
    }

    @Override
    public void stateChanged(Instance instance, InstanceState from, InstanceState to, long now) {
        if (from != InstanceState.RUNNING) {
            return;
        }
        if (local.isOpen(instance.id())) {
            local.close(instance.id());
        }
        for (EbsVolume v : ebs.attachedTo(instance.id())) {
            if (volumes.isOpen(v.id())) {
                volumes.close(v.id());
            }
        }
    }

    @Override
    public void volumeDetached(EbsVolume volume, int instance, long now) {
        if (volumes.isOpen(volume.id())) {
            volumes.close(volume.id());
        }
    }
}
