package io.stratus.scenario;

import io.stratus.scaling.HealthCheckType;

/**
 * A service's Auto Scaling group: its size bounds and timings, and its scaling policies.
 *
 * @param min                   minimum capacity
 * @param desired               initial desired capacity
 * @param max                   maximum capacity
 * @param warmupMicros          instance warm-up: new instances stay out of the metrics this long
 * @param cooldownMicros        simple-scaling cooldown
 * @param healthCheckGraceMicros grace period before ELB health checks can replace an instance
 * @param targetMetric          target tracking metric: {@code cpu} or {@code requests-per-target}, or null
 * @param targetValue           target tracking target (percent CPU, or requests per target per minute)
 * @param predictive            whether predictive scaling is on (it never scales in)
 * @param predictiveLoadPerInstance busy vCPUs one instance should carry, for the forecast
 * @param predictiveBufferMicros how long before each hour predictive capacity is raised
 * @param healthCheckType       EC2 (instance state only) or ELB (the load balancer's health checks too)
 * @param policies              step, simple and scheduled scaling
 * @param capacityRebalance     whether a spot instance is replaced at its rebalance recommendation or
 *                              interruption notice, before EC2 reclaims it ({@code capacity-rebalance})
 * @param mixedInstances        its instance types with weights and spot allocation strategy, or null for the
 *                              launch's type alone ({@code mixed-instances})
 */
public record AutoScalingConfig(int min, int desired, int max, long warmupMicros, long cooldownMicros,
                                long healthCheckGraceMicros, String targetMetric, double targetValue,
                                boolean predictive, double predictiveLoadPerInstance, long predictiveBufferMicros,
                                HealthCheckType healthCheckType, AlarmPoliciesConfig policies,
                                boolean capacityRebalance, MixedInstancesConfig mixedInstances) {

    public AutoScalingConfig {
        java.util.Objects.requireNonNull(healthCheckType, "healthCheckType");
        java.util.Objects.requireNonNull(policies, "policies");
    }

    /** This group with a mixed instances policy. */
    public AutoScalingConfig withMixedInstances(MixedInstancesConfig mixed) {
        return new AutoScalingConfig(min, desired, max, warmupMicros, cooldownMicros, healthCheckGraceMicros,
                targetMetric, targetValue, predictive, predictiveLoadPerInstance, predictiveBufferMicros,
                healthCheckType, policies, capacityRebalance, mixed);
    }
}
