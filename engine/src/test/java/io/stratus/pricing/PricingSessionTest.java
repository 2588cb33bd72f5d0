package io.stratus.pricing;

import static io.stratus.pricing.TestFleet.M5_LARGE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.stratus.compute.LaunchSpec;
import io.stratus.compute.PurchaseMix;
import io.stratus.compute.PurchaseOption;
import io.stratus.pricing.commitment.ReservedOffering.OfferingClass;
import io.stratus.pricing.commitment.ReservedOffering.Payment;
import io.stratus.pricing.commitment.ReservedOffering;
import io.stratus.pricing.commitment.SavingsPlan;
import io.stratus.sim.Time;
import io.stratus.spot.SpotMarket;
import org.junit.jupiter.api.Test;

/** Strategies wired to a simulation through {@link PricingSession}, as the integrator uses them. */
class PricingSessionTest {

    private static final ReservedOffering ONE_YEAR_ALL_UPFRONT =
            new ReservedOffering(1, OfferingClass.STANDARD, Payment.ALL_UPFRONT);

    @Test
    void reservedAtFullCoverageOfFourAlwaysOnInstances() {
        // 4 m5.large for a day, reserved at 100% of the average (4): 4 x 0.096 x 0.5792 x 24 = $5.3379072
        // against 4 x 0.096 x 24 = $9.216 on demand; savings 1 - 0.5792 = 42.08%; break-even 0.5792
        TestFleet region = new TestFleet(3);
        PricingSession session = PricingSession.attach(region.sim, region.fleet,
                PurchaseStrategy.reserved(ONE_YEAR_ALL_UPFRONT, 1.0));
        for (int k = 0; k < 4; k++) {
            region.launch(M5_LARGE, k % 2);
        }
        region.sim.runUntil(Time.DAY);
        CostReport report = session.report(Time.DAY, 2_000_000);
        assertThat(report.totalUsd()).isCloseTo(5.3379072, within(1e-9));
        assertThat(report.onDemandEquivalentUsd()).isCloseTo(9.216, within(1e-9));
        assertThat(report.savingsFraction()).isCloseTo(1 - 0.5792, within(1e-9));
        assertThat(report.usdPerMillionRequests()).isCloseTo(5.3379072 / 2, within(1e-9));
        assertThat(report.commitments()).singleElement().satisfies(c -> {
            assertThat(c.label()).isEqualTo("4 x m5.large 1y-standard-all-upfront");
            assertThat(c.breakEvenUtilisation()).isCloseTo(0.5792, within(1e-12));
        });
        // the same usage priced on demand and under a savings plan, without another run
        assertThat(session.reportAs(PurchaseStrategy.onDemand(), Time.DAY, 0).totalUsd()).isCloseTo(9.216, within(1e-9));
        CostReport plan = session.reportAs(PurchaseStrategy.savingsPlan(
                new SavingsPlan(SavingsPlan.Kind.EC2_INSTANCE, "m5", 1, 0.2)), Time.DAY, 0);
        // EC2 instance plan at the standard ratio 0.62: $0.2/h buys 0.2 / 0.05952 = 3.36 of the 4 instances
        assertThat(plan.totalUsd()).isCloseTo(24 * (0.2 + (4 - 0.2 / 0.05952) * 0.096), within(1e-6));
    }

    @Test
    void standardStrategiesByName() {
        // savings-plan-1y on 4 always-on m5.large: a Compute plan committing the average usage at
        // plan rates, 4 x 0.096 x 0.7125 = $0.2736/h, fully used: 0.2736 x 24 = $6.5664 for the day
        TestFleet region = new TestFleet(3);
        PricingSession session = PricingSession.attach(region.sim, region.fleet, PurchaseStrategy.onDemand());
        for (int k = 0; k < 4; k++) {
            region.launch(M5_LARGE, k % 2);
        }
        region.sim.runUntil(Time.DAY);
        CostReport plan = session.reportAs(PurchaseStrategy.standard("savings-plan-1y"), Time.DAY, 0);
        assertThat(plan.strategy()).isEqualTo("savings-plan-1y");
        assertThat(plan.totalUsd()).isCloseTo(6.5664, within(1e-6));
        assertThat(plan.commitments().get(0).utilisation()).isCloseTo(1.0, within(1e-6));
        for (String name : PurchaseStrategy.standardNames()) {
            assertThat(PurchaseStrategy.standard(name).name()).isEqualTo(name);
        }
        assertThatThrownBy(() -> PurchaseStrategy.standard("reserved-2y"))
                .hasMessageContaining("known: on-demand, spot");
    }

    @Test
    void mixedFleetIsDeterministicForASeed() {
        CostReport first = mixedWeek(11);
        CostReport again = mixedWeek(11);
        assertThat(again.totalUsd()).isEqualTo(first.totalUsd());
        assertThat(again.interruptions()).isEqualTo(first.interruptions());
        assertThat(first.usd(CostCategory.ON_DEMAND)).isPositive();
        assertThat(first.usd(CostCategory.SPOT)).isPositive();
        assertThat(first.savingsFraction()).isBetween(0.2, 0.5);
    }

    private static CostReport mixedWeek(long seed) {
        // the owner's mix: 2 on demand, then of the other 6 half on demand (rounded up) first: ids 2, 4, 6
        // on demand, 3, 5, 7 spot
        TestFleet region = new TestFleet(seed);
        PurchaseStrategy strategy = PurchaseStrategy.mixed(2, 50);
        PricingSession session = PricingSession.attach(region.sim, region.fleet, strategy);
        session.listenTo(SpotMarket.attach(region.sim, region.fleet, PriceBook.bundled().spot()));
        PurchaseMix owner = new PurchaseMix(strategy.distribution());
        for (int k = 0; k < 8; k++) {
            region.fleet.launch(owner.launchSpec(new LaunchSpec(M5_LARGE, k % 2, 0, 0)));
        }
        region.sim.runUntil(7 * Time.DAY);
        assertThat(session.meter().termsOf(3).option()).isEqualTo(PurchaseOption.SPOT);
        assertThat(session.meter().termsOf(2).option()).isEqualTo(PurchaseOption.ON_DEMAND);
        return session.report(7 * Time.DAY, 0);
    }
}
