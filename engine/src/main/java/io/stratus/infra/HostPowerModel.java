package io.stratus.infra;

/**
 * A linear host power model: a host that runs at least one VM draws
 * {@code idle + (peak - idle) * u} watts, with {@code u} the fraction of its physical threads busy;
 * a host with no VM is switched off and draws nothing.
 *
 * <p>Simplified, as in CloudSim's {@code PowerModelLinear}: real servers (SPECpower_ssj2008) are
 * close to linear between idle and full load but not exactly; switching a host on or off is free
 * and instant; cooling and the network are not counted. The wattages come from the scenario file,
 * which should name their source.
 *
 * @param idleWatts power of a switched-on host with nothing running
 * @param peakWatts power of a host with every thread busy
 */
public record HostPowerModel(double idleWatts, double peakWatts) {

    public HostPowerModel {
        if (!(idleWatts >= 0) || !(peakWatts >= idleWatts)) {
            throw new IllegalArgumentException("need 0 <= idle <= peak watts, got idle " + idleWatts
                    + ", peak " + peakWatts);
        }
    }

    /** Watts drawn by a switched-on host whose threads are busy at {@code utilisation} (0 to 1). */
    public double watts(double utilisation) {
        return idleWatts + (peakWatts - idleWatts) * utilisation;
    }
}
