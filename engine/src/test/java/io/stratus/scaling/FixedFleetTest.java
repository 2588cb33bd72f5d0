package io.stratus.scaling;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratus.compute.InstanceState;
import io.stratus.compute.InstancesDistribution;
import io.stratus.compute.LaunchSpec;
import io.stratus.compute.PurchaseOption;
import io.stratus.lb.HealthCheckSettings;
import io.stratus.lb.RoundRobinRouting;
import io.stratus.lb.TargetGroup;
import io.stratus.sim.Time;
import io.stratus.testkit.Rig;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A fixed fleet on two zones: spread round-robin, registered, and replaced in the zone that lost one. */
class FixedFleetTest {

    private final Rig rig = new Rig(3, 2);
    private final TargetGroup tg = rig.targetGroup("web", RoundRobinRouting.NAME, HealthCheckSettings.albDefaults(),
            Time.seconds(300));
    private final FixedFleet fleet = new FixedFleet(rig.fleet,
            new LaunchSpec(Rig.M5_LARGE, 0, Time.seconds(60), Time.seconds(5)).withGroup("service/web"), 3, 2,
            List.of(tg));

    @Test
    void launchesItsCountRoundRobinOverTheZonesAndRegistersThem() {
        rig.fleet.addListener(fleet);
        fleet.start();
        // ids 0, 1, 2 in zones 0, 1, 0
        assertThat(rig.fleet.instance(0).zone()).isZero();
        assertThat(rig.fleet.instance(1).zone()).isEqualTo(1);
        assertThat(rig.fleet.instance(2).zone()).isZero();
        rig.sim.runUntil(Time.seconds(120));
        assertThat(rig.fleet.count(InstanceState.RUNNING)).isEqualTo(3);
        assertThat(tg.healthyCount()).isEqualTo(3);
        assertThat(fleet.replacements()).isZero();
    }

    @Test
    void anInstanceThatLeavesUnaskedIsReplacedAtOnceInItsZone() {
        rig.fleet.addListener(fleet);
        fleet.start();
        rig.sim.runUntil(Time.seconds(120));
        rig.fleet.terminate(1); // zone 1
        assertThat(fleet.replacements()).isEqualTo(1);
        assertThat(rig.fleet.size()).isEqualTo(4);
        assertThat(rig.fleet.instance(3).zone()).isEqualTo(1);
        assertThat(rig.fleet.instance(3).state()).isEqualTo(InstanceState.PENDING);
        rig.sim.runUntil(Time.seconds(240));
        assertThat(rig.fleet.count(InstanceState.RUNNING)).isEqualTo(3);
    }

    @Test
    void instancesOfAnotherGroupAreNotItsConcern() {
        rig.fleet.addListener(fleet);
        fleet.start();
        int other = rig.fleet.launch(new LaunchSpec(Rig.M5_LARGE, 1, Time.seconds(60), Time.seconds(5))
                .withGroup("service/other"));
        rig.sim.runUntil(Time.seconds(120));
        rig.fleet.terminate(other);
        assertThat(fleet.replacements()).isZero();
        assertThat(rig.fleet.size()).isEqualTo(4);
    }

    @Test
    void aReplacementKeepsTheSplitOverTheFleetsLiveInstances() {
        // base 1, 50% spot above it: by hand, 3 instances are on-demand, on-demand (1 + ceil(50% of 1)), spot
        FixedFleet mixed = new FixedFleet(rig.fleet,
                new LaunchSpec(Rig.M5_LARGE, 0, Time.seconds(60), Time.seconds(5)).withGroup("service/mixed"), 3, 2,
                List.of(tg), InstancesDistribution.spot(1, 50));
        rig.fleet.addListener(mixed);
        mixed.start();
        assertThat(List.of(rig.fleet.instance(0).spec().purchase(), rig.fleet.instance(1).spec().purchase(),
                rig.fleet.instance(2).spec().purchase()))
                .containsExactly(PurchaseOption.ON_DEMAND, PurchaseOption.ON_DEMAND, PurchaseOption.SPOT);
        rig.sim.runUntil(Time.seconds(120));
        rig.fleet.terminate(2); // the spot one leaves: its replacement is spot again
        assertThat(rig.fleet.instance(3).spec().purchase()).isEqualTo(PurchaseOption.SPOT);
        rig.fleet.terminate(0); // an on-demand one leaves: 1 of 2 live on demand, below the target of 2
        assertThat(rig.fleet.instance(4).spec().purchase()).isEqualTo(PurchaseOption.ON_DEMAND);
        assertThat(mixed.replacements()).isEqualTo(2);
    }
}
