package io.stratus.trace;

/**
 * One 5-minute CPU reading of an Azure VM (Azure Public Dataset, {@code vm_cpu_readings}).
 *
 * @param time          start of the 5-minute interval, microseconds since the trace's start
 * @param vmId          anonymised VM id, as in the VM table
 * @param minCpuPercent minimum CPU utilisation in the interval, percent
 * @param maxCpuPercent maximum CPU utilisation in the interval, percent
 * @param avgCpuPercent average CPU utilisation in the interval, percent
 */
public record AzureCpuReading(long time, String vmId, double minCpuPercent, double maxCpuPercent,
                              double avgCpuPercent) implements UtilisationSample {

    /** The average utilisation as a fraction. */
    @Override
    public double cpuUtilisation() {
        return avgCpuPercent / 100.0;
    }
}
