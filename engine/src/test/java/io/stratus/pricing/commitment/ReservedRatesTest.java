package io.stratus.pricing.commitment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.stratus.compute.InstanceCatalog;
import io.stratus.pricing.commitment.ReservedOffering.OfferingClass;
import io.stratus.pricing.commitment.ReservedOffering.Payment;
import org.junit.jupiter.api.Test;

/** The derivation of reserved rates and size flexibility, checked against the bundled table. */
class ReservedRatesTest {

    private final InstanceCatalog catalog = InstanceCatalog.bundled();
    private final ReservedRates rates = ReservedRates.bundled();
    private final SizeFlexibility sizes = new SizeFlexibility(catalog);

    @Test
    void aFamilyOf2017UsesItsOwnRatio() {
        // m4, 3-year standard all upfront: median over m4 sizes of the 2017 table, 0.3760
        ReservedOffering o = new ReservedOffering(3, OfferingClass.STANDARD, Payment.ALL_UPFRONT);
        assertThat(rates.ratio(catalog.get("m4.large"), o)).isEqualTo(0.3760);
        assertThat(rates.source(catalog.get("m4.large"), o)).isEqualTo("family m4");
    }

    @Test
    void aNewerFamilyUsesItsCategoryMedian() {
        // c7g is not in the 2017 table: compute optimized median, 1-year convertible no upfront 0.7268
        ReservedOffering o = new ReservedOffering(1, OfferingClass.CONVERTIBLE, Payment.NO_UPFRONT);
        assertThat(rates.ratio(catalog.get("c7g.large"), o)).isEqualTo(0.7268);
        assertThat(rates.source(catalog.get("c7g.large"), o)).isEqualTo("median of compute optimized");
    }

    @Test
    void anOfferingAFamilyDidNotSellFallsBackToTheCategory() {
        // m3 sold no 3-year standard no-upfront in 2017: general purpose median 0.4315
        ReservedOffering o = new ReservedOffering(3, OfferingClass.STANDARD, Payment.NO_UPFRONT);
        assertThat(rates.ratio(catalog.get("m3.large"), o)).isEqualTo(0.4315);
    }

    @Test
    void upfrontIsAmortisedOverTheTerm() {
        // 1 x m5.large 3y standard partial upfront: 0.096 x 0.4000 = $0.0384/h effective; half paid
        // upfront: 0.0384 x 26,280 h / 2 = $504.576, and $0.0192/h
        Reservation r = Reservation.of(catalog.get("m5.large"), 1,
                new ReservedOffering(3, OfferingClass.STANDARD, Payment.PARTIAL_UPFRONT));
        assertThat(r.amortisedUsdPerHour()).isCloseTo(0.0384, within(1e-12));
        assertThat(r.upfrontUsd()).isCloseTo(504.576, within(1e-9));
        assertThat(r.recurringUsdPerHour()).isCloseTo(0.0192, within(1e-12));
    }

    @Test
    void normalizationFactorsInQuarterUnits() {
        assertThat(sizes.quarterUnits(catalog.get("t3.nano"))).isEqualTo(1);
        assertThat(sizes.quarterUnits(catalog.get("m5.large"))).isEqualTo(16);
        assertThat(sizes.quarterUnits(catalog.get("m5.xlarge"))).isEqualTo(32);
        assertThat(sizes.quarterUnits(catalog.get("m5.24xlarge"))).isEqualTo(768);
        // metal is the largest other size of the family
        assertThat(sizes.quarterUnits(catalog.get("m5.metal"))).isEqualTo(768);
        assertThatThrownBy(() -> SizeFlexibility.ofSize("huge", "x.huge")).hasMessageContaining("huge");
    }
}
