/**
 * Placement: given an instance's demand and a read-only view of the hosts, choose a host. A
 * policy only decides; {@link io.stratus.placement.Placer} (or the fleet) applies the decision by
 * reserving the resources. "No host" is an outcome that the caller records (insufficient
 * capacity), never an exception.
 *
 * <p>Policies are named in {@link io.stratus.placement.PlacementRegistry} and built from a
 * {@link io.stratus.placement.PlacementContext}. Each is a filter-then-score search
 * ({@link io.stratus.placement.IndexedPlacement}): an index over free capacity offers hosts with
 * room in score order, and the first host the filters (tenancy, placement groups) admit wins.
 * The indexes follow the host table through its capacity listener:
 * {@link io.stratus.placement.FreeCapacityTree} (host order: first fit, next fit, random,
 * zone balancing, cluster groups) and {@link io.stratus.placement.FreeThreadBuckets} (free-thread
 * order: best fit, worst fit).
 *
 * <p>Tenancy has one rule, {@link io.stratus.placement.HostOccupancy} (Dedicated Instances,
 * Dedicated Hosts, failed hosts): policies read it as a {@link io.stratus.placement.TenancyView}
 * filter, the {@link io.stratus.placement.Placer} records placements and releases in it, and the
 * fleet places every launch through a placer.
 *
 * <p>Invariants: a policy returns a host that has room for the request in the zone it allows and
 * that every filter admits, or {@link io.stratus.placement.PlacementPolicy#NO_HOST}; the indexed
 * policies choose exactly the host a linear scan by the same rule would (checked by a
 * differential test); placement-group rules hold after every placement and release (checked by a
 * property test). Hot paths allocate nothing.
 *
 * <p>{@link io.stratus.placement.ThresholdConsolidation} plans live migrations of trace-driven VMs
 * (threshold dynamic consolidation) over a read-only {@link io.stratus.placement.VmLoadView}.
 */
package io.stratus.placement;
