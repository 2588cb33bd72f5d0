package io.stratus.pricing;

import static io.stratus.pricing.TestFleet.M5_LARGE;
import static io.stratus.pricing.TestFleet.M5_XLARGE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.stratus.compute.Instance;
import io.stratus.compute.LaunchSpec;
import io.stratus.infra.Tenancy;
import io.stratus.pricing.commitment.CapacityReservation;
import io.stratus.pricing.commitment.Reservation;
import io.stratus.pricing.commitment.ReservedOffering;
import io.stratus.pricing.commitment.ReservedOffering.OfferingClass;
import io.stratus.pricing.commitment.ReservedOffering.Payment;
import io.stratus.pricing.commitment.SavingsPlan;
import io.stratus.sim.Time;
import io.stratus.spot.MeanRevertingSpotPrices;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Bills with the commitment rules of EC2 that the first pricing model lacked, worked by hand
 * from the real prices: m5.large $0.096/h, m5.xlarge $0.192/h on demand (catalogue); Dedicated
 * Instance price = 1.10 x on demand (prices-us-east-1.properties); m5 reserved ratios, the
 * general-purpose medians: 1-year standard no upfront 0.62, 1-year convertible no upfront
 * 0.7125 (reserved-ratios-us-east-1.csv), so a compute plan's m5.large rate is $0.0684/h and
 * a reservation's $0.05952/h.
 */
class CommitmentBillsTest {

    private static final double EPS = 1e-9;
    private static final ReservedOffering STANDARD_1Y = new ReservedOffering(1, OfferingClass.STANDARD, Payment.NO_UPFRONT);

    private final TestFleet region = new TestFleet(11);
    private final PriceBook prices = PriceBook.bundled();
    private final CostCalculator calculator = new CostCalculator(prices, new MeanRevertingSpotPrices(prices.spot(), 1));
    private final UsageMeter meter = new UsageMeter();

    private Instance m5(io.stratus.compute.InstanceType type, int zone) {
        return region.instance(region.launch(type, zone));
    }

    private Instance dedicatedM5large() {
        return region.instance(region.fleet.launch(new LaunchSpec(M5_LARGE, 0, 0, 0).withTenancy(0, Tenancy.DEDICATED)));
    }

    private Bill price(long end, Commitments c) {
        meter.close(end);
        return calculator.price(meter.ledger(), null, c, end);
    }

    private static Commitments reservations(Reservation... r) {
        return new Commitments(List.of(r), List.of(), List.of());
    }

    @Test
    void theRatiosAreTheOnesWorkedBelow() {
        assertThat(M5_LARGE.onDemandUsdPerHour()).isEqualTo(0.096);
        assertThat(prices.dedicatedInstanceUsdPerHour(M5_LARGE)).isCloseTo(0.1056, within(EPS));
        assertThat(prices.reserved().ratio(M5_LARGE, STANDARD_1Y)).isCloseTo(0.62, within(EPS));
        assertThat(new SavingsPlan(SavingsPlan.Kind.COMPUTE, null, 1, 1).ratio(M5_LARGE, prices.reserved()))
                .isCloseTo(0.7125, within(EPS));
    }

    @Test
    void aComputeSavingsPlanCoversADedicatedInstance() {
        // one m5.large Dedicated Instance for 1 h: dedicated price $0.1056/h, plan rate 0.1056 x 0.7125
        // = $0.07524/h. A $0.05/h plan buys 0.05 / 0.07524 = 0.664540 h; the other 0.335460 h at the
        // dedicated price = $0.035424; with the $0.05 commitment and the $2 region fee (never covered):
        // $2.085424
        TestFleet.runInterval(meter, dedicatedM5large(), 0, Time.HOUR);
        SavingsPlan plan = new SavingsPlan(SavingsPlan.Kind.COMPUTE, null, 1, 0.05);
        Bill bill = price(Time.HOUR, new Commitments(List.of(), List.of(plan), List.of()));
        double planHours = 0.05 / (0.1056 * 0.7125);
        assertThat(planHours).isCloseTo(0.664540, within(1e-6));
        assertThat(bill.byCategory().get(CostCategory.DEDICATED_INSTANCE)).isCloseTo((1 - planHours) * 0.1056,
                within(1e-9));
        assertThat(bill.byCategory().get(CostCategory.DEDICATED_REGION_FEE)).isCloseTo(2.0, within(EPS));
        assertThat(bill.totalUsd()).isCloseTo(0.05 + (1 - planHours) * 0.1056 + 2.0, within(1e-9));
        assertThat(bill.totalUsd()).isCloseTo(2.085424, within(1e-6));
    }

    @Test
    void anEc2InstanceSavingsPlanOfTheFamilyCoversADedicatedInstanceWhole() {
        // EC2 Instance plan, m5, 1 y: rate 0.1056 x 0.62 = $0.065472/h; a $0.07/h plan covers the hour
        // whole: no Dedicated Instance line, utilisation 0.065472 / 0.07 = 0.935314; total $0.07 + $2 fee
        TestFleet.runInterval(meter, dedicatedM5large(), 0, Time.HOUR);
        SavingsPlan plan = new SavingsPlan(SavingsPlan.Kind.EC2_INSTANCE, "m5", 1, 0.07);
        Bill bill = price(Time.HOUR, new Commitments(List.of(), List.of(plan), List.of()));
        assertThat(bill.byCategory()).doesNotContainKey(CostCategory.DEDICATED_INSTANCE);
        assertThat(bill.commitments().get(0).utilisation()).isCloseTo(0.1056 * 0.62 / 0.07, within(1e-9));
        assertThat(bill.totalUsd()).isCloseTo(2.07, within(EPS));
    }

    @Test
    void savingsPlanSizingCountsDedicatedUsage() {
        // savings-plan strategy at 100%: one shared and one dedicated m5.large for 1 h, valued at plan
        // rates: 0.096 x 0.7125 + 0.1056 x 0.7125 = $0.14364/h committed, so neither pays on demand
        TestFleet.runInterval(meter, m5(M5_LARGE, 0), 0, Time.HOUR);
        TestFleet.runInterval(meter, dedicatedM5large(), 0, Time.HOUR);
        meter.close(Time.HOUR);
        Commitments c = PurchaseStrategy.savingsPlan(SavingsPlan.Kind.COMPUTE, null, 1, 1.0)
                .commitments(meter.ledger(), prices);
        assertThat(c.plans().get(0).commitmentUsdPerHour()).isCloseTo(0.14364, within(1e-9));
        Bill bill = calculator.price(meter.ledger(), null, c, Time.HOUR);
        assertThat(bill.totalUsd()).isCloseTo(0.14364 + 2.0, within(1e-6));
    }

    @Test
    void aZonalReservationCoversOnlyItsZone() {
        // one m5.large in zone 0 and one in zone 1 for 10 h; one zonal m5.large reservation in zone 0:
        // reserved 0.05952 x 10 = $0.5952 covers zone 0; zone 1 on demand 0.096 x 10 = $0.96: $1.5552
        TestFleet.runInterval(meter, m5(M5_LARGE, 0), 0, 10 * Time.HOUR);
        TestFleet.runInterval(meter, m5(M5_LARGE, 1), 0, 10 * Time.HOUR);
        Bill bill = price(10 * Time.HOUR, reservations(Reservation.of(M5_LARGE, 1, STANDARD_1Y).inZone(0)));
        assertThat(bill.byCategory().get(CostCategory.RESERVED)).isCloseTo(0.5952, within(EPS));
        assertThat(bill.byCategory().get(CostCategory.ON_DEMAND)).isCloseTo(0.96, within(EPS));
        assertThat(bill.totalUsd()).isCloseTo(1.5552, within(EPS));
        assertThat(bill.coverage().get(0).reserved()).isEqualTo(Time.HOUR);
    }

    @Test
    void aZonalReservationHasNoSizeFlexibility() {
        // one m5.xlarge in zone 0 for 10 h, two zonal m5.large reservations in zone 0 (a regional pair
        // would cover it: 2 x 4 units = 8): they cover nothing. Reserved 2 x 0.05952 x 10 = $1.1904,
        // on demand 0.192 x 10 = $1.92: $3.1104
        TestFleet.runInterval(meter, m5(M5_XLARGE, 0), 0, 10 * Time.HOUR);
        Bill bill = price(10 * Time.HOUR, reservations(Reservation.of(M5_LARGE, 2, STANDARD_1Y).inZone(0)));
        assertThat(bill.byCategory().get(CostCategory.ON_DEMAND)).isCloseTo(1.92, within(EPS));
        assertThat(bill.totalUsd()).isCloseTo(3.1104, within(EPS));
        assertThat(bill.commitments().get(0).utilisation()).isZero();
    }

    @Test
    void zonalReservationsApplyBeforeRegionalOnes() {
        // m5.large in zones 0 and 1 for 1 h; a regional m5.large reservation listed first, then a zonal
        // one in zone 0. Zonal first: it takes zone 0, the regional one zone 1: nothing on demand,
        // 2 x $0.05952. (In list order the regional one would take zone 0 and zone 1 would pay $0.096.)
        TestFleet.runInterval(meter, m5(M5_LARGE, 0), 0, Time.HOUR);
        TestFleet.runInterval(meter, m5(M5_LARGE, 1), 0, Time.HOUR);
        Bill bill = price(Time.HOUR, reservations(Reservation.of(M5_LARGE, 1, STANDARD_1Y),
                Reservation.of(M5_LARGE, 1, STANDARD_1Y).inZone(0)));
        assertThat(bill.byCategory()).doesNotContainKey(CostCategory.ON_DEMAND);
        assertThat(bill.totalUsd()).isCloseTo(2 * 0.05952, within(EPS));
    }

    @Test
    void aCapacityReservationBillsItsUnusedPartAtTheOnDemandRate() {
        // a capacity reservation of 2 m5.large in zone 0 for 10 h, one m5.large running there: the
        // instance on demand 0.096 x 10 = $0.96 and the unused one 0.096 x 10 = $0.96: $1.92,
        // utilisation 0.5. An m5.large in zone 1 does not use it.
        TestFleet.runInterval(meter, m5(M5_LARGE, 0), 0, 10 * Time.HOUR);
        TestFleet.runInterval(meter, m5(M5_LARGE, 1), 0, 10 * Time.HOUR);
        Commitments c = new Commitments(List.of(), List.of(), List.of(),
                List.of(new CapacityReservation(M5_LARGE, 0, 2)));
        Bill bill = price(10 * Time.HOUR, c);
        assertThat(bill.byCategory().get(CostCategory.ON_DEMAND)).isCloseTo(2 * 0.96, within(EPS));
        assertThat(bill.byCategory().get(CostCategory.UNUSED_CAPACITY_RESERVATION)).isCloseTo(0.96, within(EPS));
        assertThat(bill.totalUsd()).isCloseTo(2.88, within(EPS));
        assertThat(bill.commitments().get(0).utilisation()).isCloseTo(0.5, within(EPS));
        assertThat(bill.onDemandEquivalentUsd()).as("an unused reservation is not usage").isCloseTo(1.92, within(EPS));
    }

    @Test
    void twoCapacityReservationsOfOneTypeAndZoneShareTheUsageNotCountItTwice() {
        // two reservations of 1 m5.large each in zone 0 for 10 h, one m5.large running there: it runs in
        // the first (on demand 0.096 x 10 = $0.96), the second is unused (0.096 x 10 = $0.96): $1.92,
        // utilisations 1 and 0
        TestFleet.runInterval(meter, m5(M5_LARGE, 0), 0, 10 * Time.HOUR);
        Bill bill = price(10 * Time.HOUR, twoCapacityReservationsOfOneM5Large());
        assertThat(bill.byCategory().get(CostCategory.ON_DEMAND)).isCloseTo(0.96, within(EPS));
        assertThat(bill.byCategory().get(CostCategory.UNUSED_CAPACITY_RESERVATION)).isCloseTo(0.96, within(EPS));
        assertThat(bill.totalUsd()).isCloseTo(1.92, within(EPS));
        assertThat(bill.commitments().get(0).utilisation()).isCloseTo(1, within(EPS));
        assertThat(bill.commitments().get(1).utilisation()).isCloseTo(0, within(EPS));
    }

    @Test
    void twoCapacityReservationsOfOneTypeAndZoneEachHoldOneOfTwoInstances() {
        // the same two reservations, two m5.large running in zone 0 for 10 h: both used, nothing unused,
        // 2 x 0.096 x 10 = $1.92 on demand
        TestFleet.runInterval(meter, m5(M5_LARGE, 0), 0, 10 * Time.HOUR);
        TestFleet.runInterval(meter, m5(M5_LARGE, 0), 0, 10 * Time.HOUR);
        Bill bill = price(10 * Time.HOUR, twoCapacityReservationsOfOneM5Large());
        assertThat(bill.byCategory()).doesNotContainKey(CostCategory.UNUSED_CAPACITY_RESERVATION);
        assertThat(bill.totalUsd()).isCloseTo(1.92, within(EPS));
        assertThat(bill.commitments().get(0).utilisation()).isCloseTo(1, within(EPS));
        assertThat(bill.commitments().get(1).utilisation()).isCloseTo(1, within(EPS));
    }

    @Test
    void anUnusedCapacityReservationDoesNotFillAnother() {
        // the same two reservations and nothing running for 10 h: both unused, 2 x 0.096 x 10 = $1.92
        Bill bill = price(10 * Time.HOUR, twoCapacityReservationsOfOneM5Large());
        assertThat(bill.byCategory().get(CostCategory.UNUSED_CAPACITY_RESERVATION)).isCloseTo(1.92, within(EPS));
        assertThat(bill.totalUsd()).isCloseTo(1.92, within(EPS));
        assertThat(bill.commitments().get(1).utilisation()).isCloseTo(0, within(EPS));
    }

    @Test
    void aReservedStrategyBuysOnlyWhatTheHeldReservationsLeaveUncovered() {
        // two m5.large for 10 h, one m5.large reservation held: reserved-1y at 100% buys one more, not two;
        // 2 x 0.05952 x 10 = $1.1904 and nothing on demand
        TestFleet.runInterval(meter, m5(M5_LARGE, 0), 0, 10 * Time.HOUR);
        TestFleet.runInterval(meter, m5(M5_LARGE, 1), 0, 10 * Time.HOUR);
        meter.close(10 * Time.HOUR);
        Commitments held = reservations(Reservation.of(M5_LARGE, 1, STANDARD_1Y));
        Commitments all = PurchaseStrategy.standard("reserved-1y").withCommitments(held)
                .commitments(meter.ledger(), prices);
        assertThat(all.reservations()).hasSize(2);
        assertThat(all.reservations().get(1).count()).isEqualTo(1);
        Bill bill = calculator.price(meter.ledger(), null, all, 10 * Time.HOUR);
        assertThat(bill.byCategory()).doesNotContainKey(CostCategory.ON_DEMAND);
        assertThat(bill.totalUsd()).isCloseTo(1.1904, within(EPS));
    }

    @Test
    void aSavingsPlanStrategyCommitsOnlyWhatTheHeldPlanLeavesUncovered() {
        // two m5.large for 10 h, a compute plan of $0.0684/h held (it pays one of them): savings-plan-1y
        // at 100% commits the other's $0.0684/h, not $0.1368/h; 2 x 0.0684 x 10 = $1.368, nothing on demand
        TestFleet.runInterval(meter, m5(M5_LARGE, 0), 0, 10 * Time.HOUR);
        TestFleet.runInterval(meter, m5(M5_LARGE, 1), 0, 10 * Time.HOUR);
        meter.close(10 * Time.HOUR);
        Commitments held = new Commitments(List.of(), List.of(new SavingsPlan(SavingsPlan.Kind.COMPUTE, null, 1, 0.0684)),
                List.of());
        Commitments all = PurchaseStrategy.standard("savings-plan-1y").withCommitments(held)
                .commitments(meter.ledger(), prices);
        assertThat(all.plans()).hasSize(2);
        assertThat(all.plans().get(1).commitmentUsdPerHour()).isCloseTo(0.0684, within(EPS));
        Bill bill = calculator.price(meter.ledger(), null, all, 10 * Time.HOUR);
        assertThat(bill.totalUsd()).isCloseTo(1.368, within(1e-6));
        assertThat(bill.byCategory().getOrDefault(CostCategory.ON_DEMAND, 0.0)).isCloseTo(0, within(1e-6));
    }

    private static Commitments twoCapacityReservationsOfOneM5Large() {
        return new Commitments(List.of(), List.of(), List.of(),
                List.of(new CapacityReservation(M5_LARGE, 0, 1), new CapacityReservation(M5_LARGE, 0, 1)));
    }

    @Test
    void aZonalReservationCoversACapacityReservationUsedOrNot() {
        // the same reservation of 2 m5.large in zone 0, one running, and two zonal m5.large reservations
        // there: they cover the running one and the unused one: 2 x 0.05952 x 10 = $1.1904 and nothing else
        TestFleet.runInterval(meter, m5(M5_LARGE, 0), 0, 10 * Time.HOUR);
        Commitments c = new Commitments(List.of(Reservation.of(M5_LARGE, 2, STANDARD_1Y).inZone(0)), List.of(),
                List.of(), List.of(new CapacityReservation(M5_LARGE, 0, 2)));
        Bill bill = price(10 * Time.HOUR, c);
        assertThat(bill.byCategory()).doesNotContainKeys(CostCategory.ON_DEMAND,
                CostCategory.UNUSED_CAPACITY_RESERVATION);
        assertThat(bill.totalUsd()).isCloseTo(1.1904, within(EPS));
    }

    @Test
    void aSavingsPlanCoversAnUnusedCapacityReservation() {
        // a capacity reservation of 1 m5.large in zone 0, unused, for 1 h; a compute plan of $0.0684/h
        // pays exactly its hour at $0.0684 (0.096 x 0.7125): no unused-reservation line, total $0.0684
        Commitments c = new Commitments(List.of(), List.of(new SavingsPlan(SavingsPlan.Kind.COMPUTE, null, 1, 0.0684)),
                List.of(), List.of(new CapacityReservation(M5_LARGE, 0, 1)));
        Bill bill = price(Time.HOUR, c);
        assertThat(bill.byCategory().getOrDefault(CostCategory.UNUSED_CAPACITY_RESERVATION, 0.0)).isCloseTo(0,
                within(1e-9));
        assertThat(bill.totalUsd()).isCloseTo(0.0684, within(1e-9));
    }

    @Test
    void aRunEndingMidHourHoldsTheReservationProRata() {
        // 1 capacity reservation of m5.xlarge in zone 1, unused, run of 90 min: 1.5 x $0.192 = $0.288
        Commitments c = new Commitments(List.of(), List.of(), List.of(),
                List.of(new CapacityReservation(M5_XLARGE, 1, 1)));
        Bill bill = price(90 * Time.MINUTE, c);
        assertThat(bill.totalUsd()).isCloseTo(0.288, within(1e-9));
    }
}
