package io.stratus.scaling;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratus.compute.InstancesDistribution;
import io.stratus.messaging.MessageQueue;
import io.stratus.messaging.QueueSettings;
import io.stratus.messaging.QueueWorkers;
import io.stratus.monitor.CloudWatch;
import io.stratus.monitor.Statistic;
import io.stratus.sim.Time;
import io.stratus.testkit.Rig;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An order queue drained by a worker group that tracks a backlog of 100 messages per instance. */
class QueueWorkersScalingTest {

    @Test
    void workerGroupScalesOnBacklogPerInstanceAndDrainsTheQueue() {
        Rig rig = new Rig(9, 2);
        CloudWatch cw = new CloudWatch(rig.sim, Time.MINUTE);
        MessageQueue dlq = new MessageQueue(rig.sim, "orders-dlq", QueueSettings.defaults(), null);
        MessageQueue orders = new MessageQueue(rig.sim, "orders",
                new QueueSettings(Time.seconds(30), QueueSettings.DEFAULT_RETENTION, 5), dlq);
        AutoScalingGroup workers = new AutoScalingGroup(rig.sim, "workers", rig.fleet,
                GroupSettings.of(1, 1, 30, List.of(0, 1)), LaunchTemplate.of(Rig.M5_LARGE, Time.seconds(60), 0),
                InstancesDistribution.ON_DEMAND, List.of());
        QueueWorkers consumers = new QueueWorkers(rig.sim, orders, workers::isMember, rig.cpus, rig.completions, 0.01,
                rig.sim.random().stream("workers/failures"));
        rig.fleet.addListener(consumers);
        GroupMetrics metrics = new GroupMetrics(cw, workers, rig.cpus, null, orders);
        workers.addPolicy(TargetTrackingPolicy.aws(metrics.backlogPerInstance(), Statistic.AVERAGE, 100));
        workers.start();
        rig.sim.runUntil(Time.MINUTE);
        // a burst of 60,000 orders of 200 ms each: 1 worker (2 vCPUs) would need 100 minutes
        for (int i = 0; i < 60_000; i++) {
            orders.send(200 * Time.MILLISECOND);
        }
        rig.sim.runUntil(5 * Time.MINUTE); // 3 datapoints above 100 per instance, then straight to max
        assertThat(workers.desiredCapacity()).isEqualTo(30);
        rig.sim.runUntil(15 * Time.MINUTE); // 30 workers take 60,000 x 0.2 s / 60 vCPUs = 200 s
        assertThat(orders.visible() + orders.inFlight()).isZero();
        rig.sim.runUntil(3 * Time.HOUR);
        assertThat(orders.deleted() + orders.movedToDeadLetter()).isEqualTo(60_000);
        assertThat(workers.desiredCapacity()).isEqualTo(1); // scaled back in
    }
}
