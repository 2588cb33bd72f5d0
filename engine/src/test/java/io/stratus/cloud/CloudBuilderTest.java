package io.stratus.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stratus.compute.Fleet;
import io.stratus.compute.InstanceCatalog;
import io.stratus.compute.InstanceState;
import io.stratus.compute.LaunchSpec;
import io.stratus.compute.PerformanceCatalog;
import io.stratus.hypervisor.CompletionFanout;
import io.stratus.hypervisor.CpuSharing;
import io.stratus.infra.HostView;
import io.stratus.infra.HostTable;
import io.stratus.infra.Zone;
import io.stratus.compute.HostShapes;
import io.stratus.lb.HealthCheckSettings;
import io.stratus.lb.LoadBalancer;
import io.stratus.lb.RoutingAlgorithms;
import io.stratus.lb.TargetGroup;
import io.stratus.monitor.LatencyRecorder;
import io.stratus.placement.PlacementPolicy;
import io.stratus.placement.PlacementRequest;
import io.stratus.scaling.FixedFleet;
import io.stratus.sim.Simulation;
import io.stratus.sim.Time;
import io.stratus.workload.ConstantRate;
import io.stratus.workload.PoissonArrivals;
import io.stratus.workload.RequestSource;
import io.stratus.workload.ServiceDemand;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** The facade refuses incomplete descriptions, wires exactly as by hand, and applies custom parts. */
class CloudBuilderTest {

    private static CloudBuilder cafe(long seed) {
        return Cloud.builder().seed(seed).zones("us-east-1a", "us-east-1b").hosts("m5", 1)
                .service("web", s -> s.instanceType("m5.large").instances(2).routing("round-robin")
                        .poisson(new ConstantRate(20)).exponentialWork(25 * Time.MILLISECOND)
                        .trafficFrom(Time.seconds(61)));
    }

    @Test
    void anEmptyDescriptionListsEveryMissingPart() {
        assertThatThrownBy(() -> Cloud.builder().build()).isInstanceOf(IncompleteWiringException.class)
                .satisfies(e -> assertThat(((IncompleteWiringException) e).problems()).containsExactly(
                        "no seed; call seed(42): every result is a function of it",
                        "no zones; call zones(\"us-east-1a\", \"us-east-1b\")",
                        "no hosts; call hosts(\"m5\", 2) for two m5 hosts in each zone",
                        "no services; call service(\"web\", s -> ...)"));
    }

    @Test
    void aServiceWithoutArrivalsWorkOrCapacityIsRefusedNamingEachCall() {
        assertThatThrownBy(() -> Cloud.builder().seed(1).zones("a").hosts("m5", 1)
                .service("web", s -> s.instanceType("m5.lage")).build())
                .isInstanceOf(IncompleteWiringException.class)
                .hasMessageContaining("4 problems")
                .hasMessageContaining("service 'web': unknown instance type 'm5.lage'; close names: [m5.large")
                .hasMessageContaining("service 'web': no capacity; call instances(n)")
                .hasMessageContaining("service 'web': no arrivals; call poisson(")
                .hasMessageContaining("service 'web': no work per request; call exponentialWork(");
    }

    @Test
    void inconsistentCapacityAndForeignProcessorsAreRefused() {
        assertThatThrownBy(() -> Cloud.builder().seed(1).zones("a").hosts("m5", 1).placement("fastest")
                .service("web", s -> s.instanceType("c7g.large").instances(2).autoScaling(1, 3)
                        .poisson(new ConstantRate(1)).exponentialWork(1000))
                .service("api", s -> s.instanceType("m5.large").autoScaling(1, 3)
                        .poisson(new ConstantRate(1)).exponentialWork(1000)).build())
                .isInstanceOf(IncompleteWiringException.class)
                .hasMessageContaining("unknown placement policy 'fastest'")
                .hasMessageContaining("service 'web': c7g.large runs on")
                .hasMessageContaining("service 'web': both instances(n) and autoScaling(min, max)")
                .hasMessageContaining("service 'api': an Auto Scaling group whose min and max differ needs a policy");
    }

    /**
     * The facade's wiring, done by hand step by step as the engine's tests do: the same seed gives
     * the same requests, the same completions and the same latencies, to the microsecond.
     */
    @Test
    void theFacadeWiresExactlyAsByHand() {
        Cloud cloud = cafe(7).build().run(Time.HOUR);
        ServiceRun web = cloud.service("web");

        Simulation sim = new Simulation(7);
        HostTable hosts = new HostTable(List.of(new Zone(0, "us-east-1a"), new Zone(1, "us-east-1b")));
        for (int z = 0; z < 2; z++) {
            hosts.addHosts(HostShapes.of(InstanceCatalog.bundled(), "m5"), z, 1);
        }
        CompletionFanout completions = new CompletionFanout();
        CpuSharing cpus = new CpuSharing(sim, completions);
        Fleet fleet = new Fleet(sim, hosts, "first-fit", cpus);
        fleet.setCpuSpeeds(PerformanceCatalog.bundled()::speedOf);
        LatencyRecorder latency = new LatencyRecorder();
        TargetGroup tg = new TargetGroup(sim, "web", 80, cpus, RoutingAlgorithms.create("round-robin",
                sim.random().stream("web/routing")), HealthCheckSettings.albDefaults(),
                TargetGroup.DEFAULT_DEREGISTRATION_DELAY);
        fleet.addListener(tg);
        completions.add(tg).add(latency);
        LoadBalancer lb = new LoadBalancer("web-alb");
        lb.addListener(80, "HTTP", tg);
        new FixedFleet(fleet, new LaunchSpec(InstanceCatalog.bundled().get("m5.large"), 0, Time.seconds(40),
                Time.seconds(10)).withGroup("web"), 2, 2, List.of(tg)).start();
        RequestSource source = new RequestSource(sim, new PoissonArrivals(new ConstantRate(20),
                sim.random().stream("web/arrivals")), ServiceDemand.exponential(25 * Time.MILLISECOND,
                sim.random().stream("web/service")), lb);
        source.start(Time.seconds(61));
        sim.runUntil(Time.HOUR);

        assertThat(web.requests()).isEqualTo(source.generated()).isPositive();
        assertThat(web.refused()).isEqualTo(source.refused()).isZero();
        assertThat(web.latency().count()).isEqualTo(latency.count());
        assertThat(web.latency().sumMicros()).isEqualTo(latency.sumMicros());
        // an hour of 2 m5.large at $0.096/h, billed from running (40 s after launch) to the end
        assertThat(cloud.onDemandUsd()).isCloseTo(2 * 0.096 * (3600 - 40) / 3600.0, Offset.offset(1e-9));
    }

    /**
     * At 5% utilisation a request almost never shares its instance, so its latency is its own work
     * on an m5.large vCPU (the reference, speed 1): the mean is the 25 ms mean work, within 2%.
     */
    @Test
    void atLightLoadTheMeanLatencyIsTheMeanWork() {
        ServiceRun web = cafe(11).service("web", s -> s.poisson(new ConstantRate(4))).build()
                .run(6 * Time.HOUR).service("web");
        assertThat(web.latency().count()).isGreaterThan(80_000);
        assertThat(web.latency().meanMicros() / 1000).isCloseTo(25, Offset.offset(0.5));
    }

    @Test
    void aCustomPlacementPolicyPlacesEveryInstance() {
        Cloud cloud = cafe(3).hosts("m5", 3).placement("last-fit", context -> new PlacementPolicy() {
            @Override
            public String name() {
                return "last-fit";
            }

            @Override
            public int choose(PlacementRequest request, HostView hosts) {
                for (int h = hosts.hostCount() - 1; h >= 0; h--) {
                    if (request.allowsZone(hosts.zoneOf(h)) && hosts.fits(h, request.threads(), request.memoryMib())) {
                        return h;
                    }
                }
                return NO_HOST;
            }
        }).build().run(Time.MINUTE);
        assertThat(cloud.hosts().instanceCount(2)).isEqualTo(1); // zone 0's last host
        assertThat(cloud.hosts().instanceCount(5)).isEqualTo(1); // zone 1's last host
        assertThat(cloud.fleet().count(InstanceState.RUNNING)).isEqualTo(2);
    }

    @Test
    void targetTrackingScalesOutUnderLoadAndACloudRunsOnce() {
        Cloud cloud = Cloud.builder().seed(5).zones("a", "b").hosts("m5", 2)
                .service("web", s -> s.instanceType("m5.large").autoScaling(1, 10).targetCpu(50)
                        .poisson(new ConstantRate(200)).exponentialWork(10 * Time.MILLISECOND))
                .build().run(Time.HOUR);
        // 200/s x 10 ms = 2 busy vCPUs; at 50% of 2 vCPUs per instance, at least 2 instances
        assertThat(cloud.service("web").inService()).isGreaterThanOrEqualTo(2);
        assertThatThrownBy(() -> cloud.run(Time.HOUR)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("has run already");
    }
}
