package io.stratus.testkit;

import io.stratus.compute.Fleet;
import io.stratus.compute.InstanceCatalog;
import io.stratus.compute.InstanceCategory;
import io.stratus.compute.InstanceType;
import io.stratus.hypervisor.CompletionFanout;
import io.stratus.hypervisor.CpuSharing;
import io.stratus.infra.HostSpec;
import io.stratus.infra.HostTable;
import io.stratus.infra.Zone;
import io.stratus.lb.HealthCheckSettings;
import io.stratus.lb.RoutingAlgorithms;
import io.stratus.lb.TargetGroup;
import io.stratus.monitor.LatencyRecorder;
import io.stratus.sim.Simulation;
import java.util.List;

/** The engine parts most elasticity tests need: two zones of roomy hosts, CPUs, a fleet, latency. */
public final class Rig {

    public static final InstanceType ONE_VCPU = new InstanceType("test.1vcpu", "test",
            InstanceCategory.GENERAL_PURPOSE, "1vcpu", 1, 2.0, 0, 0, 0, 0, 0.01);
    public static final InstanceType M5_LARGE = InstanceCatalog.bundled().get("m5.large");

    public final Simulation sim;
    public final HostTable hosts;
    public final CompletionFanout completions = new CompletionFanout();
    public final LatencyRecorder latency = new LatencyRecorder();
    public final CpuSharing cpus;
    public final Fleet fleet;

    public Rig(long seed, int hostsPerZone) {
        sim = new Simulation(seed);
        hosts = new HostTable(List.of(new Zone(0, "test-a"), new Zone(1, "test-b")));
        for (int z = 0; z < 2; z++) {
            hosts.addHosts(new HostSpec("m5-host", "m5", 96, 384 * 1024), z, hostsPerZone);
        }
        cpus = new CpuSharing(sim, completions);
        completions.add(latency);
        fleet = new Fleet(sim, hosts, "first-fit", cpus);
    }

    /** A target group with the given algorithm and health checks, wired to the fleet and completions. */
    public TargetGroup targetGroup(String name, String algorithm, HealthCheckSettings check, long deregistrationDelay) {
        TargetGroup tg = new TargetGroup(sim, name, 80, cpus,
                RoutingAlgorithms.create(algorithm, sim.random().stream(name + "/routing")), check, deregistrationDelay);
        fleet.addListener(tg);
        completions.add(tg);
        return tg;
    }
}
