package io.stratus.run;

/**
 * What one batch workload did in a run. Times are in seconds.
 *
 * @param name           the batch workload
 * @param instanceType   the type its jobs ran on
 * @param submitted      jobs submitted
 * @param completed      jobs finished
 * @param rejected       jobs that could never fit in the region
 * @param unfinished     jobs queued or running at the end
 * @param meanWaitS      mean wait from submission to start (instances running)
 * @param p95WaitS       95th percentile wait (within 0.1%; waits over a day count as a day)
 * @param maxWaitS       longest wait
 * @param meanResponseS  mean time from submission to end
 * @param lastEndS       when the last job finished
 * @param instances      instances launched
 * @param billedSeconds  instance-seconds billed
 * @param costUsd        on-demand cost
 */
public record BatchResult(String name, String instanceType, long submitted, long completed, long rejected,
                          long unfinished, double meanWaitS, double p95WaitS, double maxWaitS, double meanResponseS,
                          double lastEndS, int instances, long billedSeconds, double costUsd) {
}
