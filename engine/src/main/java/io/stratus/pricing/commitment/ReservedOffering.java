package io.stratus.pricing.commitment;

import java.util.Objects;

/**
 * The terms of an EC2 Reserved Instance offering: term, offering class and payment option.
 *
 * @param termYears 1 or 3
 * @param offeringClass standard (cheaper, fixed family) or convertible (exchangeable)
 * @param payment   how much is paid upfront
 */
public record ReservedOffering(int termYears, OfferingClass offeringClass, Payment payment) {

    /** Hours in a term year as AWS prices them (365 days). */
    public static final long HOURS_PER_YEAR = 8760;

    /** Standard or convertible. */
    public enum OfferingClass { STANDARD, CONVERTIBLE }

    /**
     * How the term is paid. The price tables give only the effective hourly rate; the split of
     * partial upfront into an upfront and an hourly part is assumed to be half and half, which
     * is close to AWS's published partial-upfront offerings and does not change the effective
     * (amortised) cost used in reports.
     */
    public enum Payment {
        NO_UPFRONT(0.0), PARTIAL_UPFRONT(0.5), ALL_UPFRONT(1.0);

        private final double upfrontShare;

        Payment(double upfrontShare) {
            this.upfrontShare = upfrontShare;
        }

        /** The share of the term's effective cost paid at purchase. */
        public double upfrontShare() {
            return upfrontShare;
        }
    }

    public ReservedOffering {
        if (termYears != 1 && termYears != 3) {
            throw new IllegalArgumentException("reservation terms are 1 or 3 years, got " + termYears);
        }
        Objects.requireNonNull(offeringClass, "offeringClass");
        Objects.requireNonNull(payment, "payment");
    }

    /** The term in hours. */
    public long termHours() {
        return termYears * HOURS_PER_YEAR;
    }

    /** A short name such as {@code 1y-standard-no-upfront}. */
    public String label() {
        return termYears + "y-" + offeringClass.name().toLowerCase() + "-"
                + payment.name().toLowerCase().replace('_', '-');
    }
}
