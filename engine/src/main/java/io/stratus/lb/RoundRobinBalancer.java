package io.stratus.lb;

import io.stratus.compute.Instance;
import io.stratus.compute.InstanceListener;
import io.stratus.compute.InstanceState;
import io.stratus.hypervisor.CpuSharing;
import io.stratus.workload.RequestSink;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.ints.IntOpenHashSet;
import java.util.Objects;

/**
 * A load balancer that routes requests round robin over its registered targets that are
 * running.
 *
 * <p>Walking-skeleton scope: a registered instance is in rotation while it is running and out
 * of it otherwise (no health checks, no connection draining yet); with no target in rotation a
 * request is refused. Rotation order is the order targets became running, so routing is
 * deterministic.
 */
public final class RoundRobinBalancer implements RequestSink, InstanceListener {

    private final CpuSharing cpus;
    private final IntOpenHashSet registered = new IntOpenHashSet();
    private final IntArrayList targets = new IntArrayList();
    private int next;
    private long routed;

    public RoundRobinBalancer(CpuSharing cpus) {
        this.cpus = Objects.requireNonNull(cpus, "cpus");
    }

    /** Registers instance {@code id} as a target; it joins the rotation when running. */
    public void register(int id) {
        registered.add(id);
    }

    @Override
    public boolean accept(long workMicros) {
        int n = targets.size();
        if (n == 0) {
            return false;
        }
        if (next >= n) {
            next = 0;
        }
        cpus.submit(targets.getInt(next++), workMicros);
        routed++;
        return true;
    }

    @Override
    public void stateChanged(Instance instance, InstanceState from, InstanceState to, long now) {
        if (!registered.contains(instance.id())) {
            return;
        }
        if (to == InstanceState.RUNNING) {
            targets.add(instance.id());
        } else if (from == InstanceState.RUNNING) {
            int index = targets.indexOf(instance.id());
            targets.removeInt(index);
            if (next > index) {
                next--;
            }
        }
    }

    /** Instances in rotation. */
    public int targetCount() {
        return targets.size();
    }

    /** Requests routed so far. */
    public long routed() {
        return routed;
    }
}
