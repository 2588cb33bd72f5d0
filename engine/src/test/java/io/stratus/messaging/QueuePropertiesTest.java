package io.stratus.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratus.compute.InstanceState;
import io.stratus.compute.LaunchSpec;
import io.stratus.sim.Time;
import io.stratus.testkit.Rig;
import it.unimi.dsi.fastutil.ints.IntOpenHashSet;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

/** A queue loses no message: each is deleted, still in the queue (visible or in flight), or dead-lettered. */
class QueuePropertiesTest {

    @Property(tries = 40, seed = "20261123")
    void noMessageIsLost(@ForAll @IntRange(min = 1, max = 4) int workers,
                         @ForAll @DoubleRange(min = 0, max = 0.6) double failure,
                         @ForAll @IntRange(min = 0, max = 5) int maxReceives,
                         @ForAll @LongRange(min = 1, max = 60) long visibilitySeconds,
                         @ForAll @Size(min = 1, max = 80) List<@IntRange(min = 0, max = 99) Integer> ops,
                         @ForAll long seed) {
        Rig rig = new Rig(seed, 1);
        MessageQueue dlq = maxReceives == 0 ? null : new MessageQueue(rig.sim, "dlq", QueueSettings.defaults(), null);
        MessageQueue queue = new MessageQueue(rig.sim, "orders", new QueueSettings(Time.seconds(visibilitySeconds),
                QueueSettings.DEFAULT_RETENTION, maxReceives), dlq);
        IntOpenHashSet members = new IntOpenHashSet();
        QueueWorkers consumers = new QueueWorkers(rig.sim, queue, members::contains, rig.cpus, rig.completions, failure,
                rig.sim.random().stream("failures"));
        rig.fleet.addListener(consumers);
        for (int i = 0; i < workers; i++) {
            members.add(rig.fleet.launch(new LaunchSpec(Rig.ONE_VCPU, 0, 0, 0)));
        }
        var random = rig.sim.random().stream("test/ops");
        int opKind = rig.sim.registerKind("test-op", (op, d) -> {
            if (op < 80) {
                for (int k = 0; k <= op % 7; k++) {
                    queue.send(Time.MILLISECOND * (1 + random.nextInt(90_000)));
                }
            } else if (op < 90) {
                int[] running = members.intStream().filter(id -> rig.fleet.state(id) == InstanceState.RUNNING)
                        .toArray();
                if (running.length > 0) {
                    rig.fleet.terminate(running[random.nextInt(running.length)]);
                }
            } else {
                members.add(rig.fleet.launch(new LaunchSpec(Rig.ONE_VCPU, 0, Time.seconds(10), 0)));
            }
            if (queue.receive() != MessageQueue.NONE) {
                // a stray consumer that never deletes: the message must come back
            }
        });
        long t = 0;
        for (int op : ops) {
            t += Time.seconds(1 + op % 17);
            rig.sim.schedule(t, opKind, op, 0);
        }
        rig.sim.runUntil(t + Time.seconds(1 + random.nextInt(300)));
        long dead = dlq == null ? 0 : dlq.sent();
        assertThat(queue.sent()).isEqualTo(queue.deleted() + queue.visible() + queue.inFlight() + dead);
        assertThat(queue.expired()).isZero();
        assertThat(queue.movedToDeadLetter()).isEqualTo(dead);
        assertThat(consumers.processed()).isEqualTo(queue.deleted() + consumers.lateDeletes());
    }
}
