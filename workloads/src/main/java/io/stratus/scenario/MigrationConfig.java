package io.stratus.scenario;

/**
 * Dynamic consolidation by live migration with two thresholds on host utilisation.
 *
 * @param upper         a host whose VMs demanded more than this fraction of its threads in the
 *                      last interval is overloaded: VMs leave it
 * @param lower         a host below this fraction is underloaded: it is emptied and switched off
 *                      when its VMs fit elsewhere under {@code upper}
 * @param bandwidthMbps the network bandwidth one migration copies memory at, Mbit/s
 * @param degradation   the fraction of a VM's delivered CPU lost while it migrates
 */
public record MigrationConfig(double upper, double lower, double bandwidthMbps, double degradation) {

    /** CloudSim's assumption for the performance lost during a live migration: 10% of the VM's CPU. */
    public static final double DEFAULT_DEGRADATION = 0.10;

    public MigrationConfig {
        if (!(lower >= 0 && lower < upper && upper <= 1)) {
            throw new IllegalArgumentException("need 0 <= lower < upper <= 1, got lower " + lower + ", upper " + upper);
        }
        if (!(bandwidthMbps > 0) || !(degradation >= 0 && degradation <= 1)) {
            throw new IllegalArgumentException("bad bandwidth " + bandwidthMbps + " or degradation " + degradation);
        }
    }

    /** Seconds to copy {@code memoryMib} of memory once (no dirty-page rounds). */
    public double migrationSeconds(long memoryMib) {
        return memoryMib * 8.0 * 1.048576 / bandwidthMbps;
    }
}
