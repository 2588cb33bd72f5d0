package io.stratus.trace;

/**
 * One PlanetLab CPU reading (CoMon, as distributed with CloudSim): the utilisation of one VM over
 * one sampling interval.
 *
 * @param vmId       the VM: its file name, spaces and all
 * @param time       start of the interval, microseconds since the start of the file's day
 * @param cpuPercent mean CPU utilisation over the interval, whole percent, 0 to 100
 */
public record PlanetLabSample(String vmId, long time, int cpuPercent) implements UtilisationSample {

    @Override
    public double cpuUtilisation() {
        return cpuPercent / 100.0;
    }
}
