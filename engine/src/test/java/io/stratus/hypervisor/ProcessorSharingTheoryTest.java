package io.stratus.hypervisor;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratus.compute.Fleet;
import io.stratus.compute.InstanceCategory;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * M/M/1-PS through the whole request path (source, load balancer and target group, fleet, hypervisor CPU).
 *
 * <p>Theory: for Poisson arrivals at rate lambda and exponential work of mean 1/mu on one server
 * under processor sharing, the mean sojourn time is E[T] = 1 / (mu - lambda) (Kleinrock 1967;
 * the same as FCFS for exponential work). Utilisation is rho = lambda / mu, and by Little's law
 * the mean number in system is L = lambda E[T] = rho / (1 - rho).
 */
class ProcessorSharingTheoryTest {

    private static final InstanceType ONE_VCPU = new InstanceType("test.1vcpu", "test",
            InstanceCategory.GENERAL_PURPOSE, "1vcpu", 1, 2.0, 0, 0, 0, 0, 0.01);

    @ParameterizedTest(name = "rho = {0}")
    @CsvSource({"0.5, 1000000", "0.8, 2000000"})
    void meanLatencyMatchesMm1Ps(double rho, long requests) {
        double meanWorkSeconds = 0.010;                  // 1/mu = 10 ms
        double lambda = rho / meanWorkSeconds;           // arrivals per second
        double expectedMeanSeconds = 1.0 / (1.0 / meanWorkSeconds - lambda);

        Simulation sim = new Simulation(20261123L);
        LatencyRecorder latency = new LatencyRecorder();
        CpuSharing cpus = new CpuSharing(sim, latency);
        HostTable hosts = new HostTable(List.of(new Zone(0, "test-a")));
        hosts.addHosts(new HostSpec("test-host", "test", 4, 16 * 1024), 0, 1);
        Fleet fleet = new Fleet(sim, hosts, "first-fit", cpus);
        TargetGroup targets = new TargetGroup(sim, "theory", 80, cpus,
                RoutingAlgorithms.create("round-robin", sim.random().stream("routing")),
                HealthCheckSettings.albDefaults(), TargetGroup.DEFAULT_DEREGISTRATION_DELAY);
        fleet.addListener(targets);
        LoadBalancer balancer = new LoadBalancer("theory-alb");
        balancer.addListener(80, "HTTP", targets);
        targets.register(fleet.launch(new LaunchSpec(ONE_VCPU, -1, 0, 0)));
        sim.runUntil(Time.MINUTE); // boots at once, then passes its first health check

        RequestSource source = new RequestSource(sim,
                new PoissonArrivals(new ConstantRate(lambda), sim.random().stream("arrivals")),
                ServiceDemand.exponential(meanWorkSeconds * Time.SECOND, sim.random().stream("service")),
                balancer);
        long start = sim.now();
        source.start(start);
        long horizon = start + Time.seconds(requests / lambda);
        sim.runUntil(horizon);

        double meanSeconds = latency.meanMicros() / Time.SECOND;
        assertThat(latency.count()).isGreaterThan(requests * 99 / 100);
        assertThat(meanSeconds).isCloseTo(expectedMeanSeconds,
                org.assertj.core.data.Percentage.withPercentage(3));
        double utilisation = (double) cpus.busyVcpuMicros() / cpus.capacityVcpuMicros();
        assertThat(utilisation).isCloseTo(rho, org.assertj.core.data.Offset.offset(0.01));
    }
}
