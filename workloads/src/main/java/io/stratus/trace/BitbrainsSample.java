package io.stratus.trace;

/**
 * One reading of a Bitbrains VM (GWA-T-12, Grid Workloads Archive): its provisioned resources
 * and their use over one sampling interval (5 minutes in the fastStorage and Rnd sets).
 *
 * @param vmId                the VM: its file name without extension
 * @param time                microseconds since the Unix epoch
 * @param cores               virtual cores provisioned
 * @param cpuCapacityMhz      CPU capacity provisioned, MHz (cores times clock)
 * @param cpuUsageMhz         CPU used, MHz
 * @param cpuUsagePercent     CPU used, percent of the capacity
 * @param memoryCapacityKb    memory provisioned, KB
 * @param memoryUsageKb       memory used, KB
 * @param diskReadKbPerSec    disk read throughput, KB/s
 * @param diskWriteKbPerSec   disk write throughput, KB/s
 * @param networkInKbPerSec   network received, KB/s
 * @param networkOutKbPerSec  network transmitted, KB/s
 */
public record BitbrainsSample(
        String vmId,
        long time,
        int cores,
        double cpuCapacityMhz,
        double cpuUsageMhz,
        double cpuUsagePercent,
        double memoryCapacityKb,
        double memoryUsageKb,
        double diskReadKbPerSec,
        double diskWriteKbPerSec,
        double networkInKbPerSec,
        double networkOutKbPerSec) implements UtilisationSample {

    @Override
    public double cpuUtilisation() {
        return cpuUsagePercent / 100.0;
    }
}
