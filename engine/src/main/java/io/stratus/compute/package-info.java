/**
 * Instance types, the catalogue they come from, AMIs, instances and their lifecycle, tenancy, and
 * each type's CPU performance ({@link io.stratus.compute.PerformanceCatalog}: CoreMark-fitted
 * speed relative to the m5.large reference vCPU, hyperthreads, processor family).
 *
 * <p>Invariants: an {@link io.stratus.compute.InstanceType} is an immutable spec read from the
 * real EC2 catalogue; an instance changes state only along the transitions of the EC2
 * lifecycle ({@link io.stratus.compute.InstanceState#canMoveTo}); every state change is
 * announced to the {@link io.stratus.compute.InstanceListener}s in registration order; an
 * instance holds host resources, and its slot in its placement group, from pending until stopped
 * or terminated; a host holding a dedicated instance holds only that tenant's instances, and a
 * dedicated host only its owner's ({@link io.stratus.placement.HostOccupancy}, the one tenancy
 * rule, applied by {@link io.stratus.placement.Placer}).
 */
package io.stratus.compute;
