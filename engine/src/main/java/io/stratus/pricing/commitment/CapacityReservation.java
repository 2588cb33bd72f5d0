package io.stratus.pricing.commitment;

import io.stratus.compute.InstanceType;
import java.util.Objects;

/**
 * An On-Demand Capacity Reservation: {@code count} instances of one type in one zone, default
 * tenancy, held for the whole run. EC2 bills it at the on-demand rate whether instances run in
 * it or not: matching running on-demand instances (same type and zone) use it and are billed as
 * usual, and the capacity left unused each hour is billed as unused reservation, at the same
 * rate. Reserved Instances (a zonal one of the same type and zone, or a regional one of the family)
 * and Savings Plans apply to the unused part too, as on EC2.
 *
 * <p>Simplification: the bill is modelled, not the capacity: the simulator does not hold hosts
 * for the reservation (a launch may still find no host), and every matching instance may use it
 * (EC2's "open" instance eligibility).
 *
 * @param type  the instance type
 * @param zone  the zone index
 * @param count reserved instances, at least 1
 */
public record CapacityReservation(InstanceType type, int zone, int count) {

    public CapacityReservation {
        Objects.requireNonNull(type, "type");
        if (zone < 0) {
            throw new IllegalArgumentException("a capacity reservation needs a zone, got " + zone);
        }
        if (count <= 0) {
            throw new IllegalArgumentException("a capacity reservation needs a positive count, got " + count);
        }
    }

    /** A label such as {@code capacity reservation 2 x m5.large zone 0}. */
    public String label() {
        return "capacity reservation " + count + " x " + type.name() + " zone " + zone;
    }
}
