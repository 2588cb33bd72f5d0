package io.stratus.run;

import io.stratus.monitor.ConsolidationLedger;

/**
 * What a consolidation workload did in a run (definitions in {@link ConsolidationLedger}).
 * Utilisations are fractions (0 to 1) of each VM's vCPUs.
 *
 * @param name                   the workload's name
 * @param vms                    VMs in the trace
 * @param placed                 VMs that found a host (the others demand but get nothing)
 * @param instanceTypes          the types the VMs run as, such as {@code m1.small}
 * @param meanDemanded           mean per-VM utilisation demanded: the trace's own mean
 * @param meanPeakDemanded       mean over VMs of each VM's peak demanded
 * @param maxDemanded            highest utilisation demanded
 * @param meanDelivered          mean per-VM utilisation delivered
 * @param meanPeakDelivered      mean over VMs of each VM's peak delivered
 * @param maxDelivered           highest utilisation delivered
 * @param demandedVcpuHours      vCPU-hours demanded
 * @param deliveredVcpuHours     vCPU-hours delivered
 * @param unservedVcpuHours      vCPU-hours demanded by the VMs that found no host (part of the
 *                               demand, not of the steal)
 * @param meanActiveHosts        time-average of hosts running at least one VM
 * @param peakActiveHosts        most hosts active at once
 * @param hostUtilisation        delivered vCPUs over the threads of the active hosts
 * @param overloadedHostFraction overloaded host-time over active host-time (the SLA violation time)
 * @param energyKwh              energy of the active hosts (NaN without a power model)
 * @param migrations             live migrations
 * @param migratedGib            memory copied by them
 * @param migrationLossVcpuHours vCPU-hours the migrating VMs lost while their memory was copied
 * @param billedSeconds          instance-seconds billed
 * @param costUsd                on-demand cost of the VMs
 */
public record ConsolidationResult(String name, int vms, int placed, String instanceTypes, double meanDemanded,
                                  double meanPeakDemanded, double maxDemanded, double meanDelivered,
                                  double meanPeakDelivered, double maxDelivered, double demandedVcpuHours,
                                  double deliveredVcpuHours, double unservedVcpuHours, double meanActiveHosts,
                                  int peakActiveHosts, double hostUtilisation, double overloadedHostFraction, double energyKwh,
                                  long migrations, double migratedGib, double migrationLossVcpuHours,
                                  long billedSeconds, double costUsd) {

    /**
     * vCPU-hours the VMs on a host demanded and were not granted (CPU steal; unserved demand apart).
     * Never negative: a difference of sums that should be zero can come out a rounding error below it.
     */
    public double stealVcpuHours() {
        return Math.max(0, demandedVcpuHours - deliveredVcpuHours - unservedVcpuHours);
    }

    /** Steal as a fraction of the demand of the VMs on a host. */
    public double stealFraction() {
        double placedDemand = demandedVcpuHours - unservedVcpuHours;
        return placedDemand == 0 ? 0 : stealVcpuHours() / placedDemand;
    }
}
