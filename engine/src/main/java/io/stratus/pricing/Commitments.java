package io.stratus.pricing;

import io.stratus.pricing.commitment.CapacityReservation;
import io.stratus.pricing.commitment.Reservation;
import io.stratus.pricing.commitment.SavingsPlan;
import java.util.List;

/**
 * What an account has committed to pay for every hour, whatever it uses: reservations, savings
 * plans, allocated Dedicated Hosts and On-Demand Capacity Reservations. Capacity reservations are
 * applied first (they take matching usage, and their unused part becomes usage to cover), then
 * zonal reservations, then regional ones, each in list order, then savings plans, as AWS applies
 * them ({@link CostCalculator}).
 */
public record Commitments(List<Reservation> reservations, List<SavingsPlan> plans, List<HostAllocation> hosts,
                          List<CapacityReservation> capacity) {

    /** No commitment. */
    public static final Commitments NONE = new Commitments(List.of(), List.of(), List.of());

    public Commitments {
        reservations = List.copyOf(reservations);
        plans = List.copyOf(plans);
        hosts = List.copyOf(hosts);
        capacity = List.copyOf(capacity);
    }

    /** Commitments without capacity reservations. */
    public Commitments(List<Reservation> reservations, List<SavingsPlan> plans, List<HostAllocation> hosts) {
        this(reservations, plans, hosts, List.of());
    }

    /** These commitments and {@code other}'s together (this one's first in each list). */
    public Commitments plus(Commitments other) {
        return new Commitments(concat(reservations, other.reservations), concat(plans, other.plans),
                concat(hosts, other.hosts), concat(capacity, other.capacity));
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> out = new java.util.ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
