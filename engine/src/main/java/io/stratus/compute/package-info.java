/**
 * Instance types, the catalogue they come from, instances and their lifecycle.
 *
 * <p>Invariants: an {@link io.stratus.compute.InstanceType} is an immutable spec read from the
 * real EC2 catalogue; an instance changes state only along the transitions of the EC2
 * lifecycle ({@link io.stratus.compute.InstanceState#canMoveTo}); every state change is
 * announced to the {@link io.stratus.compute.InstanceListener}s in registration order.
 */
package io.stratus.compute;
