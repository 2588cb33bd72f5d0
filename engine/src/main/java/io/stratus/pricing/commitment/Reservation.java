package io.stratus.pricing.commitment;

import io.stratus.compute.InstanceType;
import java.util.Objects;

/**
 * A regional Linux Reserved Instance purchase: {@code count} reservations of one type on one
 * offering. Each clock hour it covers up to {@code count} times the type's normalization factor
 * of running usage of its family, in any zone of the region and of any size (size
 * flexibility), and it is paid whether used or not.
 *
 * @param type                the reserved type
 * @param count               how many reservations
 * @param offering            term, class and payment
 * @param effectiveUsdPerHour one reservation's rate with the upfront amortised over the term
 *                            (see {@link ReservedRates})
 */
public record Reservation(InstanceType type, int count, ReservedOffering offering, double effectiveUsdPerHour) {

    public Reservation {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(offering, "offering");
        if (count <= 0) {
            throw new IllegalArgumentException("a reservation needs a positive count, got " + count);
        }
        if (!(effectiveUsdPerHour >= 0)) {
            throw new IllegalArgumentException("bad reserved rate " + effectiveUsdPerHour);
        }
    }

    /** A reservation priced from the bundled ratios. */
    public static Reservation of(InstanceType type, int count, ReservedOffering offering) {
        return new Reservation(type, count, offering, ReservedRates.bundled().effectiveUsdPerHour(type, offering));
    }

    /** What all {@code count} reservations cost per hour for reporting: upfront amortised plus hourly fee. */
    public double amortisedUsdPerHour() {
        return count * effectiveUsdPerHour;
    }

    /** Paid once at purchase for the whole term. */
    public double upfrontUsd() {
        return amortisedUsdPerHour() * offering.termHours() * offering.payment().upfrontShare();
    }

    /** The recurring hourly fee, paid every hour of the term. */
    public double recurringUsdPerHour() {
        return amortisedUsdPerHour() * (1 - offering.payment().upfrontShare());
    }

    /**
     * The fraction of hours the reserved capacity must be used for the reservation to cost less
     * than the same usage on demand: effective rate / on-demand rate.
     */
    public double breakEvenUtilisation() {
        return effectiveUsdPerHour / type.onDemandUsdPerHour();
    }

    /** A label such as {@code 2 x m5.xlarge 1y-standard-no-upfront}. */
    public String label() {
        return count + " x " + type.name() + " " + offering.label();
    }
}
