package io.stratus.messaging;

/** A subscription endpoint of a topic: a queue, or any code (a Lambda, an e-mail counter). */
@FunctionalInterface
public interface Subscriber {

    /**
     * Receives one published message.
     *
     * @param subject a short subject (for alarm notifications, the alarm's name and state)
     * @param payload a number the subscriber understands (for work queues, the work in microseconds)
     * @param now     when it was published
     */
    void deliver(String subject, long payload, long now);
}
