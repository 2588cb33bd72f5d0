package io.stratus.pricing;

import static io.stratus.pricing.TestFleet.M5_LARGE;
import static io.stratus.pricing.TestFleet.M5_XLARGE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.stratus.compute.Instance;
import io.stratus.compute.LaunchSpec;
import io.stratus.compute.PurchaseOption;
import io.stratus.infra.Tenancy;
import io.stratus.pricing.commitment.Reservation;
import io.stratus.pricing.commitment.ReservedOffering.OfferingClass;
import io.stratus.pricing.commitment.ReservedOffering.Payment;
import io.stratus.pricing.commitment.ReservedOffering;
import io.stratus.pricing.commitment.SavingsPlan;
import io.stratus.sim.Time;
import io.stratus.spot.MeanRevertingSpotPrices;
import io.stratus.spot.SpotPriceProcess;
import io.stratus.storage.VolumeSpec;
import io.stratus.storage.VolumeType;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Bills worked by hand from the real prices: m5.large $0.096/h and m5.xlarge $0.192/h on demand
 * (catalogue, us-east-1, 2026); m5 is newer than the 2017 reserved table, so its reserved ratios
 * are the general-purpose medians: 1-year standard no upfront 0.6200, 1-year convertible no
 * upfront 0.7125 (reserved-ratios-us-east-1.csv).
 */
class HandWorkedBillsTest {

    private static final double EPS = 1e-9;
    private static final ReservedOffering ONE_YEAR_STANDARD_NO_UPFRONT =
            new ReservedOffering(1, OfferingClass.STANDARD, Payment.NO_UPFRONT);

    private final TestFleet region = new TestFleet(7);
    private final PriceBook prices = PriceBook.bundled();
    private final SpotPriceProcess noSpot = new MeanRevertingSpotPrices(prices.spot(), 1);
    private final CostCalculator calculator = new CostCalculator(prices, noSpot);

    private Instance m5large() {
        return region.instance(region.launch(M5_LARGE, 0));
    }

    @Test
    void thirtySecondsBillSixty() {
        // 30 s running, 60 s minimum: 60 s x $0.096 / 3600 s = $0.0016
        UsageMeter meter = new UsageMeter();
        TestFleet.runInterval(meter, m5large(), 0, Time.seconds(30));
        meter.close(Time.seconds(30));
        Bill bill = calculator.price(meter.ledger(), null, Commitments.NONE, Time.seconds(30));
        assertThat(meter.ledger().instanceMicros(0)).isEqualTo(Time.seconds(60));
        assertThat(bill.totalUsd()).isCloseTo(0.0016, within(EPS));
    }

    @Test
    void threeStartStopCyclesBillOnlyRunningTimeWithAMinimumEach() {
        // run 30 s (bills 60), stopped 10 min; run 90.4 s (bills 91), stopped 1 h; run 1 h (bills 3600):
        // 60 + 91 + 3600 = 3751 s x 0.096 / 3600 = $0.100026667; the stopped 70 minutes bill nothing
        UsageMeter meter = new UsageMeter();
        Instance i = m5large();
        long t = 0;
        TestFleet.runInterval(meter, i, t, t += Time.seconds(30));
        t += 10 * Time.MINUTE;
        TestFleet.runInterval(meter, i, t, t += Time.seconds(90.4));
        t += Time.HOUR;
        TestFleet.runInterval(meter, i, t, t += Time.HOUR);
        meter.close(t);
        Bill bill = calculator.price(meter.ledger(), null, Commitments.NONE, t);
        assertThat(meter.ledger().instanceMicros(i.id())).isEqualTo(Time.seconds(3751));
        assertThat(bill.totalUsd()).isCloseTo(3751 * 0.096 / 3600, within(EPS));
    }

    @Test
    void reservationsCoverTwoOfThreeInstancesOverADay() {
        // 3 m5.large for 24 h, 2 reservations 1y standard no upfront at 0.096 x 0.62 = $0.05952/h:
        // reserved 2 x 0.05952 x 24 = $2.85696, the third on demand 0.096 x 24 = $2.304; total $5.16096
        // against $6.912 all on demand
        UsageMeter meter = new UsageMeter();
        for (int k = 0; k < 3; k++) {
            TestFleet.runInterval(meter, m5large(), 0, Time.DAY);
        }
        meter.close(Time.DAY);
        Reservation two = Reservation.of(M5_LARGE, 2, ONE_YEAR_STANDARD_NO_UPFRONT);
        Bill bill = calculator.price(meter.ledger(), null, new Commitments(List.of(two), List.of(), List.of()), Time.DAY);
        assertThat(two.effectiveUsdPerHour()).isCloseTo(0.05952, within(EPS));
        assertThat(bill.byCategory().get(CostCategory.RESERVED)).isCloseTo(2.85696, within(EPS));
        assertThat(bill.byCategory().get(CostCategory.ON_DEMAND)).isCloseTo(2.304, within(EPS));
        assertThat(bill.totalUsd()).isCloseTo(5.16096, within(EPS));
        assertThat(bill.onDemandEquivalentUsd()).isCloseTo(6.912, within(EPS));
        assertThat(bill.coverage()).hasSize(24).allSatisfy(h -> {
            assertThat(h.reserved()).isEqualTo(2 * Time.HOUR);
            assertThat(h.onDemand()).isEqualTo(Time.HOUR);
        });
        assertThat(bill.commitments().get(0).utilisation()).isEqualTo(1.0);
        assertThat(bill.commitments().get(0).breakEvenUtilisation()).isCloseTo(0.62, within(EPS));
    }

    @Test
    void oneXlargeReservationCoversTwoLarge() {
        // normalization: m5.xlarge 8 units, m5.large 4: one m5.xlarge reservation covers two m5.large.
        // 3 m5.large for 10 h, 1 m5.xlarge 1y standard no upfront at 0.192 x 0.62 = $0.11904/h:
        // reserved 0.11904 x 10 = $1.1904; the third m5.large on demand 0.096 x 10 = $0.96; total $2.1504
        UsageMeter meter = new UsageMeter();
        for (int k = 0; k < 3; k++) {
            TestFleet.runInterval(meter, m5large(), 0, 10 * Time.HOUR);
        }
        meter.close(10 * Time.HOUR);
        Reservation xlarge = Reservation.of(M5_XLARGE, 1, ONE_YEAR_STANDARD_NO_UPFRONT);
        Bill bill = calculator.price(meter.ledger(), null,
                new Commitments(List.of(xlarge), List.of(), List.of()), 10 * Time.HOUR);
        assertThat(bill.byCategory().get(CostCategory.RESERVED)).isCloseTo(1.1904, within(EPS));
        assertThat(bill.byCategory().get(CostCategory.ON_DEMAND)).isCloseTo(0.96, within(EPS));
        assertThat(bill.coverage().get(0).reserved()).isEqualTo(2 * Time.HOUR);
    }

    @Test
    void savingsPlanUnderAndOverUsage() {
        // compute plan 1y: rate 0.096 x 0.7125 = $0.0684/h for m5.large; commitment $0.10/h for one hour.
        SavingsPlan plan = new SavingsPlan(SavingsPlan.Kind.COMPUTE, null, 1, 0.10);
        Commitments c = new Commitments(List.of(), List.of(plan), List.of());

        // under: one m5.large for 1 h uses $0.0684 of $0.10; the bill is the whole $0.10 (more than
        // the $0.096 on demand): utilisation 0.684
        UsageMeter one = new UsageMeter();
        TestFleet.runInterval(one, m5large(), 0, Time.HOUR);
        one.close(Time.HOUR);
        Bill under = calculator.price(one.ledger(), null, c, Time.HOUR);
        assertThat(under.totalUsd()).isCloseTo(0.10, within(EPS));
        assertThat(under.commitments().get(0).utilisation()).isCloseTo(0.684, within(1e-9));
        assertThat(under.commitments().get(0).breakEvenUtilisation()).isCloseTo(0.7125, within(1e-9));

        // over: two m5.large for 1 h. $0.10 buys 0.10 / 0.0684 = 1.461988 h of m5.large; the other
        // 2 - 1.461988 = 0.538012 h on demand at 0.096 = $0.051649; total $0.151649 (on demand $0.192)
        UsageMeter two = new UsageMeter();
        TestFleet.runInterval(two, m5large(), 0, Time.HOUR);
        TestFleet.runInterval(two, m5large(), 0, Time.HOUR);
        two.close(Time.HOUR);
        Bill over = calculator.price(two.ledger(), null, c, Time.HOUR);
        assertThat(over.byCategory().get(CostCategory.ON_DEMAND)).isCloseTo((2 - 0.10 / 0.0684) * 0.096, within(1e-9));
        assertThat(over.totalUsd()).isCloseTo(0.10 + (2 - 0.10 / 0.0684) * 0.096, within(1e-9));
        assertThat(over.commitments().get(0).utilisation()).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void dedicatedHostRunningThreeInstances() {
        // 3 m5.large on one m5 Dedicated Host for 2 h (6 of its 96 vCPUs): the host costs
        // m5.metal $4.608 x 1.10 = $5.0688 per host-hour, 2 h = $10.1376; the instances add nothing
        UsageMeter meter = new UsageMeter(PurchaseAssignment.all(PurchaseOption.DEDICATED_HOST));
        for (int k = 0; k < 3; k++) {
            TestFleet.runInterval(meter, m5large(), 0, 2 * Time.HOUR);
        }
        meter.close(2 * Time.HOUR);
        Commitments hosts = PurchaseStrategy.dedicatedHosts().commitments(meter.ledger(), prices);
        assertThat(hosts.hosts()).containsExactly(new HostAllocation("m5", 1));
        Bill bill = calculator.price(meter.ledger(), null, hosts, 2 * Time.HOUR);
        assertThat(bill.totalUsd()).isCloseTo(10.1376, within(EPS));
        assertThat(bill.onDemandEquivalentUsd()).isCloseTo(3 * 2 * 0.096, within(EPS));
    }

    @Test
    void dedicatedInstancesPayThePremiumAndTheRegionFee() {
        // 2 m5.large dedicated for 1 h: 2 x 0.096 x 1.10 = $0.2112, plus the $2 region fee for the hour
        UsageMeter meter = new UsageMeter(PurchaseAssignment.all(PurchaseOption.DEDICATED_INSTANCE));
        TestFleet.runInterval(meter, m5large(), 0, Time.HOUR);
        TestFleet.runInterval(meter, m5large(), 0, Time.HOUR);
        meter.close(Time.HOUR);
        Bill bill = calculator.price(meter.ledger(), null, Commitments.NONE, Time.HOUR);
        assertThat(bill.byCategory().get(CostCategory.DEDICATED_INSTANCE)).isCloseTo(0.2112, within(EPS));
        assertThat(bill.byCategory().get(CostCategory.DEDICATED_REGION_FEE)).isCloseTo(2.0, within(EPS));
    }

    private Instance dedicatedM5large(int tenant) {
        return region.instance(region.fleet.launch(new LaunchSpec(M5_LARGE, 0, 0, 0).withTenancy(tenant, Tenancy.DEDICATED)));
    }

    @Test
    void dedicatedTenancyIsADedicatedInstanceWhateverTheAssignment() {
        // one m5.large of tenant 2 with tenancy dedicated and one shared m5.large (tenant 0), both 0 to 90 min,
        // metered with "everything on demand": tenancy wins for the dedicated one.
        // dedicated: 5400 s x 0.096 x 1.10 / 3600 = $0.1584 (tenant 2); shared: 5400 s x 0.096 / 3600 = $0.144;
        // region fee: tenant 2 ran in clock hours 0 and 1: 2 x $2 = $4 (tenant 2); total $4.3024
        UsageMeter meter = new UsageMeter(PurchaseAssignment.all(PurchaseOption.ON_DEMAND));
        Instance dedicated = dedicatedM5large(2);
        Instance shared = m5large();
        long end = 90 * Time.MINUTE;
        TestFleet.runInterval(meter, dedicated, 0, end);
        TestFleet.runInterval(meter, shared, 0, end);
        meter.close(end);
        assertThat(meter.termsOf(dedicated.id())).isEqualTo(new InstanceTerms(PurchaseOption.DEDICATED_INSTANCE, 2));
        assertThat(meter.termsOf(shared.id())).isEqualTo(InstanceTerms.ON_DEMAND);
        Bill bill = calculator.price(meter.ledger(), null, Commitments.NONE, end);
        assertThat(bill.byCategory().get(CostCategory.DEDICATED_INSTANCE)).isCloseTo(0.1584, within(EPS));
        assertThat(bill.byCategory().get(CostCategory.ON_DEMAND)).isCloseTo(0.144, within(EPS));
        assertThat(bill.byCategory().get(CostCategory.DEDICATED_REGION_FEE)).isCloseTo(4.0, within(EPS));
        assertThat(bill.byTenant().get(2)).isCloseTo(4.1584, within(EPS));
        assertThat(bill.totalUsd()).isCloseTo(4.3024, within(EPS));
        // stratus run's billing, one meter per workload: the same figures, the fee charged once over the meters
        OnDemandBilling run = new OnDemandBilling();
        OnDemandBilling other = new OnDemandBilling();
        TestFleet.runInterval(run, dedicated, 0, end);
        TestFleet.runInterval(other, shared, 0, end);
        run.close(end);
        other.close(end);
        assertThat(run.totalUsd()).isCloseTo(0.1584, within(EPS));
        assertThat(run.dedicatedInstanceUsd()).isCloseTo(0.1584, within(EPS));
        assertThat(other.totalUsd()).isCloseTo(0.144, within(EPS));
        assertThat(other.dedicatedInstanceUsd()).isZero();
        assertThat(DedicatedRegionFee.usd(prices, List.of(run.ledger(), other.ledger(), meter.ledger())))
                .as("tenant 2's hours 0 and 1, once however many meters saw them").isCloseTo(4.0, within(EPS));
    }

    @Test
    void commitmentsAndSpotLeaveDedicatedInstancesAlone() {
        // the same two instances for 90 min under reserved-1y (standard, no upfront, 100% of the average):
        // the reservation is sized from on-demand usage only, the shared instance: 5400 s / 5400 s = 1 x m5.large
        // (2 if the dedicated one counted). It costs 0.096 x 0.62 = $0.05952/h over 1.5 h = $0.08928 and covers
        // the shared instance; the dedicated one pays $0.1584 + the $4 fee as before: total $4.24768
        PurchaseStrategy reserved = PurchaseStrategy.reserved(ONE_YEAR_STANDARD_NO_UPFRONT, 1.0);
        UsageMeter meter = new UsageMeter(reserved.assignment());
        Instance dedicated = dedicatedM5large(0);
        Instance shared = m5large();
        long end = 90 * Time.MINUTE;
        TestFleet.runInterval(meter, dedicated, 0, end);
        TestFleet.runInterval(meter, shared, 0, end);
        meter.close(end);
        Commitments c = reserved.commitments(meter.ledger(), prices);
        assertThat(c.reservations()).singleElement().satisfies(r -> assertThat(r.count()).isEqualTo(1));
        Bill bill = calculator.price(meter.ledger(), null, c, end);
        assertThat(bill.byCategory().get(CostCategory.RESERVED)).isCloseTo(0.08928, within(EPS));
        assertThat(bill.byCategory()).doesNotContainKey(CostCategory.ON_DEMAND);
        assertThat(bill.byCategory().get(CostCategory.DEDICATED_INSTANCE)).isCloseTo(0.1584, within(EPS));
        assertThat(bill.totalUsd()).isCloseTo(4.24768, within(EPS));
        // spot and mixed strategies keep a dedicated instance off spot even when its owner launched it
        // as spot, and read a shared spot launch as spot
        Instance dedicatedSpot = region.instance(region.fleet.launch(new LaunchSpec(M5_LARGE, 0, 0, 0)
                .withTenancy(0, Tenancy.DEDICATED).withPurchase(PurchaseOption.SPOT)));
        Instance sharedSpot = region.instance(region.fleet.launch(new LaunchSpec(M5_LARGE, 0, 0, 0)
                .withPurchase(PurchaseOption.SPOT)));
        for (PurchaseStrategy s : List.of(PurchaseStrategy.spot(), PurchaseStrategy.mixed(0, 100))) {
            assertThat(s.assignment().termsOf(dedicatedSpot).option()).as(s.name())
                    .isEqualTo(PurchaseOption.DEDICATED_INSTANCE);
            assertThat(s.assignment().termsOf(sharedSpot).option()).as(s.name()).isEqualTo(PurchaseOption.SPOT);
            assertThat(s.assignment().termsOf(shared).option()).as(s.name()).isEqualTo(PurchaseOption.ON_DEMAND);
        }
    }

    @Test
    void ebsVolumeIsBilledAcrossAStop() {
        // gp3 100 GiB with 4,000 IOPS from 0 to 4 h; its m5.large runs 0-1 h, is stopped 1-3 h, runs 3-4 h.
        // volume: 4 h x (100 x $0.08 + 1,000 extra IOPS x $0.005) / 730 h = 4 x 13 / 730 = $0.0712329
        // instance: 2 h x 0.096 = $0.192; total $0.2632329
        UsageMeter meter = new UsageMeter();
        EbsMeter volumes = new EbsMeter();
        Instance i = m5large();
        volumes.start(1, new VolumeSpec(VolumeType.GP3, 100, 4000, 125), 0, 0);
        TestFleet.runInterval(meter, i, 0, Time.HOUR);
        TestFleet.runInterval(meter, i, 3 * Time.HOUR, 4 * Time.HOUR);
        volumes.stop(1, 4 * Time.HOUR);
        meter.close(4 * Time.HOUR);
        volumes.close(4 * Time.HOUR);
        Bill bill = calculator.price(meter.ledger(), volumes, Commitments.NONE, 4 * Time.HOUR);
        assertThat(bill.byCategory().get(CostCategory.EBS)).isCloseTo(4 * 13 / 730.0, within(EPS));
        assertThat(bill.hourUsd(1)).isCloseTo(13 / 730.0, within(EPS)); // stopped: the volume only
        assertThat(bill.totalUsd()).isCloseTo(0.192 + 4 * 13 / 730.0, within(EPS));
    }

    @Test
    void io2ProvisionedIopsArePricedInTiers() {
        // io2 100 GiB, 40,000 IOPS for a 730-hour month: 100 x 0.125 + 32,000 x 0.065 + 8,000 x 0.0455
        // = 12.5 + 2,080 + 364 = $2,456.50
        EbsMeter volumes = new EbsMeter();
        volumes.start(1, VolumeSpec.io2(100, 40_000), 0, 0);
        volumes.close(730 * Time.HOUR);
        double total = volumes.costs(prices.ebs()).values().stream().mapToDouble(Double::doubleValue).sum();
        assertThat(total).isCloseTo(2456.5, within(1e-6));
    }

    @Test
    void usageIsSplitAtClockHoursWithTheMinimumInTheLastHour() {
        // running 0:59:30 to 1:00:10 (40 s): 30 s in hour 0, 10 s + 20 s top-up to the minimum in hour 1
        UsageMeter meter = new UsageMeter();
        TestFleet.runInterval(meter, m5large(), Time.HOUR - Time.seconds(30), Time.HOUR + Time.seconds(10));
        meter.close(2 * Time.HOUR);
        assertThat(meter.ledger().micros().values()).containsExactly(Time.seconds(30), Time.seconds(30));
    }
}
