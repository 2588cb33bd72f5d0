package io.stratus.pricing;

import io.stratus.pricing.commitment.Reservation;
import io.stratus.pricing.commitment.SavingsPlan;
import java.util.List;

/**
 * What an account has committed to pay for every hour, whatever it uses: reservations, savings
 * plans and allocated Dedicated Hosts. Reservations are applied before savings plans, in list
 * order, as AWS applies them.
 */
public record Commitments(List<Reservation> reservations, List<SavingsPlan> plans, List<HostAllocation> hosts) {

    /** No commitment. */
    public static final Commitments NONE = new Commitments(List.of(), List.of(), List.of());

    public Commitments {
        reservations = List.copyOf(reservations);
        plans = List.copyOf(plans);
        hosts = List.copyOf(hosts);
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
        return total;
    }
}
