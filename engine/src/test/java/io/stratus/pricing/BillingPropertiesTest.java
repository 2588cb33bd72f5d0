package io.stratus.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.stratus.compute.Instance;
import io.stratus.compute.InstanceType;
import io.stratus.compute.InstancesDistribution;
import io.stratus.compute.LaunchSpec;
import io.stratus.compute.PurchaseMix;
import io.stratus.compute.PurchaseOption;
import io.stratus.pricing.commitment.Reservation;
import io.stratus.pricing.commitment.ReservedOffering;
import io.stratus.pricing.commitment.SavingsPlan;
import io.stratus.sim.Time;
import io.stratus.spot.MeanRevertingSpotPrices;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Invariants of metering and pricing, over generated usage (fixed seeds). */
class BillingPropertiesTest {

    private static final String[] M5_SIZES = {"m5.large", "m5.xlarge", "m5.2xlarge"};
    private static final long HORIZON = 6 * Time.HOUR;

    private final PriceBook prices = PriceBook.bundled();
    private final CostCalculator calculator = new CostCalculator(prices, new MeanRevertingSpotPrices(prices.spot(), 5));

    /** A running interval and the stopped time after it, in microseconds. */
    record Cycle(long runMicros, long stoppedMicros) {
    }

    /** One instance's usage: its m5 size and its running interval within the horizon. */
    record Usage(int size, long start, long length) {
    }

    @Provide
    Arbitrary<List<Cycle>> cycles() {
        Arbitrary<Long> run = Arbitraries.longs().between(0, 2 * Time.HOUR);
        Arbitrary<Long> stopped = Arbitraries.longs().between(0, 5 * Time.HOUR);
        return Combinators.combine(run, stopped).as(Cycle::new).list().ofMinSize(1).ofMaxSize(6);
    }

    @Provide
    Arbitrary<List<Usage>> usages() {
        Arbitrary<Integer> size = Arbitraries.integers().between(0, M5_SIZES.length - 1);
        Arbitrary<Long> start = Arbitraries.longs().between(0, HORIZON - Time.MINUTE);
        Arbitrary<Long> length = Arbitraries.longs().between(0, HORIZON);
        return Combinators.combine(size, start, length).as((s, st, len) -> new Usage(s, st, Math.min(len, HORIZON - st)))
                .list().ofMinSize(0).ofMaxSize(10);
    }

    @Property(tries = 200, seed = "20261123")
    void nothingAccruesWhileStopped(@ForAll("cycles") List<Cycle> cycles) {
        TestFleet region = new TestFleet(1);
        Instance instance = region.instance(region.launch(TestFleet.M5_LARGE, 0));
        UsageMeter meter = new UsageMeter();
        Set<Long> runningHours = new HashSet<>();
        long expected = 0;
        long t = 0;
        for (Cycle c : cycles) {
            long start = t;
            long end = t + c.runMicros();
            TestFleet.runInterval(meter, instance, start, end);
            for (long h = start / Time.HOUR; h <= ClockHours.lastHour(start, end); h++) {
                runningHours.add(h);
            }
            expected += OnDemandBilling.billableSeconds(c.runMicros()) * Time.SECOND;
            t = end;
            TestFleet.emit(meter, instance, io.stratus.compute.InstanceState.STOPPING,
                    io.stratus.compute.InstanceState.STOPPED, t);
            t += c.stoppedMicros();
        }
        meter.close(t);
        assertThat(meter.ledger().instanceMicros(instance.id())).isEqualTo(expected);
        assertThat(meter.ledger().micros().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(expected);
        for (UsageKey key : meter.ledger().micros().keySet()) {
            assertThat(runningHours).as("hour %d has usage but the instance never ran in it", key.hour())
                    .contains(key.hour());
        }
    }

    @Property(tries = 150, seed = "6")
    void eachHourIsCoveredPlusUncoveredUsage(@ForAll("usages") List<Usage> usages,
                                             @ForAll @Size(max = 3) List<@IntRange(min = 0, max = 2) Integer> reserved,
                                             @ForAll @IntRange(min = 0, max = 100) int planCents) {
        UsageMeter meter = meter(usages);
        Bill bill = calculator.price(meter.ledger(), null, commitments(reserved, planCents), HORIZON);
        long[] eligible = new long[(int) (HORIZON / Time.HOUR)];
        meter.ledger().micros().forEach((key, micros) -> eligible[(int) key.hour()] += micros);
        assertThat(bill.coverage()).hasSize(eligible.length);
        for (Bill.HourCoverage h : bill.coverage()) {
            assertThat(h.eligible()).isEqualTo(eligible[(int) h.hour()]);
            assertThat(h.reserved() + h.planned() + h.onDemand()).isEqualTo(h.eligible());
            assertThat(h.reserved()).isNotNegative();
            assertThat(h.planned()).isNotNegative();
            assertThat(h.onDemand()).isNotNegative();
        }
    }

    @Property(tries = 100, seed = "7")
    void aCommitmentCostsTheSameWhateverTheUsage(@ForAll("usages") List<Usage> some, @ForAll("usages") List<Usage> other,
                                                @ForAll @Size(min = 1, max = 3) List<@IntRange(min = 0, max = 2) Integer> reserved,
                                                @ForAll @IntRange(min = 1, max = 100) int planCents) {
        Commitments c = commitments(reserved, planCents);
        Bill a = calculator.price(meter(some).ledger(), null, c, HORIZON);
        Bill b = calculator.price(meter(other).ledger(), null, c, HORIZON);
        double hours = HORIZON / (double) Time.HOUR;
        double reservedFee = c.reservations().stream().mapToDouble(Reservation::amortisedUsdPerHour).sum() * hours;
        for (Bill bill : List.of(a, b)) {
            assertThat(bill.byCategory().get(CostCategory.RESERVED)).isCloseTo(reservedFee, within(1e-9));
            assertThat(bill.byCategory().get(CostCategory.SAVINGS_PLAN)).isCloseTo(planCents / 100.0 * hours, within(1e-9));
        }
    }

    @Property(tries = 100, seed = "8")
    void mixedFleetsHoldTheSpotShareOfEveryPrefix(@ForAll @IntRange(min = 0, max = 4) int base,
                                                  @ForAll @IntRange(min = 0, max = 100) int sharePercent,
                                                  @ForAll @IntRange(min = 1, max = 30) int launches) {
        // an owner launching through its purchase mix: after base + n launches, floor(n x share) of
        // them are spot (rounding favours on-demand), and the bill reads each as launched
        TestFleet region = new TestFleet(1);
        PurchaseMix mix = new PurchaseMix(InstancesDistribution.spot(base, sharePercent));
        PurchaseAssignment bill = PurchaseStrategy.mixed(base, sharePercent).assignment();
        int spot = 0;
        for (int k = 0; k < base + launches; k++) {
            Instance instance = region.instance(region.fleet.launch(
                    mix.launchSpec(new LaunchSpec(TestFleet.M5_LARGE, k % 2, 0, 0))));
            if (bill.termsOf(instance).option() == PurchaseOption.SPOT) {
                spot++;
            }
            long n = Math.max(0, k + 1 - base);
            assertThat(spot).isEqualTo((int) Math.floor(n * (sharePercent / 100.0)));
        }
    }

    private UsageMeter meter(List<Usage> usages) {
        TestFleet region = new TestFleet(1);
        UsageMeter meter = new UsageMeter();
        for (Usage u : usages) {
            InstanceType type = TestFleet.CATALOG.get(M5_SIZES[u.size()]);
            Instance instance = region.instance(region.launch(type, u.size() % 2));
            TestFleet.runInterval(meter, instance, u.start(), u.start() + u.length());
        }
        meter.close(HORIZON);
        return meter;
    }

    private Commitments commitments(List<Integer> reservedSizes, int planCents) {
        List<Reservation> reservations = new ArrayList<>();
        ReservedOffering offering = new ReservedOffering(3, ReservedOffering.OfferingClass.CONVERTIBLE,
                ReservedOffering.Payment.PARTIAL_UPFRONT);
        for (int size : reservedSizes) {
            reservations.add(Reservation.of(TestFleet.CATALOG.get(M5_SIZES[size]), 1 + size, offering));
        }
        List<SavingsPlan> plans = planCents == 0 ? List.of()
                : List.of(new SavingsPlan(SavingsPlan.Kind.COMPUTE, null, 1, planCents / 100.0));
        return new Commitments(reservations, plans, List.of());
    }
}
