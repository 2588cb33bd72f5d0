/**
 * Load balancing (ELB): the endpoint in front of a group of instances, its listeners and target
 * groups, the health of each target, and how requests are routed over the healthy ones.
 *
 * <p>Invariants: a request goes only to a target that is {@code healthy}, or, when the group
 * fails open (no healthy target), to an {@code unhealthy} running one; never to a target that is
 * initial, draining or not running. Routing algorithms are chosen by name in
 * {@link io.stratus.lb.RoutingAlgorithms}; routing allocates nothing.
 */
package io.stratus.lb;
