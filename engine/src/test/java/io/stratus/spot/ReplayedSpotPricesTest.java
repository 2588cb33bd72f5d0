package io.stratus.spot;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratus.compute.InstanceCatalog;
import io.stratus.sim.Time;
import org.junit.jupiter.api.Test;

class ReplayedSpotPricesTest {

    @Test
    void historyBecomesThePriceInEffectAtEachHourStart() {
        // changes at 0:00 (0.040), 0:30 (0.045), 2:00 (0.050): hours 0, 1, 2, 3 start at 0.040, 0.045, 0.050, 0.050
        double[] hourly = ReplayedSpotPrices.hourly(new long[] {0, 30 * Time.MINUTE, 2 * Time.HOUR},
                new double[] {0.040, 0.045, 0.050}, 4);
        assertThat(hourly).containsExactly(0.040, 0.045, 0.050, 0.050);
    }

    @Test
    void replayHoldsTheLastPriceAndFallsBackForOtherPools() {
        var m5 = InstanceCatalog.bundled().get("m5.large");
        ReplayedSpotPrices prices = new ReplayedSpotPrices((type, zone, hour) -> 1.0)
                .pool("m5.large", 0, new double[] {0.04, 0.05});
        assertThat(prices.usdPerHour(m5, 0, 0)).isEqualTo(0.04);
        assertThat(prices.usdPerHour(m5, 0, 100)).isEqualTo(0.05);
        assertThat(prices.usdPerHour(m5, 1, 0)).isEqualTo(1.0);
    }
}
