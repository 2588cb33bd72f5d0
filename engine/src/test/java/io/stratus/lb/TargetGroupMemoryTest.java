package io.stratus.lb;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratus.sim.Time;
import io.stratus.testkit.LifecycleChurn;
import io.stratus.testkit.Rig;
import org.junit.jupiter.api.Test;

/**
 * A target group's per-target memory follows the targets registered, not the instances ever
 * registered: a structural check on its arrays' length, not a heap measurement.
 */
class TargetGroupMemoryTest {

    @Test
    void perTargetArraysStayBoundedByThePeakLiveCountOver200kLifecycles() {
        LifecycleChurn churn = new LifecycleChurn(new Rig(6, 2));
        TargetGroup tg = churn.targetGroup();
        churn.run(200_000, 20, 3);

        assertThat(tg.routed()).isGreaterThan(590_000); // the targets did take traffic
        assertThat(tg.registeredCount()).isLessThanOrEqualTo(churn.peakLive());
        assertThat(tg.slotCapacity()).isLessThanOrEqualTo(Math.max(16, 2 * churn.peakLive()));
        assertThat(tg.health(0)).isEqualTo(TargetHealth.NOT_REGISTERED);
        assertThat(tg.routedTo(0)).isZero(); // its slot went to a later target
    }

    @Test
    void aTargetReRegisteredAfterLeavingStartsAFreshSlot() {
        Rig rig = new Rig(7, 1);
        TargetGroup tg = rig.targetGroup("web", RoundRobinRouting.NAME, HealthCheckSettings.albDefaults(), 0);
        int id = rig.fleet.launch(new io.stratus.compute.LaunchSpec(Rig.M5_LARGE, 0, Time.seconds(30),
                Time.seconds(5)));
        tg.register(id);
        rig.sim.runUntil(Time.seconds(31));
        assertThat(tg.health(id)).isEqualTo(TargetHealth.HEALTHY);
        assertThat(tg.route(1_000)).isTrue();
        assertThat(tg.routedTo(id)).isEqualTo(1);
        rig.sim.runUntil(Time.seconds(32));
        tg.deregister(id); // idle: no draining
        assertThat(tg.health(id)).isEqualTo(TargetHealth.NOT_REGISTERED);
        assertThat(tg.registeredCount()).isZero();
        rig.sim.runUntil(Time.seconds(100)); // a stale probe must not revive or break it
        tg.register(id);
        assertThat(tg.health(id)).isEqualTo(TargetHealth.INITIAL);
        assertThat(tg.routedTo(id)).isZero();
        rig.sim.runUntil(Time.seconds(101));
        assertThat(tg.health(id)).isEqualTo(TargetHealth.HEALTHY);
        assertThat(tg.slotCapacity()).isEqualTo(16);
    }
}
