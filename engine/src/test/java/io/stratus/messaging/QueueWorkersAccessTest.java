package io.stratus.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratus.compute.LaunchSpec;
import io.stratus.sim.Time;
import io.stratus.testkit.Rig;
import it.unimi.dsi.fastutil.ints.IntOpenHashSet;
import org.junit.jupiter.api.Test;

/** Workers whose role denies the queue's actions: hand-worked outcomes of 10 one-second messages on one vCPU. */
class QueueWorkersAccessTest {

    private final Rig rig = new Rig(5, 1);
    private final MessageQueue dlq = new MessageQueue(rig.sim, "dlq", QueueSettings.defaults(), null);
    private final MessageQueue queue = new MessageQueue(rig.sim, "orders",
            new QueueSettings(Time.seconds(30), QueueSettings.DEFAULT_RETENTION, 3), dlq);
    private final IntOpenHashSet members = new IntOpenHashSet();
    private final QueueWorkers workers = new QueueWorkers(rig.sim, queue, members::contains, rig.cpus, rig.completions, 0,
            rig.sim.random().stream("failures"));

    QueueWorkersAccessTest() {
        rig.fleet.addListener(workers);
        members.add(rig.fleet.launch(new LaunchSpec(Rig.ONE_VCPU, 0, 0, 0)));
        rig.sim.runUntil(Time.seconds(1));
    }

    @Test
    void withFullAccessTheTenMessagesTakeTenSeconds() {
        sendTen();
        rig.sim.runUntil(Time.seconds(12));
        assertThat(workers.processed()).isEqualTo(10);
        assertThat(queue.deleted()).isEqualTo(10);
        assertThat(workers.accessDenied()).isZero();
    }

    @Test
    void withoutReceiveNothingIsProcessedAndTheQueueBacksUp() {
        workers.setAccess(false, true);
        sendTen();
        rig.sim.runUntil(Time.seconds(600));
        assertThat(workers.processed()).isZero();
        assertThat(queue.visible()).isEqualTo(10);
        assertThat(workers.accessDenied()).as("one denied poll per message arrival").isEqualTo(10);
    }

    @Test
    void withoutDeleteEveryMessageIsProcessedMaxReceivesTimesThenDeadLettered() {
        workers.setAccess(true, false);
        sendTen();
        rig.sim.runUntil(Time.seconds(600));
        assertThat(queue.deleted()).isZero();
        assertThat(workers.accessDenied()).as("3 receives of each of 10 messages, each delete denied").isEqualTo(30);
        assertThat(queue.movedToDeadLetter()).isEqualTo(10);
    }

    private void sendTen() {
        for (int i = 0; i < 10; i++) {
            queue.send(Time.SECOND);
        }
    }
}
