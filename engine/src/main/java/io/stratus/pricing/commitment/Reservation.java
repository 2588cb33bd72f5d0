package io.stratus.pricing.commitment;

import io.stratus.compute.InstanceType;
import java.util.Objects;

/**
 * A Linux Reserved Instance purchase: {@code count} reservations of one type on one offering,
 * paid whether used or not.
 * <ul>
 *   <li><b>Regional</b> ({@code zone} {@link #REGIONAL}): each clock hour it covers up to
 *       {@code count} times the type's normalization factor of running usage of its family, in
 *       any zone of the region and of any size (size flexibility).</li>
 *   <li><b>Zonal</b> ({@code zone} a zone index): it covers up to {@code count} instance-hours of
 *       exactly its type in exactly its zone (no size flexibility), and is applied before
 *       regional reservations, as AWS applies them. AWS also reserves capacity for a zonal
 *       reservation; the simulator does not hold hosts for it (launches compete for hosts as any
 *       other): the model is of the bill only.</li>
 * </ul>
 * Default-tenancy usage only: Reserved Instances of dedicated tenancy are not modelled.
 *
 * @param type                the reserved type
 * @param count               how many reservations
 * @param offering            term, class and payment
 * @param effectiveUsdPerHour one reservation's rate with the upfront amortised over the term
 *                            (see {@link ReservedRates})
 * @param zone                the zone index of a zonal reservation, or {@link #REGIONAL}
 */
public record Reservation(InstanceType type, int count, ReservedOffering offering, double effectiveUsdPerHour,
                          int zone) {

    /** The zone of a regional reservation. */
    public static final int REGIONAL = -1;

    public Reservation {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(offering, "offering");
        if (count <= 0) {
            throw new IllegalArgumentException("a reservation needs a positive count, got " + count);
        }
        if (!(effectiveUsdPerHour >= 0)) {
            throw new IllegalArgumentException("bad reserved rate " + effectiveUsdPerHour);
        }
        if (zone < REGIONAL) {
            throw new IllegalArgumentException("bad zone " + zone);
        }
    }

    /** A regional reservation. */
    public Reservation(InstanceType type, int count, ReservedOffering offering, double effectiveUsdPerHour) {
        this(type, count, offering, effectiveUsdPerHour, REGIONAL);
    }

    /** This reservation made zonal, in zone {@code zoneIndex}. */
    public Reservation inZone(int zoneIndex) {
        if (zoneIndex < 0) {
            throw new IllegalArgumentException("a zonal reservation needs a zone, got " + zoneIndex);
        }
        return new Reservation(type, count, offering, effectiveUsdPerHour, zoneIndex);
    }

    /** Whether it is zonal (one zone, one type, no size flexibility). */
    public boolean isZonal() {
        return zone != REGIONAL;
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

    /** A label such as {@code 2 x m5.xlarge 1y-standard-no-upfront}, with {@code zonal (zone 0)} for a zonal one. */
    public String label() {
        return count + " x " + type.name() + " " + offering.label() + (isZonal() ? " zonal (zone " + zone + ")" : "");
    }
}
