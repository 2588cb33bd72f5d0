package io.stratus.run;

/**
 * What one AWS Lambda function did in a run. Latencies are in milliseconds: from invocation to
 * its end (init included on a cold start) when invoked directly; from a message's send to the end
 * of its batch through a queue.
 *
 * @param name              the function
 * @param memoryMb          its memory
 * @param architecture      x86_64 or arm64
 * @param queued            whether it read an SQS queue
 * @param arrivals          invocations asked for (messages sent, through a queue)
 * @param invocations       invocations run
 * @param throttles         invocations refused for want of concurrency (0 through a queue: messages wait)
 * @param coldStarts        invocations that started a new execution environment
 * @param timeouts          invocations stopped at the timeout
 * @param completed         requests (messages) completed
 * @param waitingAtEnd      messages still in the queue at the end (0 when invoked directly)
 * @param meanMs            mean latency
 * @param p50Ms             median latency
 * @param p99Ms             99th percentile latency
 * @param maxMs             maximum latency
 * @param meanConcurrency   time-average of invocations running at once
 * @param peakConcurrency   most invocations running at once
 * @param meanEnvironments  time-average of execution environments alive
 * @param costUsd           its Lambda charges (requests, duration, Provisioned Concurrency)
 */
public record FunctionResult(String name, int memoryMb, String architecture, boolean queued, long arrivals,
                             long invocations, long throttles, long coldStarts, long timeouts, long completed,
                             long waitingAtEnd, double meanMs, double p50Ms, double p99Ms, double maxMs,
                             double meanConcurrency, int peakConcurrency, double meanEnvironments, double costUsd) {

    /** Cold starts over invocations (0 with none). */
    public double coldStartShare() {
        return invocations == 0 ? 0 : coldStarts / (double) invocations;
    }
}
