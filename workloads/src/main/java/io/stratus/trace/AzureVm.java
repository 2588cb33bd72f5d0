package io.stratus.trace;

/**
 * One VM of the Azure Public Dataset VM table (2017 "V1" and 2019 "V2" share the layout): a VM
 * that is created, holds its size, and is deleted. Times are microseconds since the trace's
 * start; a VM still running when the trace ends has the end of the trace as its deletion time.
 *
 * @param vmId           anonymised VM id
 * @param subscriptionId anonymised subscription id
 * @param deploymentId   anonymised deployment id
 * @param created        creation time, microseconds
 * @param deleted        deletion time, microseconds, not before {@code created}
 * @param maxCpu         maximum CPU utilisation over the VM's life, percent
 * @param avgCpu         average CPU utilisation, percent
 * @param p95MaxCpu      95th percentile of the 5-minute maxima, percent
 * @param category       the workload class the dataset inferred: Delay-insensitive,
 *                       Interactive or Unknown
 * @param cores          virtual cores (the dataset's size bucket)
 * @param memoryGb       memory in GB (the dataset's size bucket)
 */
public record AzureVm(
        String vmId,
        String subscriptionId,
        String deploymentId,
        long created,
        long deleted,
        double maxCpu,
        double avgCpu,
        double p95MaxCpu,
        String category,
        int cores,
        double memoryGb) implements WorkArrival {

    @Override
    public long time() {
        return created;
    }

    @Override
    public long lifetime() {
        return deleted - created;
    }

    @Override
    public double vcpus() {
        return cores;
    }

    @Override
    public double memoryMib() {
        return memoryGb * 1024;
    }
}
