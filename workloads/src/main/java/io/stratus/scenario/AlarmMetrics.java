package io.stratus.scenario;

import java.util.List;

/**
 * The metrics an alarm may watch, named {@code <workload>/<metric>}: a service's or a queue's
 * name, a slash, and one of the names below. They are the CloudWatch metrics the run publishes
 * every minute:
 * <ul>
 *   <li>{@code cpu}: AWS/EC2 CPUUtilization of the group, percent (warm in-service instances;
 *       Average, Maximum, p99 and the rest);</li>
 *   <li>{@code in-service}, {@code desired}: AWS/AutoScaling GroupInServiceInstances and
 *       GroupDesiredCapacity;</li>
 *   <li>{@code requests-per-target}: AWS/ApplicationELB RequestCountPerTarget (a service's);</li>
 *   <li>{@code request-count}: AWS/ApplicationELB RequestCount, the requests the load balancer
 *       routed in the minute (a service's, with a fixed fleet too);</li>
 *   <li>{@code response-time}: AWS/ApplicationELB TargetResponseTime in milliseconds, one
 *       sample per request when its CPU work completes (a service's without an io stage or a
 *       cache, whose requests would finish later); p99 tracked;</li>
 *   <li>{@code backlog-per-instance}: visible messages per in-service worker (a queue's).</li>
 * </ul>
 */
public final class AlarmMetrics {

    /** A service with an Auto Scaling group. */
    public static final List<String> SCALED_SERVICE = List.of("cpu", "request-count", "response-time",
            "requests-per-target", "in-service", "desired");
    /** A service with a fixed fleet. */
    public static final List<String> FIXED_SERVICE = List.of("request-count", "response-time");
    /** A queue's workers. */
    public static final List<String> QUEUE = List.of("cpu", "backlog-per-instance", "in-service", "desired");
    /** Metrics with a tracked 99th percentile. */
    public static final List<String> WITH_P99 = List.of("cpu", "response-time");

    private AlarmMetrics() {
    }
}
