/**
 * Messaging: SNS topics (publish to every subscriber) and SQS standard queues (store until
 * deleted, visibility timeout, retention, dead-letter queue), and a worker fleet consuming a
 * queue.
 *
 * <p>Invariant: a queue never loses a message silently: every message sent is deleted, expired
 * (retention), moved to the dead-letter queue, visible, or in flight.
 */
package io.stratus.messaging;
