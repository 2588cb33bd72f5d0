package io.stratus.storage;

import io.stratus.compute.Fleet;
import io.stratus.compute.Instance;
import io.stratus.compute.InstanceListener;
import io.stratus.compute.InstanceState;
import io.stratus.compute.RootDevice;
import it.unimi.dsi.fastutil.ints.Int2LongOpenHashMap;
import java.util.Objects;

/**
 * The instance-store disks of all instances: local NVMe on the instance's host, fast but
 * ephemeral. Their data survives a reboot but is lost when the instance stops, terminates, or
 * its host fails (which terminates it, or moves it to new hardware). It registers itself as a listener of the fleet.
 */
public final class InstanceStore implements InstanceListener {

    /** The contents of a blank disk. */
    public static final long BLANK = 0;

    private final Fleet fleet;
    private final Int2LongOpenHashMap contents = new Int2LongOpenHashMap();
    private long wipes;

    public InstanceStore(Fleet fleet) {
        this.fleet = Objects.requireNonNull(fleet, "fleet");
        fleet.addListener(this);
    }

    /** Writes to the instance store of a running instance that has one. */
    public void write(int instanceId, long data) {
        Instance instance = fleet.instance(instanceId);
        if (instance.state() != InstanceState.RUNNING) {
            throw new IllegalStateException(instance.instanceId() + " is " + instance.state().apiName()
                    + "; only a running instance writes to its instance store");
        }
        if (!hasInstanceStore(instance)) {
            throw new IllegalStateException(instance.instanceId() + " (" + instance.type().name()
                    + ") has no instance store");
        }
        contents.put(instanceId, data);
    }

    /** What the instance store of an instance holds ({@link #BLANK} if nothing survives). */
    public long read(int instanceId) {
        return contents.get(instanceId);
    }

    /** Times data was lost (an instance with data stopped, terminated or lost its host). */
    public long wipes() {
        return wipes;
    }

    @Override
    public void stateChanged(Instance instance, InstanceState from, InstanceState to, long now) {
        // pending after running: moved to new hardware (automatic recovery), which has blank disks
        if ((to == InstanceState.STOPPED || to == InstanceState.TERMINATED || to == InstanceState.PENDING)
                && contents.containsKey(instance.id())) {
            contents.remove(instance.id());
            wipes++;
        }
    }

    private static boolean hasInstanceStore(Instance instance) {
        return instance.type().instanceStoreGib() > 0 || instance.spec().ami().root() == RootDevice.INSTANCE_STORE;
    }
}
