package io.stratus.pricing;

import io.stratus.pricing.commitment.CapacityReservation;
import io.stratus.pricing.commitment.Reservation;
import io.stratus.pricing.commitment.SavingsPlan;
import java.util.List;

/**
 * What an account has committed to pay for every hour, whatever it uses: reservations, savings
 * plans, allocated Dedicated Hosts and On-Demand Capacity Reservations. Zonal reservations are
 * applied first, then regional ones, each in list order, then savings plans, as AWS applies them.
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

    /** Fixed per-hour cost of all of them, amortised. */
    public double usdPerHour(PriceBook prices) {
        double total = 0;
        for (Reservation r : reservations) {
            total += r.amortisedUsdPerHour();
        }
        for (SavingsPlan p : plans) {
            total += p.commitmentUsdPerHour();
        }
        for (HostAllocation h : hosts) {
            total += h.hosts() * prices.dedicatedHostUsdPerHour(h.family());
        }
        for (CapacityReservation c : capacity) {
            total += c.count() * prices.onDemandUsdPerHour(c.type());
        }
        return total;
    }
}
