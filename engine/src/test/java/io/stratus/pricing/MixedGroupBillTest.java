package io.stratus.pricing;

import static io.stratus.pricing.TestFleet.M5_LARGE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.stratus.compute.InstancesDistribution;
import io.stratus.compute.PurchaseOption;
import io.stratus.scaling.AutoScalingGroup;
import io.stratus.scaling.GroupSettings;
import io.stratus.scaling.LaunchTemplate;
import io.stratus.sim.Time;
import io.stratus.spot.MeanRevertingSpotPrices;
import io.stratus.spot.ReplayedSpotPrices;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The bill of a mixed group, computed by hand: an Auto Scaling group with an on-demand base of 2
 * and 50% spot above it scales out, in and out again, and each purchase option's cost must be what
 * the group's choices and the price table say. The group decides every option; pricing only reads.
 */
class MixedGroupBillTest {

    private static final double EPS = 1e-12;

    @Test
    void baseSurvivesScaleInAndTheBillFollowsTheGroup() {
        TestFleet region = new TestFleet(3);
        PriceBook prices = PriceBook.bundled();
        // m5.large spot prices of zone 1 (the only zone that runs spot here), one per clock hour 0..5
        double[] spot = {0.030, 0.031, 0.032, 0.033, 0.034, 0.035};
        ReplayedSpotPrices replay = new ReplayedSpotPrices(new MeanRevertingSpotPrices(prices.spot(), 1))
                .pool("m5.large", 1, spot);
        PurchaseStrategy strategy = PurchaseStrategy.mixed(2, 50);
        PricingSession session = PricingSession.attach(region.sim, region.fleet, strategy, prices, replay);
        AutoScalingGroup group = new AutoScalingGroup(region.sim, "web", region.fleet,
                GroupSettings.of(0, 2, 10, List.of(0, 1)), LaunchTemplate.of(M5_LARGE, 0, 0),
                strategy.distribution(), List.of());
        assertThat(strategy.distribution()).isEqualTo(InstancesDistribution.spot(2, 50));

        // 0 h: 2 on demand, the base (ids 0 z0, 1 z1)
        group.start();
        region.sim.runUntil(Time.HOUR);
        // 1 h: out to 6. On-demand target for n instances: 2 + ceil((n - 2) / 2), so launches 3..6 are
        // on demand, spot, on demand, spot: ids 2 (z0) OD, 3 (z1) spot, 4 (z0) OD, 5 (z1) spot
        group.setDesiredCapacity(6);
        region.sim.runUntil(3 * Time.HOUR);
        assertThat(List.of(2, 3, 4, 5).stream().map(group::purchaseOption).toList()).containsExactly(
                PurchaseOption.ON_DEMAND, PurchaseOption.SPOT, PurchaseOption.ON_DEMAND, PurchaseOption.SPOT);
        // 3 h: in to 2. Option first, to keep the mix: with 6 live (4 OD) the target for 5 is 4, so a
        // spot goes (id 3, oldest spot of zone 1); then OD (target for 4 is 3): zone 0 has 3 live, its
        // oldest is id 0; then spot (id 5); then OD (target for 2 is 2): zone 0 again, id 2. Left: ids 1, 4,
        // both on demand: the base survives the scale-in
        group.setDesiredCapacity(2);
        region.sim.runUntil(4 * Time.HOUR);
        assertThat(group.liveCount(PurchaseOption.ON_DEMAND)).isEqualTo(2);
        assertThat(group.inServiceIds().toIntArray()).containsExactly(1, 4);
        // 4 h: out to 4: id 6 (z0) on demand (target for 3 is 3), id 7 (z1) spot (target for 4 is 3)
        group.setDesiredCapacity(4);
        region.sim.runUntil(6 * Time.HOUR);
        assertThat(group.purchaseOption(6)).isEqualTo(PurchaseOption.ON_DEMAND);
        assertThat(group.purchaseOption(7)).isEqualTo(PurchaseOption.SPOT);

        CostReport bill = session.report(6 * Time.HOUR, 0);
        // on demand: id 0 0-3 h, id 1 0-6 h, id 2 1-3 h, id 4 1-6 h, id 6 4-6 h = 3 + 6 + 2 + 5 + 2 = 18 h
        // at $0.096 = $1.728
        assertThat(prices.onDemandUsdPerHour(M5_LARGE)).isEqualTo(0.096);
        assertThat(bill.usd(CostCategory.ON_DEMAND)).isCloseTo(18 * 0.096, within(EPS));
        // spot, zone 1: ids 3 and 5 in hours 1 and 2, id 7 in hours 4 and 5
        double spotUsd = 2 * (spot[1] + spot[2]) + spot[4] + spot[5];
        assertThat(bill.usd(CostCategory.SPOT)).isCloseTo(spotUsd, within(EPS));
        assertThat(bill.totalUsd()).isCloseTo(18 * 0.096 + spotUsd, within(EPS));
    }
}
