package io.stratus.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratus.sim.Simulation;
import io.stratus.sim.Time;
import org.junit.jupiter.api.Test;

class MessageQueueTest {

    private final Simulation sim = new Simulation(3);
    private final MessageQueue dlq = new MessageQueue(sim, "orders-dlq", QueueSettings.defaults(), null);
    private final MessageQueue queue = new MessageQueue(sim, "orders",
            new QueueSettings(Time.seconds(30), Time.HOUR, 3), dlq);

    @Test
    void receivedMessageReappearsAfterTheVisibilityTimeout() {
        queue.send(42);
        long r = queue.receive();
        assertThat(queue.payload(r)).isEqualTo(42);
        assertThat(queue.visible()).isZero();
        assertThat(queue.inFlight()).isEqualTo(1);
        assertThat(queue.receive()).isEqualTo(MessageQueue.NONE);
        sim.runUntil(Time.seconds(30));
        assertThat(queue.visible()).isEqualTo(1);
        assertThat(queue.delete(r)).isFalse(); // stale receipt
        long r2 = queue.receive();
        assertThat(queue.receiveCount(r2)).isEqualTo(2);
        assertThat(queue.delete(r2)).isTrue();
        assertThat(queue.deleted()).isEqualTo(1);
        assertThat(queue.visible() + queue.inFlight()).isZero();
    }

    @Test
    void messageMovesToTheDeadLetterQueueAfterMaxReceives() {
        queue.send(7);
        for (int i = 1; i <= 3; i++) {
            long r = queue.receive();
            assertThat(queue.receiveCount(r)).isEqualTo(i);
            sim.runUntil(i * Time.seconds(30));
        }
        assertThat(queue.receive()).isEqualTo(MessageQueue.NONE);
        assertThat(queue.movedToDeadLetter()).isEqualTo(1);
        assertThat(dlq.visible()).isEqualTo(1);
        assertThat(dlq.payload(dlq.receive())).isEqualTo(7);
    }

    @Test
    void messagesOlderThanTheRetentionPeriodExpire() {
        queue.send(1);
        sim.runUntil(Time.HOUR);
        queue.send(2);
        long r = queue.receive();
        assertThat(queue.payload(r)).isEqualTo(2);
        assertThat(queue.expired()).isEqualTo(1);
    }

    @Test
    void topicFansOutToQueues() {
        Topic topic = new Topic(sim, "new-order");
        MessageQueue other = new MessageQueue(sim, "audit", QueueSettings.defaults(), null);
        topic.subscribe(queue);
        topic.subscribe(other);
        topic.publish("order", 5);
        assertThat(queue.visible()).isEqualTo(1);
        assertThat(other.visible()).isEqualTo(1);
    }
}
