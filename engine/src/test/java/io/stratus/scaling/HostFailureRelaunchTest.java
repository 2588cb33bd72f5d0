package io.stratus.scaling;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratus.compute.InstanceState;
import io.stratus.compute.InstancesDistribution;
import io.stratus.sim.Time;
import io.stratus.testkit.Rig;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A host failure under a group that relaunches synchronously: the group's listener launches
 * replacements while the fleet is still going through the failed host's instances.
 */
class HostFailureRelaunchTest {

    @Test
    void aGroupReplacesEveryInstanceLostWithItsHostAndNoneLandsThere() {
        Rig rig = new Rig(5, 2);
        AutoScalingGroup asg = new AutoScalingGroup(rig.sim, "web", rig.fleet, GroupSettings.of(4, 4, 8, List.of(0)),
                LaunchTemplate.of(Rig.M5_LARGE, Time.seconds(60), 0), InstancesDistribution.ON_DEMAND, List.of());
        asg.start();
        rig.sim.runUntil(Time.seconds(60));
        assertThat(asg.inServiceCount()).isEqualTo(4);
        int failed = rig.fleet.instance(0).host(); // first fit: all four share the first host
        assertThat(asg.inServiceIds().intStream().map(id -> rig.fleet.instance(id).host())).containsOnly(failed);

        assertThat(rig.fleet.failHost(failed)).isEqualTo(4); // threw ConcurrentModificationException before

        assertThat(rig.fleet.lostToHostFailure()).isEqualTo(4);
        assertThat(rig.fleet.size()).isEqualTo(8);
        for (int id = 0; id < 4; id++) {
            assertThat(rig.fleet.state(id)).isEqualTo(InstanceState.TERMINATED);
        }
        for (int id = 4; id < 8; id++) {
            assertThat(rig.fleet.state(id)).isEqualTo(InstanceState.PENDING);
            assertThat(rig.fleet.instance(id).host()).isNotEqualTo(failed).isNotNegative();
        }
        rig.sim.runUntil(Time.seconds(180));
        assertThat(asg.inServiceCount()).isEqualTo(4);
        assertThat(rig.fleet.count(InstanceState.RUNNING)).isEqualTo(4);
    }
}
