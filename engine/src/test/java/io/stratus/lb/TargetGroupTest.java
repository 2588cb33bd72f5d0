package io.stratus.lb;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratus.compute.LaunchSpec;
import io.stratus.sim.Time;
import io.stratus.testkit.Rig;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TargetGroupTest {

    private final Rig rig = new Rig(7, 1);
    private final HealthCheckSettings check = HealthCheckSettings.albDefaults();
    private final TargetGroup tg = rig.targetGroup("web", RoundRobinRouting.NAME, check, Time.seconds(300));
    private final List<String> log = new ArrayList<>();

    TargetGroupTest() {
        tg.addHealthListener((id, from, to, now) -> log.add(id + ":" + from.apiName() + "->" + to.apiName()
                + "@" + Time.format(now)));
    }

    private int launch(long boot) {
        int id = rig.fleet.launch(new LaunchSpec(Rig.ONE_VCPU, 0, boot, 0));
        tg.register(id);
        return id;
    }

    @Test
    void newTargetGetsTrafficOnlyAfterPassingACheck() {
        int id = launch(Time.seconds(40));
        assertThat(tg.health(id)).isEqualTo(TargetHealth.UNUSED);
        assertThat(tg.route(1000)).isFalse();
        rig.sim.runUntil(Time.seconds(40));
        assertThat(log).containsExactly("0:unavailable->unused@0s", "0:unused->initial@40s", "0:initial->healthy@40s");
        assertThat(tg.route(1000)).isTrue();
        assertThat(tg.routedTo(id)).isEqualTo(1);
    }

    @Test
    void failedApplicationLeavesRotationAfterTwoChecksAndReturnsAfterFive() {
        int a = launch(0);
        int b = launch(0);
        rig.sim.runUntil(0);
        tg.setApplicationFailed(a, true);
        rig.sim.runUntil(Time.seconds(30));
        assertThat(tg.health(a)).isEqualTo(TargetHealth.HEALTHY); // one failure only
        rig.sim.runUntil(Time.seconds(60));
        assertThat(tg.health(a)).isEqualTo(TargetHealth.UNHEALTHY);
        for (int i = 0; i < 10; i++) {
            tg.route(1000);
        }
        assertThat(tg.routedTo(a)).isZero();
        assertThat(tg.routedTo(b)).isEqualTo(10);
        tg.setApplicationFailed(a, false);
        rig.sim.runUntil(Time.seconds(60 + 4 * 30));
        assertThat(tg.health(a)).isEqualTo(TargetHealth.UNHEALTHY); // four passes
        rig.sim.runUntil(Time.seconds(60 + 5 * 30));
        assertThat(tg.health(a)).isEqualTo(TargetHealth.HEALTHY);
    }

    @Test
    void failsOpenWhenEveryTargetIsUnhealthy() {
        int a = launch(0);
        int b = launch(0);
        rig.sim.runUntil(0);
        tg.setApplicationFailed(a, true);
        tg.setApplicationFailed(b, true);
        rig.sim.runUntil(Time.seconds(60));
        assertThat(tg.unhealthyCount()).isEqualTo(2);
        assertThat(tg.route(1000)).isTrue();
        assertThat(tg.route(1000)).isTrue();
        assertThat(tg.failOpenRouted()).isEqualTo(2);
        assertThat(tg.routedTo(a)).isEqualTo(1);
        assertThat(tg.routedTo(b)).isEqualTo(1);
    }

    @Test
    void overloadedTargetFailsItsChecks() {
        // 1 vCPU, 1 ms probes, 5 s timeout: the probe is late with 5,000 or more requests in progress
        assertThat(check.answersInTime(4_998, 1)).isTrue();
        assertThat(check.answersInTime(5_000, 1)).isFalse();
        int a = launch(0);
        rig.sim.runUntil(0);
        for (int i = 0; i < 6_000; i++) {
            tg.route(Time.seconds(100));
        }
        rig.sim.runUntil(Time.seconds(30));
        assertThat(tg.health(a)).isEqualTo(TargetHealth.HEALTHY);
        rig.sim.runUntil(Time.seconds(60));
        assertThat(tg.health(a)).isEqualTo(TargetHealth.UNHEALTHY);
    }

    @Test
    void aTargetAtItsMaximumInFlightRefusesAndCountsTheRequestAsOverloaded() {
        int a = launch(0);
        rig.sim.runUntil(0);
        tg.setMaxInFlight(3);
        for (int i = 0; i < 5; i++) {
            tg.route(Time.seconds(10));
        }
        // three in progress on the one target; the fourth and fifth find it full
        assertThat(tg.routedTo(a)).isEqualTo(3);
        assertThat(tg.overloaded()).isEqualTo(2);
        assertThat(tg.refused()).isZero();
        rig.sim.runUntil(Time.seconds(31)); // 3 requests on 1 vCPU: all done by 30 s
        assertThat(tg.route(1000)).isTrue();
        assertThat(tg.overloaded()).isEqualTo(2);
    }

    @Test
    void drainingLetsInFlightRequestsFinishAndSendsNoNewOnes() {
        int a = launch(0);
        int b = launch(0);
        rig.sim.runUntil(0);
        tg.route(Time.seconds(2)); // to a
        tg.deregister(a);
        assertThat(tg.health(a)).isEqualTo(TargetHealth.DRAINING);
        for (int i = 0; i < 5; i++) {
            tg.route(1000);
        }
        assertThat(tg.routedTo(a)).isEqualTo(1);
        assertThat(tg.routedTo(b)).isEqualTo(5);
        rig.sim.runUntil(Time.seconds(3));
        assertThat(tg.health(a)).isEqualTo(TargetHealth.NOT_REGISTERED);
        assertThat(log).contains("0:draining->unavailable@2s");
        assertThat(rig.latency.count()).isEqualTo(6);
    }

    @Test
    void drainingEndsAtTheDeregistrationDelay() {
        int a = launch(0);
        rig.sim.runUntil(0);
        tg.route(Time.seconds(1000));
        tg.deregister(a);
        rig.sim.runUntil(Time.seconds(299));
        assertThat(tg.health(a)).isEqualTo(TargetHealth.DRAINING);
        rig.sim.runUntil(Time.seconds(300));
        assertThat(tg.health(a)).isEqualTo(TargetHealth.NOT_REGISTERED);
    }

    @Test
    void securityGroupsThatRefuseTheBalancerMakeTargetsUnhealthy() {
        int a = launch(0);
        int b = launch(0);
        rig.sim.runUntil(0);
        tg.setTrafficFilter((instance, port) -> instance != a);
        assertThat(tg.route(1000)).isFalse(); // round robin picked a: blocked
        assertThat(tg.blocked()).isEqualTo(1);
        rig.sim.runUntil(Time.seconds(60));
        assertThat(tg.health(a)).isEqualTo(TargetHealth.UNHEALTHY);
        assertThat(tg.health(b)).isEqualTo(TargetHealth.HEALTHY);
        for (int i = 0; i < 4; i++) {
            assertThat(tg.route(1000)).isTrue();
        }
    }

    @Test
    void leastOutstandingRequestsPicksTheIdlestTarget() {
        TargetGroup lor = rig.targetGroup("lor", LeastOutstandingRequestsRouting.NAME, check, 0);
        int a = rig.fleet.launch(new LaunchSpec(Rig.ONE_VCPU, 0, 0, 0));
        int b = rig.fleet.launch(new LaunchSpec(Rig.ONE_VCPU, 0, 0, 0));
        lor.register(a);
        lor.register(b);
        rig.sim.runUntil(0);
        lor.route(Time.seconds(10));
        lor.route(Time.seconds(10));
        lor.route(Time.seconds(10));
        assertThat(rig.cpus.active(a) + rig.cpus.active(b)).isEqualTo(3);
        assertThat(Math.abs(rig.cpus.active(a) - rig.cpus.active(b))).isEqualTo(1);
        rig.cpus.submit(a, Time.seconds(10)); // a now has 2 or 3, b has 1 or 2
        int before = rig.cpus.active(b);
        lor.route(Time.seconds(10));
        assertThat(rig.cpus.active(b)).isEqualTo(before + 1);
    }

    @Test
    void unknownAlgorithmNamesTheKnownOnes() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RoutingAlgorithms.create("fastest", null))
                .hasMessageContaining("round-robin, least-outstanding-requests, random");
    }
}
