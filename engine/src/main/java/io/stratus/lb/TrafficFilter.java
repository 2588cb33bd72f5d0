package io.stratus.lb;

/**
 * Whether the network lets the load balancer reach a target on a port: the targets' security
 * groups must allow inbound traffic from the load balancer. A pluggable predicate until the
 * security-group model exists; it must not allocate (it is asked for every request).
 *
 * <p>Health-check probes go through the same filter, so a target whose security groups refuse
 * the balancer fails its checks and leaves the rotation, as on AWS.
 */
@FunctionalInterface
public interface TrafficFilter {

    /** Lets everything through. */
    TrafficFilter ALLOW_ALL = (instance, port) -> true;

    /** Whether traffic from the load balancer reaches {@code instance} on {@code port}. */
    boolean allows(int instance, int port);
}
