package io.stratus.run;

/**
 * What one order queue and its workers did in a run.
 *
 * @param name               the queue
 * @param instanceType       the workers' type
 * @param sent               messages sent
 * @param deleted            messages processed and deleted
 * @param deadLettered       messages moved to the dead-letter queue
 * @param expired            messages dropped at the end of their retention
 * @param failed             processing attempts that failed (the message reappeared)
 * @param waitingAtEnd       messages visible or in flight at the end
 * @param meanBacklog        time-average of messages visible or in flight
 * @param meanTimeInQueueS   mean time from send to delete by Little's law (mean backlog / throughput), seconds
 * @param meanWorkers        time-average of running workers
 * @param peakWorkers        most workers running at once
 * @param costUsd            cost of the workers (on demand; those launched as spot at their pools' spot prices)
 * @param overloaded         messages refused because the queue already held its {@code max-messages}
 */
public record QueueResult(String name, String instanceType, long sent, long deleted, long deadLettered, long expired,
                          long failed, long waitingAtEnd, double meanBacklog, double meanTimeInQueueS,
                          double meanWorkers, int peakWorkers, double costUsd, long overloaded) {
}
