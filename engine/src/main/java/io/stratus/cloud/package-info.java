/**
 * A facade for using the engine from Java: {@link io.stratus.cloud.CloudBuilder} wires a region,
 * its hosts, the fleet, the hypervisor's CPU sharing, and one load-balanced service per
 * {@link io.stratus.cloud.ServiceBuilder} (a target group, an Application Load Balancer, a fixed
 * fleet or an Auto Scaling group, a request source, a latency recorder and on-demand billing), and
 * {@link io.stratus.cloud.Cloud} runs it and answers per service.
 *
 * <p>Invariants: a {@link io.stratus.cloud.Cloud} is only ever built complete. Wiring the parts
 * by hand is easy to get silently wrong (a target group the fleet does not tell of state changes
 * never sees a healthy target, so every request is refused; a latency recorder nobody tells of
 * completions reports a NaN mean); the builder does every such step itself and refuses an
 * incomplete description with an {@link io.stratus.cloud.IncompleteWiringException} listing every
 * missing part at once. The facade adds no model of its own: it is the package at the top of the
 * engine's order and uses only public engine types.
 */
package io.stratus.cloud;
