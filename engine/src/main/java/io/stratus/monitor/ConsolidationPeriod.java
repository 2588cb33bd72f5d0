package io.stratus.monitor;

/**
 * A consolidation workload's measurements over one metrics period (definitions in
 * {@link ConsolidationLedger}); the columns it adds to {@code metrics.csv}.
 *
 * @param meanDemanded        mean per-VM utilisation demanded (0 to 1)
 * @param meanDelivered       mean per-VM utilisation delivered
 * @param maxDemanded         the highest utilisation any VM demanded in the period
 * @param meanActiveHosts     time-average of the hosts running at least one VM
 * @param peakActiveHosts     most hosts active at once
 * @param hostUtilisation     delivered vCPUs over the threads of the active hosts
 * @param overloadedFraction  overloaded host-time over active host-time
 * @param deliveredVcpuSeconds vCPU-seconds delivered
 * @param stealVcpuSeconds    vCPU-seconds the VMs on a host demanded and were not granted (a VM on
 *                            no host is unserved, not stolen from)
 * @param energyKwh           energy of the active hosts (NaN without a power model)
 * @param migrations          live migrations started in the period
 */
public record ConsolidationPeriod(double meanDemanded, double meanDelivered, double maxDemanded,
                                  double meanActiveHosts, int peakActiveHosts, double hostUtilisation,
                                  double overloadedFraction, double deliveredVcpuSeconds, double stealVcpuSeconds, double energyKwh,
                                  long migrations) {
}
