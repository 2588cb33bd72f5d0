package io.stratus.run;

import io.stratus.compute.Instance;
import io.stratus.scenario.IoConfig;
import io.stratus.storage.BlockStorage;
import io.stratus.storage.IoSharing;
import it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap;
import java.util.Objects;

/**
 * A service's I/O stage: after its CPU work each request does {@code ops} operations, on its
 * instance's EBS data volume (created and attached when the instance first runs) or on its instance
 * store, through the run's {@link IoSharing}; counts the operations done and those in flight.
 */
final class ServiceIo {

    private final IoConfig stage;
    private final BlockStorage storage;
    private final IoSharing io;
    private final Int2IntOpenHashMap volumeOf = new Int2IntOpenHashMap();
    private long inFlight;
    private long opsDone;

    ServiceIo(IoConfig stage, BlockStorage storage, IoSharing io) {
        this.stage = Objects.requireNonNull(stage, "stage");
        this.storage = Objects.requireNonNull(storage, "storage");
        this.io = Objects.requireNonNull(io, "io");
    }

    /** Gives an instance that now runs its EBS data volume, the first time only. */
    void running(Instance instance) {
        if (stage.ebs() && !volumeOf.containsKey(instance.id())) {
            int volume = storage.create(stage.volume(), instance.zone());
            storage.attach(volume, instance.id(), true);
            volumeOf.put(instance.id(), volume);
        }
    }

    /** Starts the I/O of a request whose CPU work finished on {@code instance}. */
    void submit(int instance, long arrival) {
        inFlight++;
        if (stage.ebs()) {
            io.submitEbs(volumeOf.get(instance), stage.ops(), arrival);
        } else {
            io.submitInstanceStore(instance, stage.ops(), arrival);
        }
    }

    /** A request's I/O finished. */
    void completed() {
        inFlight--;
        opsDone += stage.ops();
    }

    long inFlight() {
        return inFlight;
    }

    /** Operations done since the start of the run. */
    long opsDone() {
        return opsDone;
    }
}
