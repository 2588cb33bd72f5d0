package io.stratus.scaling;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratus.compute.InstanceState;
import io.stratus.compute.InstancesDistribution;
import io.stratus.compute.PurchaseOption;
import io.stratus.lb.HealthCheckSettings;
import io.stratus.lb.RoundRobinRouting;
import io.stratus.lb.TargetGroup;
import io.stratus.lb.TargetHealth;
import io.stratus.monitor.Alarm;
import io.stratus.monitor.AlarmSettings;
import io.stratus.monitor.CloudWatch;
import io.stratus.monitor.Comparison;
import io.stratus.monitor.Metric;
import io.stratus.monitor.MissingData;
import io.stratus.monitor.Statistic;
import io.stratus.sim.Time;
import io.stratus.testkit.Rig;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AutoScalingGroupTest {

    private final Rig rig = new Rig(11, 2);
    private final TargetGroup tg = rig.targetGroup("web", RoundRobinRouting.NAME, HealthCheckSettings.albDefaults(),
            Time.seconds(300));
    private final LaunchTemplate template = new LaunchTemplate(List.of(Rig.M5_LARGE,
            io.stratus.compute.InstanceCatalog.bundled().get("m5a.large")), Time.seconds(60), Time.seconds(5));
    private final List<String> activities = new ArrayList<>();

    private AutoScalingGroup group(GroupSettings settings, InstancesDistribution mix) {
        AutoScalingGroup asg = new AutoScalingGroup(rig.sim, "web", rig.fleet, settings, template, mix, List.of(tg));
        asg.addActivityListener((now, from, to, cause) -> activities.add(Time.format(now) + " " + from + "->" + to
                + " " + cause));
        asg.start();
        return asg;
    }

    @Test
    void launchesTheDesiredCapacityBalancedOverZonesWithThePurchaseMix() {
        AutoScalingGroup asg = group(GroupSettings.of(1, 5, 10, List.of(0, 1)), InstancesDistribution.spot(1, 50));
        rig.sim.runUntil(Time.seconds(60));
        assertThat(asg.inServiceCount()).isEqualTo(5);
        assertThat(asg.liveCount(PurchaseOption.ON_DEMAND)).isEqualTo(3); // base 1 + half of 4
        assertThat(asg.liveCount(PurchaseOption.SPOT)).isEqualTo(2);
        long zoneA = asg.inServiceIds().intStream().filter(id -> rig.fleet.instance(id).zone() == 0).count();
        assertThat(zoneA).isEqualTo(3);
        assertThat(tg.healthyCount()).isEqualTo(5);
        // spot launches rotate over the types
        assertThat(asg.inServiceIds().intStream().filter(id -> asg.purchaseOption(id) == PurchaseOption.SPOT)
                .mapToObj(id -> rig.fleet.instance(id).type().name())).containsExactlyInAnyOrder("m5.large", "m5a.large");
    }

    @Test
    void scaleInDrainsTheVictimThenTerminatesIt() {
        AutoScalingGroup asg = group(GroupSettings.of(1, 3, 10, List.of(0, 1)), InstancesDistribution.ON_DEMAND);
        rig.sim.runUntil(Time.seconds(60));
        int victim = 0; // zone a has two, the oldest goes
        tg.route(Time.seconds(10));
        asg.setDesiredCapacity(2);
        assertThat(tg.health(victim)).isEqualTo(TargetHealth.DRAINING);
        assertThat(rig.fleet.state(victim)).isEqualTo(InstanceState.RUNNING);
        rig.sim.runUntil(Time.seconds(71));
        assertThat(rig.fleet.state(victim)).isEqualTo(InstanceState.SHUTTING_DOWN);
        assertThat(rig.latency.count()).isEqualTo(1);
        assertThat(asg.liveCount()).isEqualTo(2);
    }

    @Test
    void unhealthyTargetIsReplacedAfterTheGracePeriod() {
        AutoScalingGroup asg = group(GroupSettings.of(2, 2, 4, List.of(0, 1)).withElbHealthChecks(Time.seconds(300)),
                InstancesDistribution.ON_DEMAND);
        rig.sim.runUntil(Time.seconds(60));
        tg.setApplicationFailed(0, true);
        rig.sim.runUntil(Time.seconds(120));
        assertThat(tg.health(0)).isEqualTo(TargetHealth.UNHEALTHY);
        assertThat(asg.healthReplacements()).isZero(); // still in the grace period
        tg.setApplicationFailed(0, false);
        rig.sim.runUntil(Time.seconds(400));
        assertThat(tg.health(0)).isEqualTo(TargetHealth.HEALTHY);
        tg.setApplicationFailed(0, true);
        rig.sim.runUntil(Time.seconds(480));
        assertThat(asg.healthReplacements()).isEqualTo(1);
        assertThat(rig.fleet.state(0)).isIn(InstanceState.SHUTTING_DOWN, InstanceState.TERMINATED);
        rig.sim.runUntil(Time.seconds(600));
        assertThat(asg.inServiceCount()).isEqualTo(2);
        assertThat(tg.healthyCount()).isEqualTo(2);
    }

    @Test
    void anInstanceLostWithoutAskingIsReplaced() {
        AutoScalingGroup asg = group(GroupSettings.of(2, 2, 4, List.of(0, 1)), InstancesDistribution.ON_DEMAND);
        rig.sim.runUntil(Time.seconds(60));
        rig.fleet.terminate(1);
        assertThat(asg.lostInstances()).isEqualTo(1);
        assertThat(asg.liveCount()).isEqualTo(2);
        rig.sim.runUntil(Time.seconds(130));
        assertThat(asg.inServiceCount()).isEqualTo(2);
        assertThat(rig.fleet.instance(2).zone()).isEqualTo(1); // back into the zone that lost it
    }

    @Test
    void capacityRebalancingLaunchesTheReplacementFirst() {
        AutoScalingGroup asg = group(GroupSettings.of(0, 2, 4, List.of(0, 1)).withCapacityRebalance(),
                InstancesDistribution.spot(0, 100));
        rig.sim.runUntil(Time.seconds(60));
        asg.interruptionNotice(0);
        assertThat(rig.fleet.state(0)).isEqualTo(InstanceState.RUNNING);
        assertThat(rig.fleet.state(2)).isEqualTo(InstanceState.PENDING);
        assertThat(asg.purchaseOption(2)).isEqualTo(PurchaseOption.SPOT);
        rig.sim.runUntil(Time.seconds(119));
        assertThat(rig.fleet.state(0)).isEqualTo(InstanceState.RUNNING);
        rig.sim.runUntil(Time.seconds(120));
        assertThat(tg.health(0)).isEqualTo(TargetHealth.NOT_REGISTERED);
        assertThat(rig.fleet.state(0)).isEqualTo(InstanceState.SHUTTING_DOWN);
        assertThat(asg.inServiceCount()).isEqualTo(2);
    }

    @Test
    void simpleScalingWaitsForTheActivityAndTheCooldown() {
        CloudWatch cw = new CloudWatch(rig.sim, Time.MINUTE);
        Metric load = cw.metric("load");
        cw.addSampler((start, end) -> load.record(100));
        Alarm alarm = new Alarm("high", load, new AlarmSettings(Statistic.AVERAGE, Comparison.GREATER_THAN, 50, 1, 1,
                MissingData.MISSING));
        AutoScalingGroup asg = group(GroupSettings.of(1, 1, 10, List.of(0, 1)), InstancesDistribution.ON_DEMAND);
        asg.addPolicy(new SimpleScalingPolicy(alarm, Adjustment.change(1)));
        rig.sim.runUntil((20) * Time.MINUTE);
        // 1 min: +1; instance in service at 2 min; cooldown to 7 min; next +1 at 7, in service 8, next at 13, ...
        assertThat(activities).containsExactly("00:01:00 1->2 simple", "00:07:00 2->3 simple",
                "00:13:00 3->4 simple", "00:19:00 4->5 simple");
    }

    @Test
    void stepScalingCountsWarmingInstancesAsAddedCapacity() {
        CloudWatch cw = new CloudWatch(rig.sim, Time.MINUTE);
        Metric load = cw.metric("load");
        double[] value = {60};
        cw.addSampler((start, end) -> load.record(value[0]));
        Alarm alarm = new Alarm("high", load, new AlarmSettings(Statistic.AVERAGE, Comparison.GREATER_THAN_OR_EQUAL,
                50, 1, 1, MissingData.MISSING));
        AutoScalingGroup asg = group(GroupSettings.of(1, 4, 20, List.of(0, 1)).withWarmup((10) * Time.MINUTE),
                InstancesDistribution.ON_DEMAND);
        asg.addPolicy(new StepScalingPolicy(alarm, List.of(
                new StepScalingPolicy.Step(0, 20, Adjustment.change(2)),
                new StepScalingPolicy.Step(20, Double.POSITIVE_INFINITY, Adjustment.change(3)))));
        rig.sim.runUntil((10) * Time.MINUTE); // the initial four are warm from 11 min (in service at 1 min)
        assertThat(asg.desiredCapacity()).isEqualTo(4);
        rig.sim.runUntil((11) * Time.MINUTE);
        assertThat(asg.desiredCapacity()).isEqualTo(6);
        rig.sim.runUntil((13) * Time.MINUTE);
        assertThat(asg.desiredCapacity()).isEqualTo(6); // same step again while the two warm up
        value[0] = 80;
        rig.sim.runUntil((14) * Time.MINUTE);
        assertThat(asg.desiredCapacity()).isEqualTo(7); // bigger step: only the difference
        assertThat(asg.warmingCount()).isEqualTo(3);
    }

    @Test
    void scheduledActionsSetCapacityDaily() {
        AutoScalingGroup asg = group(GroupSettings.of(1, 1, 10, List.of(0, 1)), InstancesDistribution.ON_DEMAND);
        asg.addPolicy(new ScheduledAction(Schedule.daily((11) * Time.HOUR), 4, ScalingDecision.UNCHANGED,
                ScalingDecision.UNCHANGED));
        asg.addPolicy(new ScheduledAction(Schedule.daily((14) * Time.HOUR), 1, ScalingDecision.UNCHANGED, 1));
        rig.sim.runUntil((12) * Time.HOUR);
        assertThat(asg.minSize()).isEqualTo(4);
        assertThat(asg.desiredCapacity()).isEqualTo(4);
        rig.sim.runUntil((15) * Time.HOUR);
        assertThat(asg.desiredCapacity()).isEqualTo(1);
        rig.sim.runUntil((24 + 12) * Time.HOUR);
        assertThat(asg.desiredCapacity()).isEqualTo(4);
        assertThat(activities).hasSize(3);
    }

    @Test
    void metricsPerInstanceAndPerGroupLeaveWarmingInstancesOutOfTheGroup() {
        CloudWatch cw = new CloudWatch(rig.sim, Time.MINUTE);
        AutoScalingGroup asg = group(GroupSettings.of(1, 2, 4, List.of(0, 1)).withWarmup(3 * Time.MINUTE),
                InstancesDistribution.ON_DEMAND);
        GroupMetrics metrics = new GroupMetrics(cw, asg, rig.cpus, tg, null).trackInstances();
        rig.sim.runUntil(90 * Time.SECOND);
        rig.cpus.submit(0, 30 * Time.SECOND); // instance 0 busy half of the minute on one of its 2 vCPUs
        rig.sim.runUntil(2 * Time.MINUTE);
        assertThat(metrics.instanceCpu(0).latest().value(Statistic.AVERAGE)).isCloseTo(25.0,
                org.assertj.core.data.Offset.offset(0.01));
        assertThat(metrics.cpuUtilization().latest().isMissing()).isTrue(); // both still warming
        rig.sim.runUntil(4 * Time.MINUTE);
        assertThat(metrics.cpuUtilization().latest().count()).isEqualTo(2);
        assertThat(metrics.inServiceInstances().latest().sum()).isEqualTo(2);
        asg.setDesiredCapacity(1);
        rig.sim.runUntil(6 * Time.MINUTE);
        assertThat(metrics.instanceCpu(0)).isNull(); // gone with its instance
        assertThat(asg.purchaseOption(0)).isEqualTo(PurchaseOption.ON_DEMAND); // still known for billing
    }
}
