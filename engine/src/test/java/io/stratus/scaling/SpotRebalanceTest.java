package io.stratus.scaling;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratus.compute.Instance;
import io.stratus.compute.InstanceState;
import io.stratus.compute.InstancesDistribution;
import io.stratus.compute.PurchaseOption;
import io.stratus.sim.Time;
import io.stratus.spot.SpotInterruptionListener;
import io.stratus.spot.SpotMarket;
import io.stratus.spot.SpotModel;
import io.stratus.testkit.Rig;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The spot market's signals reach the group end to end: an interruption notice (and a rebalance
 * recommendation) makes a group with capacity rebalancing launch the replacement first and drain
 * the old instance before EC2 reclaims it; without capacity rebalancing the group learns only at
 * the reclaim, and its capacity dips for a boot.
 */
class SpotRebalanceTest {

    private static final long BOOT = Time.seconds(60);

    private final Rig rig = new Rig(5, 2);
    private final SpotMarket market = SpotMarket.attach(rig.sim, rig.fleet, SpotModel.bundled());

    private AutoScalingGroup group(GroupSettings settings) {
        AutoScalingGroup asg = new AutoScalingGroup(rig.sim, "web", rig.fleet, settings,
                LaunchTemplate.of(Rig.M5_LARGE, BOOT, 0), InstancesDistribution.spot(1, 100), List.of());
        market.addListener(asg);
        asg.start();
        return asg;
    }

    @Test
    void withCapacityRebalancingTheReplacementServesBeforeTheReclaim() {
        AutoScalingGroup asg = group(GroupSettings.of(0, 3, 3, List.of(0, 1)).withCapacityRebalance());
        rig.sim.runUntil(10 * Time.MINUTE);
        int spot = asg.inServiceIds().intStream().filter(id -> asg.purchaseOption(id) == PurchaseOption.SPOT)
                .findFirst().orElseThrow();
        long noticeAt = rig.sim.now();
        assertThat(market.interrupt(spot)).isTrue();
        // the replacement is launched at the notice, by the same split: spot (base 1 is on demand)
        int replacement = rig.fleet.size() - 1;
        assertThat(rig.fleet.instance(replacement).spec().purchase()).isEqualTo(PurchaseOption.SPOT);
        assertThat(asg.rebalanceReplacements()).isEqualTo(1);
        // in service after its boot; the old one is then terminated, a minute before its reclaim
        rig.sim.runUntil(noticeAt + BOOT);
        assertThat(rig.fleet.instance(replacement).state()).isEqualTo(InstanceState.RUNNING);
        assertThat(rig.fleet.state(spot)).isIn(InstanceState.SHUTTING_DOWN, InstanceState.TERMINATED);
        rig.sim.runUntil(noticeAt + SpotMarket.NOTICE_MICROS + Time.SECOND);
        assertThat(market.notices()).isEqualTo(1);
        assertThat(market.interruptions()).isZero();
        assertThat(asg.inServiceCount()).isEqualTo(3);
        assertThat(asg.lostInstances()).isZero();
    }

    @Test
    void withoutCapacityRebalancingTheGroupReplacesAfterTheReclaim() {
        AutoScalingGroup asg = group(GroupSettings.of(0, 3, 3, List.of(0, 1)));
        rig.sim.runUntil(10 * Time.MINUTE);
        int spot = asg.inServiceIds().intStream().filter(id -> asg.purchaseOption(id) == PurchaseOption.SPOT)
                .findFirst().orElseThrow();
        long noticeAt = rig.sim.now();
        int launchedBefore = rig.fleet.size();
        market.interrupt(spot);
        assertThat(rig.fleet.size()).isEqualTo(launchedBefore);
        rig.sim.runUntil(noticeAt + SpotMarket.NOTICE_MICROS);
        assertThat(market.interruptions()).isEqualTo(1);
        assertThat(asg.lostInstances()).isEqualTo(1);
        assertThat(asg.rebalanceReplacements()).isZero();
        // down one instance for the replacement's boot
        assertThat(asg.inServiceCount()).isEqualTo(2);
        rig.sim.runUntil(noticeAt + SpotMarket.NOTICE_MICROS + BOOT);
        assertThat(asg.inServiceCount()).isEqualTo(3);
        assertThat(asg.liveCount(PurchaseOption.ON_DEMAND)).isEqualTo(1);
    }

    @Test
    void recommendationsComeTheLeadBeforeEachDrawnNotice() {
        List<long[]> signals = new ArrayList<>(); // {id, recommendation time, notice time, launch time}
        market.addListener(new SpotInterruptionListener() {
            @Override
            public void rebalanceRecommended(Instance instance, long now) {
                signals.add(new long[] {instance.id(), now, -1, instance.launchTime()});
            }

            @Override
            public void noticed(Instance instance, long reclaimAt, long now) {
                for (long[] s : signals) {
                    if (s[0] == instance.id() && s[2] < 0) {
                        s[2] = now;
                    }
                }
            }
        });
        // 60 spot m5.xlarge (Spot Advisor bucket 4) for 60 days: about 60 x 1440 x 0.000394 = 34 notices
        AutoScalingGroup asg = new AutoScalingGroup(rig.sim, "batch", rig.fleet,
                GroupSettings.of(60, 60, 60, List.of(0, 1)),
                LaunchTemplate.of(io.stratus.compute.InstanceCatalog.bundled().get("m5.xlarge"), BOOT, 0),
                InstancesDistribution.spot(0, 100), List.of());
        asg.start();
        rig.sim.runUntil(60 * Time.DAY);
        assertThat(market.recommendations()).isBetween(15L, 55L);
        assertThat(market.interruptions()).isEqualTo(market.notices());
        for (long[] s : signals) {
            if (s[2] >= 0) { // a notice followed (the run may end between the two)
                assertThat(s[2] - s[1]).isLessThanOrEqualTo(SpotMarket.DEFAULT_REBALANCE_LEAD);
                long running = s[3] + BOOT; // the fleet forgets terminated instances: launch time kept here
                assertThat(s[1] == s[2] - SpotMarket.DEFAULT_REBALANCE_LEAD || s[1] == running)
                        .as("recommendation of %d at %d, notice at %d", s[0], s[1], s[2]).isTrue();
            }
        }
        assertThat(asg.lostInstances()).isEqualTo(market.interruptions());
    }
}
