package io.stratus.messaging;

import io.stratus.monitor.Alarm;
import io.stratus.monitor.AlarmAction;
import io.stratus.monitor.AlarmState;
import io.stratus.sim.Simulation;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An SNS topic: publish once, every subscriber gets a copy, immediately and in subscription
 * order. Delivery is assumed reliable and instantaneous (SNS retries are not modelled).
 *
 * <p>A topic is also an {@link AlarmAction}: an alarm notifying it publishes
 * {@code "<alarm name>: <STATE>"} with payload 0.
 */
public final class Topic implements AlarmAction {

    private final Simulation sim;
    private final String name;
    private final List<Subscriber> subscribers = new ArrayList<>();
    private long published;

    public Topic(Simulation sim, String name) {
        this.sim = Objects.requireNonNull(sim, "sim");
        this.name = Objects.requireNonNull(name, "name");
    }

    /** The topic's name. */
    public String name() {
        return name;
    }

    /** Adds a subscriber. */
    public void subscribe(Subscriber subscriber) {
        subscribers.add(Objects.requireNonNull(subscriber, "subscriber"));
    }

    /** Publishes a message to every subscriber. */
    public void publish(String subject, long payload) {
        published++;
        long now = sim.now();
        for (int i = 0; i < subscribers.size(); i++) {
            subscribers.get(i).deliver(subject, payload, now);
        }
    }

    /** Messages published so far. */
    public long published() {
        return published;
    }

    @Override
    public void invoke(Alarm alarm, AlarmState state, long now) {
        publish(alarm.name() + ": " + state, 0);
    }
}
