package io.stratus.run;

/**
 * What one service did in a run. Latencies are in milliseconds, from arrival at the load
 * balancer to completion; percentiles come from an HdrHistogram with 3 significant digits.
 *
 * @param name            the service
 * @param instances       instances launched
 * @param instanceType    their type
 * @param meanRunning     time-average of running instances
 * @param peakRunning     most instances running at once
 * @param requests        requests that arrived
 * @param refused         requests refused for want of a running instance
 * @param completed       requests completed
 * @param dropped         requests lost when their instance stopped running
 * @param inFlight        requests still in progress at the end
 * @param meanMs          mean latency
 * @param p50Ms           median latency
 * @param p95Ms           95th percentile latency
 * @param p99Ms           99th percentile latency
 * @param maxMs           maximum latency
 * @param cpuUtilisation  busy vCPU time over running vCPU time, 0 to 1
 * @param stealFraction   vCPU time runnable but not granted (neighbours on the host) over running vCPU time
 * @param meanInSystem    time average of the requests accepted and not yet completed (L), exact
 * @param billedSeconds   instance-seconds billed
 * @param costUsd         on-demand cost
 * @param replacements    instances replaced after leaving running unasked (spot reclaim, host failure)
 * @param cacheHitRatio   for a cache service, the fraction of requests served from memory; NaN otherwise
 * @param groupLaunches   for an Auto Scaling group, the launches it made; 0 for a fixed fleet
 * @param spot            what the spot market did to it, or null when it launched no spot instance
 * @param overloaded      of {@code refused}, the requests refused because their instance already had
 *                        {@code max-in-flight} in progress (or the I/O stage and cache backend as many
 *                        per routable instance)
 */
public record ServiceResult(String name, int instances, String instanceType, double meanRunning,
                            int peakRunning, long requests, long refused,
                            long completed, long dropped, long inFlight, double meanMs, double p50Ms,
                            double p95Ms, double p99Ms, double maxMs, double cpuUtilisation, double stealFraction,
                            double meanInSystem, long billedSeconds, double costUsd,
                            long replacements, double cacheHitRatio, long groupLaunches, SpotOutcome spot,
                            long overloaded) {
}
