package io.stratus.lb;

import io.stratus.compute.Instance;
import io.stratus.compute.InstanceListener;
import io.stratus.compute.InstanceState;
import io.stratus.hypervisor.CpuSharing;
import io.stratus.workload.RequestSink;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.util.Objects;

/**
 * A load balancer that routes requests round robin over the running instances.
 *
 * <p>Walking-skeleton scope: an instance is registered when it enters running and deregistered
 * when it leaves (no health checks, no connection draining yet); with no registered instance a
 * request is refused. Registration order is the order instances became running, so routing is
 * deterministic.
 */
public final class RoundRobinBalancer implements RequestSink, InstanceListener {

    private final CpuSharing cpus;
    private final IntArrayList targets = new IntArrayList();
    private int next;
    private long routed;

    public RoundRobinBalancer(CpuSharing cpus) {
        this.cpus = Objects.requireNonNull(cpus, "cpus");
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
