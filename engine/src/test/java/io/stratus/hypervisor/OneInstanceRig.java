package io.stratus.hypervisor;

import io.stratus.compute.Fleet;
import io.stratus.compute.InstanceType;
import io.stratus.compute.LaunchSpec;
import io.stratus.infra.HostSpec;
import io.stratus.infra.HostTable;
import io.stratus.infra.Zone;
import io.stratus.lb.HealthCheckSettings;
import io.stratus.lb.LoadBalancer;
import io.stratus.lb.RoutingAlgorithms;
import io.stratus.lb.TargetGroup;
import io.stratus.monitor.LatencyRecorder;
import io.stratus.sim.Simulation;
import io.stratus.sim.Time;
import io.stratus.workload.ConstantRate;
import io.stratus.workload.PoissonArrivals;
import io.stratus.workload.RequestSource;
import io.stratus.workload.ServiceDemand;
import java.util.List;
import java.util.function.Function;

/**
 * The whole request path around one instance, for queueing-theory tests: a Poisson source of
 * exponential work, a load balancer and target group, a fleet on one host, the hypervisor's CPU.
 *
 * @param latency what the requests took
 * @param cpus    the CPU sharing (for utilisation)
 */
record OneInstanceRig(LatencyRecorder latency, CpuSharing cpus) {

    /**
     * Launches one {@code type} (its vCPUs working at {@code speeds}), lets it boot and pass its
     * first health check, then sends Poisson requests at {@code lambda} per second of exponential
     * work of mean {@code meanWorkSeconds} for as long as {@code requests} take to arrive.
     */
    static OneInstanceRig run(InstanceType type, Function<InstanceType, VcpuSpeed> speeds, long seed, double lambda,
                              double meanWorkSeconds, long requests) {
        Simulation sim = new Simulation(seed);
        LatencyRecorder latency = new LatencyRecorder();
        CpuSharing cpus = new CpuSharing(sim, latency);
        HostTable hosts = new HostTable(List.of(new Zone(0, "test-a")));
        hosts.addHosts(new HostSpec("test-host", type.family(), Math.max(4, type.vcpus()), 512 * 1024), 0, 1);
        Fleet fleet = new Fleet(sim, hosts, "first-fit", cpus);
        fleet.setCpuSpeeds(speeds);
        TargetGroup targets = new TargetGroup(sim, "theory", 80, cpus,
                RoutingAlgorithms.create("round-robin", sim.random().stream("routing")),
                HealthCheckSettings.albDefaults(), TargetGroup.DEFAULT_DEREGISTRATION_DELAY);
        fleet.addListener(targets);
        LoadBalancer balancer = new LoadBalancer("theory-alb");
        balancer.addListener(80, "HTTP", targets);
        targets.register(fleet.launch(new LaunchSpec(type, -1, 0, 0)));
        sim.runUntil(Time.MINUTE); // boots at once, then passes its first health check
        RequestSource source = new RequestSource(sim,
                new PoissonArrivals(new ConstantRate(lambda), sim.random().stream("arrivals")),
                ServiceDemand.exponential(meanWorkSeconds * Time.SECOND, sim.random().stream("service")),
                balancer);
        long start = sim.now();
        source.start(start);
        sim.runUntil(start + Time.seconds(requests / lambda));
        return new OneInstanceRig(latency, cpus);
    }
}
