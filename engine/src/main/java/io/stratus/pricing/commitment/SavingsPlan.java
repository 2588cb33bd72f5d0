package io.stratus.pricing.commitment;

import io.stratus.compute.InstanceType;
import java.util.Objects;

/**
 * A Savings Plan: a commitment to spend {@code commitmentUsdPerHour} every hour of a 1- or
 * 3-year term. Each clock hour the commitment pays for eligible on-demand usage at the plan's
 * discounted rates, the most discounted usage first; usage beyond it is billed on demand, and
 * an unused commitment is still paid.
 *
 * <p>Compute plans apply to any family (and region); EC2 Instance plans to one family. No
 * public table of Savings Plan rates is bundled, so the rates are derived from the
 * reserved-instance ratios of {@link ReservedRates}, no-upfront payment: a Compute plan at the
 * convertible ratio, an EC2 Instance plan at the standard ratio of the same term. That matches
 * AWS's statement that Compute plans save "up to 66%" like convertible reservations and EC2
 * Instance plans "up to 72%" like standard ones. Plans are assumed no upfront.
 *
 * @param kind                 compute or EC2 instance
 * @param family               the family of an EC2 Instance plan; ignored (may be null) for compute
 * @param termYears            1 or 3
 * @param commitmentUsdPerHour the hourly commitment
 */
public record SavingsPlan(Kind kind, String family, int termYears, double commitmentUsdPerHour) {

    /** The two EC2 plan types. */
    public enum Kind { COMPUTE, EC2_INSTANCE }

    public SavingsPlan {
        Objects.requireNonNull(kind, "kind");
        if (kind == Kind.EC2_INSTANCE) {
            Objects.requireNonNull(family, "an EC2 Instance Savings Plan needs a family");
        }
        if (termYears != 1 && termYears != 3) {
            throw new IllegalArgumentException("savings plan terms are 1 or 3 years, got " + termYears);
        }
        if (!(commitmentUsdPerHour > 0)) {
            throw new IllegalArgumentException("commitment must be positive, got " + commitmentUsdPerHour);
        }
    }

    /** Whether usage of {@code type} is eligible. */
    public boolean covers(InstanceType type) {
        return kind == Kind.COMPUTE || type.family().equals(family);
    }

    /** The plan's rate for {@code type} divided by its on-demand rate. */
    public double ratio(InstanceType type, ReservedRates rates) {
        ReservedOffering.OfferingClass c = kind == Kind.COMPUTE
                ? ReservedOffering.OfferingClass.CONVERTIBLE : ReservedOffering.OfferingClass.STANDARD;
        return rates.ratio(type, new ReservedOffering(termYears, c, ReservedOffering.Payment.NO_UPFRONT));
    }

    /** A label such as {@code compute-1y $1.500/h}. */
    public String label() {
        return (kind == Kind.COMPUTE ? "compute" : "ec2-instance " + family) + "-" + termYears + "y $"
                + String.format(java.util.Locale.ROOT, "%.3f", commitmentUsdPerHour) + "/h";
    }
}
