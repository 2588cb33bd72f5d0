package io.stratus.lb;

import io.stratus.sim.Time;

/**
 * A target group's health check.
 *
 * <p>Probe model: a probe is a tiny request of {@code probeWorkMicros} of CPU sent to the target
 * every {@code interval}. It passes when the instance is running, its application has not
 * failed, the traffic filter lets the probe through, and its response time is within the
 * timeout. The response time is estimated at the moment of the probe from the target's
 * processor-sharing queue: with {@code n} requests in progress on {@code c} vCPUs, the probe
 * gets {@code min(1, c / (n + 1))} of a vCPU, so it takes
 * {@code probeWork * max(1, (n + 1) / c)} if the load stays as it is. A target is
 * <em>overloaded</em> when that estimate exceeds the timeout. The probe itself does not load the
 * CPU (its work is negligible against real requests), and its verdict counts at once.
 *
 * @param intervalMicros     time between probes (ALB: 5 s to 300 s, default 30 s)
 * @param timeoutMicros      a probe slower than this fails (ALB default 5 s; less than the interval)
 * @param healthyThreshold   consecutive passes that make an unhealthy target healthy (default 5)
 * @param unhealthyThreshold consecutive failures that make a healthy target unhealthy (default 2)
 * @param probeWorkMicros    CPU work of the health-check endpoint
 */
public record HealthCheckSettings(long intervalMicros, long timeoutMicros, int healthyThreshold,
                                  int unhealthyThreshold, long probeWorkMicros) {

    public HealthCheckSettings {
        if (intervalMicros < Time.seconds(5) || intervalMicros > Time.seconds(300)) {
            throw new IllegalArgumentException("health check interval must be 5s to 300s, got "
                    + Time.format(intervalMicros));
        }
        if (timeoutMicros <= 0 || timeoutMicros >= intervalMicros) {
            throw new IllegalArgumentException("health check timeout must be positive and shorter than the interval, got "
                    + Time.format(timeoutMicros));
        }
        if (healthyThreshold < 2 || healthyThreshold > 10 || unhealthyThreshold < 2 || unhealthyThreshold > 10) {
            throw new IllegalArgumentException("health check thresholds must be 2 to 10, got healthy "
                    + healthyThreshold + ", unhealthy " + unhealthyThreshold);
        }
        if (probeWorkMicros <= 0) {
            throw new IllegalArgumentException("probe work must be positive");
        }
    }

    /** The ALB defaults: every 30 s, 5 s timeout, healthy after 5 passes, unhealthy after 2 failures, 1 ms probes. */
    public static HealthCheckSettings albDefaults() {
        return new HealthCheckSettings(Time.seconds(30), Time.seconds(5), 5, 2, Time.MILLISECOND);
    }

    /** Whether a probe of a target with {@code outstanding} requests on {@code vcpus} vCPUs answers in time. */
    public boolean answersInTime(int outstanding, int vcpus) {
        double slowdown = Math.max(1.0, (outstanding + 1) / (double) vcpus);
        return probeWorkMicros * slowdown <= timeoutMicros;
    }
}
