package io.stratus.pricing;

import static io.stratus.pricing.TestFleet.M5_LARGE;
import static io.stratus.pricing.TestFleet.M5_XLARGE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.stratus.compute.Instance;
import io.stratus.compute.InstanceState;
import io.stratus.compute.PurchaseOption;
import io.stratus.sim.Time;
import io.stratus.spot.MaxPriceInterruptions;
import io.stratus.spot.MeanRevertingSpotPrices;
import io.stratus.spot.ReplayedSpotPrices;
import io.stratus.spot.SpotInterruptionListener;
import io.stratus.spot.SpotMarket;
import io.stratus.spot.SpotModel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Spot instances through a whole session: replayed prices, notices, reclaims and their bills. */
class SpotBillingTest {

    private final TestFleet region = new TestFleet(7);
    private final PriceBook prices = PriceBook.bundled();
    // m5.large in zone 0 at $0.04 in hour 0, then $0.05
    private final ReplayedSpotPrices replay = new ReplayedSpotPrices(new MeanRevertingSpotPrices(prices.spot(), 1))
            .pool("m5.large", 0, new double[] {0.04, 0.05});
    private final PricingSession session =
            PricingSession.attach(region.sim, region.fleet, PurchaseStrategy.spot(), prices, replay);
    private final SpotMarket market = SpotMarket.attach(region.sim, region.fleet, prices.spot());
    private final List<String> told = new ArrayList<>();

    SpotBillingTest() {
        session.listenTo(market);
        market.addListener(new SpotInterruptionListener() {
            @Override
            public void noticed(Instance instance, long reclaimAt, long now) {
                told.add("notice " + instance.id() + " at " + Time.format(now) + " for " + Time.format(reclaimAt));
            }

            @Override
            public void reclaimed(Instance instance, long now) {
                told.add("reclaim " + instance.id() + " at " + Time.format(now));
            }
        });
    }

    @Test
    void interruptedAfterNinetyMinutes() {
        // capacity pressure at 1:28 gives the notice; reclaimed (terminated) at 1:30. Past its first
        // hour, so billed: 60 min at $0.04 + 30 min at $0.05 = 0.04 + 0.025 = $0.065
        int id = region.launch(M5_LARGE, 0, PurchaseOption.SPOT);
        region.sim.runUntil(88 * Time.MINUTE);
        assertThat(market.interrupt(id)).isTrue();
        region.sim.runUntil(3 * Time.HOUR);
        assertThat(told).containsExactly("notice 0 at 01:28:00 for 01:30:00", "reclaim 0 at 01:30:00");
        assertThat(region.state(id)).isEqualTo(InstanceState.TERMINATED);
        CostReport report = session.report(3 * Time.HOUR, 0);
        assertThat(report.usd(CostCategory.SPOT)).isCloseTo(0.065, within(1e-12));
        assertThat(report.interruptions()).isEqualTo(1);
        assertThat(report.onDemandEquivalentUsd()).isCloseTo(1.5 * 0.096, within(1e-12));
    }

    @Test
    void runBillsSpotAtThePoolsSpotPriceAsCompareDoes() {
        // what `stratus run` bills (SpotBilling) against the compare session, same replayed prices:
        // spot 0 (zone 0) reclaimed at 1:30: 60 min at $0.04 + 30 min at $0.05 = $0.065;
        // spot 1 (zone 0) reclaimed at 0:30, in its first hour: waived, $0;
        // spot 2 (zone 0) runs to the end at 2:00: 60 min at $0.04 + 60 min at $0.05 = $0.09;
        // on-demand 3 is not a spot bill's: $0. Total $0.155 (on demand it would be 4.5 h x $0.096)
        SpotBilling run = new SpotBilling(replay, id -> true);
        region.fleet.addListener(run);
        market.addListener(run);
        int a = region.launch(M5_LARGE, 0, PurchaseOption.SPOT);
        int b = region.launch(M5_LARGE, 0, PurchaseOption.SPOT);
        region.launch(M5_LARGE, 0, PurchaseOption.SPOT);
        region.launch(M5_LARGE, 0, PurchaseOption.ON_DEMAND);
        region.sim.runUntil(28 * Time.MINUTE);
        market.interrupt(b);
        region.sim.runUntil(88 * Time.MINUTE);
        market.interrupt(a);
        region.sim.runUntil(2 * Time.HOUR);
        run.close(2 * Time.HOUR);
        assertThat(run.totalUsd()).isCloseTo(0.065 + 0.09, within(1e-12));
        assertThat(run.waivedIntervals()).isEqualTo(1);
        assertThat(run.billedSecondsByPool()).containsExactly(java.util.Map.entry("m5.large@0", 90 * 60L + 120 * 60L));
        CostReport compare = session.report(2 * Time.HOUR, 0);
        assertThat(compare.usd(CostCategory.SPOT)).isCloseTo(run.totalUsd(), within(1e-12));
    }

    @Test
    void interruptedInTheFirstHourIsFree() {
        // notice at 0:28, reclaim at 0:30: EC2 interrupted it in its first hour, so nothing is billed
        int id = region.launch(M5_LARGE, 0, PurchaseOption.SPOT);
        region.sim.runUntil(28 * Time.MINUTE);
        market.interrupt(id);
        region.sim.runUntil(Time.HOUR);
        CostReport report = session.report(Time.HOUR, 0);
        assertThat(report.totalUsd()).isZero();
        assertThat(report.waivedSpotIntervals()).isEqualTo(1);
    }

    @Test
    void terminatedByTheUserInTheFirstHourIsBilled() {
        // the user terminates at 0:30: 30 min at $0.04 = $0.02
        int id = region.launch(M5_LARGE, 0, PurchaseOption.SPOT);
        region.sim.runUntil(30 * Time.MINUTE);
        region.fleet.terminate(id);
        region.sim.runUntil(Time.HOUR);
        assertThat(session.report(Time.HOUR, 0).totalUsd()).isCloseTo(0.02, within(1e-12));
    }

    @Test
    void interruptedWhenThePriceRisesAboveTheMaximum() {
        // maximum $0.045/h; the price rises to $0.05 at 1:00: notice at 1:00, reclaimed at 1:02.
        // Billed: 60 min at $0.04 + 2 min at $0.05 = 0.04 + 0.0016667 = $0.0416667
        region.fleet.addListener(new MaxPriceInterruptions(region.sim, market, replay, 0.045));
        int id = region.launch(M5_LARGE, 0, PurchaseOption.SPOT);
        region.sim.runUntil(3 * Time.HOUR);
        assertThat(told).containsExactly("notice 0 at 01:00:00 for 01:02:00", "reclaim 0 at 01:02:00");
        assertThat(region.state(id)).isEqualTo(InstanceState.TERMINATED);
        assertThat(session.report(3 * Time.HOUR, 0).totalUsd()).isCloseTo(0.04 + 0.05 / 30, within(1e-12));
    }

    @Test
    void interruptionRateFollowsTheAdvisorBucket() {
        // m5.xlarge is in bucket 4 (>20%): hazard -ln(0.75)/730 per instance-hour. Interruptions
        // come by capacity pool, correlated, so one run's count is not binomial: the monthly
        // frequency is checked over 800 independent pools in io.stratus.spot.SpotPoolsTest. Here:
        // 150 instances in two pools for a month are reclaimed only at their pools' drops.
        assertThat(prices.spot().interruptionBucket(M5_XLARGE)).isEqualTo(4);
        for (int k = 0; k < 150; k++) {
            region.launch(M5_XLARGE, k % 2, PurchaseOption.SPOT);
        }
        region.sim.runUntil(730 * Time.HOUR);
        long drops = market.drops("m5.xlarge@0") + market.drops("m5.xlarge@1");
        assertThat(market.interruptions()).isEqualTo(market.poolNotices("m5.xlarge@0") + market.poolNotices("m5.xlarge@1"));
        assertThat(market.interruptions() == 0 || drops > 0).isTrue();
        assertThat(SpotModel.hazardPerHour(4)).isCloseTo(-Math.log(0.75) / 730, within(1e-15));
    }
}
