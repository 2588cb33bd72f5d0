package io.stratus.pricing;

import io.stratus.compute.Fleet;
import io.stratus.compute.Instance;
import io.stratus.compute.InstanceCatalog;
import io.stratus.compute.InstanceListener;
import io.stratus.compute.InstanceState;
import io.stratus.compute.InstanceType;
import io.stratus.compute.LaunchSpec;
import io.stratus.compute.PurchaseOption;
import io.stratus.hypervisor.CpuSharing;
import io.stratus.infra.HostSpec;
import io.stratus.infra.HostTable;
import io.stratus.infra.Zone;
import io.stratus.sim.Simulation;
import java.util.List;

/**
 * A small m5 region for billing tests: a fleet whose instances boot and shut down instantly,
 * and a way to emit lifecycle events straight to a listener (stop and start are not on this
 * branch's fleet, so stop/start cycles are driven by hand).
 */
final class TestFleet {

    static final InstanceCatalog CATALOG = InstanceCatalog.bundled();
    static final InstanceType M5_LARGE = CATALOG.get("m5.large");
    static final InstanceType M5_XLARGE = CATALOG.get("m5.xlarge");

    final Simulation sim;
    final HostTable hosts = new HostTable(List.of(new Zone(0, "us-east-1a"), new Zone(1, "us-east-1b")));
    final Fleet fleet;

    TestFleet(long seed) {
        sim = new Simulation(seed);
        fleet = new Fleet(sim, hosts, "first-fit", new CpuSharing(sim, (i, a, n) -> { }));
        hosts.addHosts(new HostSpec("m5-host", "m5", 96, 384 * 1024), 0, 4);
        hosts.addHosts(new HostSpec("m5-host", "m5", 96, 384 * 1024), 1, 4);
    }

    /** Launches an instance that is running as soon as events at the current time have run. */
    int launch(InstanceType type, int zone) {
        return fleet.launch(new LaunchSpec(type, zone, 0, 0));
    }

    /** Launches like {@link #launch} an instance its owner buys with {@code option}. */
    int launch(InstanceType type, int zone, PurchaseOption option) {
        return fleet.launch(new LaunchSpec(type, zone, 0, 0).withPurchase(option));
    }

    Instance instance(int id) {
        return fleet.instance(id);
    }

    InstanceState state(int id) {
        return fleet.state(id);
    }

    /** Emits one made-up transition of {@code id} to {@code listener}: for stop/start cycles. */
    static void emit(InstanceListener listener, Instance instance, InstanceState from, InstanceState to, long now) {
        listener.stateChanged(instance, from, to, now);
    }

    /** Emits running at {@code start}, stopping at {@code end}. */
    static void runInterval(InstanceListener listener, Instance instance, long start, long end) {
        emit(listener, instance, InstanceState.PENDING, InstanceState.RUNNING, start);
        emit(listener, instance, InstanceState.RUNNING, InstanceState.STOPPING, end);
    }
}
