package io.stratus.scaling;

/** Which health an Auto Scaling group acts on. */
public enum HealthCheckType {
    /** Only the instance's state: an instance that stops running is replaced. */
    EC2,
    /** Also the load balancer's health checks: an unhealthy target is replaced (after the grace period). */
    ELB
}
