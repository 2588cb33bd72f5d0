package io.stratus.compute;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * The split is kept through any sequence of launches and scale-ins: launching by
 * {@link InstancesDistribution#toLaunch} and terminating by {@link InstancesDistribution#toTerminate}
 * leaves, after every step, exactly the closed-form on-demand count of the live instances:
 * {@code min(n, base) + ceil((n - base)+ x percent / 100)}.
 */
class InstancesDistributionPropertiesTest {

    /** The closed form, written out again independently of the record. */
    private static int onDemandWanted(int n, int base, int onDemandPercent) {
        int b = Math.min(n, base);
        return b + (int) Math.ceil((n - b) * onDemandPercent / 100.0);
    }

    @Property(tries = 300, seed = "12")
    void everyPrefixHoldsTheTarget(@ForAll @IntRange(min = 0, max = 5) int base,
                                   @ForAll @IntRange(min = 0, max = 100) int onDemandPercent,
                                   @ForAll @Size(max = 80) List<@IntRange(min = -3, max = 4) Integer> steps) {
        InstancesDistribution d = new InstancesDistribution(base, onDemandPercent);
        int live = 0;
        int onDemand = 0;
        for (int step : steps) {
            for (int k = 0; k < Math.abs(step); k++) {
                if (step > 0) {
                    onDemand += d.toLaunch(live, onDemand) == PurchaseOption.ON_DEMAND ? 1 : 0;
                    live++;
                } else if (live > 0) {
                    PurchaseOption victim = d.toTerminate(live, onDemand);
                    if (victim == PurchaseOption.ON_DEMAND) {
                        assertThat(onDemand).isPositive();
                        onDemand--;
                    } else {
                        assertThat(live - onDemand).isPositive();
                    }
                    live--;
                }
                assertThat(onDemand).as("%d live", live).isEqualTo(onDemandWanted(live, base, onDemandPercent));
            }
        }
    }

    @Property(tries = 100, seed = "13")
    void ownersCountingThroughAPurchaseMixAgree(@ForAll @IntRange(min = 0, max = 5) int base,
                                                @ForAll @IntRange(min = 0, max = 100) int spotPercent,
                                                @ForAll @IntRange(min = 1, max = 40) int launches) {
        PurchaseMix mix = new PurchaseMix(InstancesDistribution.spot(base, spotPercent));
        LaunchSpec spec = new LaunchSpec(InstanceCatalog.bundled().get("m5.large"), 0, 0, 0);
        for (int k = 0; k < launches; k++) {
            mix.launchSpec(spec);
            assertThat(mix.liveOnDemand()).isEqualTo(onDemandWanted(mix.live(), base, 100 - spotPercent));
        }
    }
}
