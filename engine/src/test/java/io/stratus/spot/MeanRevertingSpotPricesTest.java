package io.stratus.spot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.stratus.compute.InstanceCatalog;
import io.stratus.compute.InstanceType;
import org.junit.jupiter.api.Test;

class MeanRevertingSpotPricesTest {

    private final SpotModel model = SpotModel.bundled();
    private final InstanceType m5large = InstanceCatalog.bundled().get("m5.large");
    private final InstanceType c5large = InstanceCatalog.bundled().get("c5.large");

    @Test
    void meanPriceIsTheFittedFractionOfOnDemand() {
        // m5.large: fitted mean fraction 0.4375 of $0.096 = $0.042
        MeanRevertingSpotPrices prices = new MeanRevertingSpotPrices(model, 42);
        double sum = 0;
        int hours = 50_000;
        for (int h = 0; h < hours; h++) {
            double p = prices.usdPerHour(m5large, 0, h);
            assertThat(p).isPositive().isLessThanOrEqualTo(m5large.onDemandUsdPerHour());
            sum += p;
        }
        assertThat(model.meanFraction(m5large)).isCloseTo(0.4375, within(1e-12));
        assertThat(sum / hours).isCloseTo(0.096 * 0.4375, within(0.096 * 0.4375 * 0.01));
    }

    @Test
    void poolsDoNotDependOnTheOrderTheyAreAskedFor() {
        MeanRevertingSpotPrices a = new MeanRevertingSpotPrices(model, 42);
        MeanRevertingSpotPrices b = new MeanRevertingSpotPrices(model, 42);
        double c5First = b.usdPerHour(c5large, 1, 100);
        assertThat(a.usdPerHour(m5large, 0, 10)).isEqualTo(b.usdPerHour(m5large, 0, 10));
        assertThat(a.usdPerHour(c5large, 1, 100)).isEqualTo(c5First);
        assertThat(a.usdPerHour(m5large, 0, 10)).isNotEqualTo(a.usdPerHour(m5large, 1, 10));
    }

    @Test
    void typesMissingFromTheTableUseTheirCategory() {
        InstanceType m7i = InstanceCatalog.bundled().get("m7i.large");
        assertThat(model.meanFraction(m7i)).isBetween(0.2, 0.8);
        assertThat(model.interruptionBucket(m7i)).isBetween(0, 4);
    }
}
