package io.stratus.run;

import io.stratus.monitor.ConsolidationPeriod;

/**
 * One service's measurements over one metrics period. Counts are for the period; the cost is
 * cumulative from the start of the run, including running intervals not yet closed (billed as
 * if they ended at the period's end, with the 60-second minimum).
 *
 * @param periodEndMicros end of the period
 * @param service         the service
 * @param pending         instances pending at the period's end
 * @param running         instances running at the period's end
 * @param stopped         instances stopping, stopped or shutting down at the period's end
 * @param cpuUtilisation  busy vCPU time over running vCPU time in the period (NaN if none ran)
 * @param steal           vCPU time runnable but not granted over running vCPU time in the period
 * @param memoryGib       memory reserved on hosts by the service's instances at the period's end
 * @param iops            I/O operations completed per second in the period (0 without an I/O stage)
 * @param arrived         requests that arrived in the period
 * @param refused         requests refused in the period
 * @param completed       requests completed in the period
 * @param p50Ms           median latency of the period's completions (NaN if none)
 * @param p95Ms           95th percentile
 * @param p99Ms           99th percentile
 * @param costUsd         cumulative on-demand cost of the workload at the period's end: its instances
 *                        (Dedicated Instances at the dedicated price) and their EBS volumes; the
 *                        Dedicated Instance region fee is per account, not per workload, so it is
 *                        in no row (only in the run's total, {@link RunResult#dedicatedRegionFeeUsd})
 * @param gpuAllocation   a GPU cluster's allocated over total GPU capacity at the period's end (NaN for other rows)
 * @param gpuFragmentation a GPU cluster's fragmented over unallocated GPU capacity at the period's end (NaN
 *                        for other rows, or when no GPU is unallocated)
 * @param consolidation   a consolidation workload's own measurements, or null for other rows
 */
public record MetricsRow(long periodEndMicros, String service, int pending, int running, int stopped,
                         double cpuUtilisation, double steal, double memoryGib, double iops, long arrived, long refused, long completed,
                         double p50Ms, double p95Ms, double p99Ms, double costUsd, double gpuAllocation,
                         double gpuFragmentation, ConsolidationPeriod consolidation) {

    /** A row of a service, batch workload or queue: no GPU or consolidation columns. */
    public MetricsRow(long periodEndMicros, String service, int pending, int running, int stopped,
                      double cpuUtilisation, double steal, double memoryGib, double iops, long arrived, long refused,
                      long completed, double p50Ms, double p95Ms, double p99Ms, double costUsd) {
        this(periodEndMicros, service, pending, running, stopped, cpuUtilisation, steal, memoryGib, iops, arrived,
                refused, completed, p50Ms, p95Ms, p99Ms, costUsd, Double.NaN, Double.NaN, null);
    }
}
