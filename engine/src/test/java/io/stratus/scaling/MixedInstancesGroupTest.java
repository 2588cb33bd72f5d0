package io.stratus.scaling;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratus.compute.InstanceCatalog;
import io.stratus.compute.InstanceType;
import io.stratus.compute.InstancesDistribution;
import io.stratus.sim.Time;
import io.stratus.spot.AllocationStrategy;
import io.stratus.spot.SpotPoolView;
import io.stratus.testkit.Rig;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * A mixed-instances group over three hand-made spot pools per zone: each allocation strategy's
 * choice, and capacity in weighted units.
 */
class MixedInstancesGroupTest {

    private static final InstanceType LARGE = InstanceCatalog.bundled().get("m5.large");
    private static final InstanceType A_LARGE = InstanceCatalog.bundled().get("m5a.large");
    private static final InstanceType XLARGE = InstanceCatalog.bundled().get("m5.xlarge");

    /** Fixed pools: m5.large $0.040 depth 100, m5a.large $0.030 depth 50, m5.xlarge $0.070 depth 900. */
    private static final SpotPoolView POOLS = new SpotPoolView() {
        @Override
        public double usdPerHour(InstanceType type, int zone, long now) {
            return type == LARGE ? 0.040 : type == A_LARGE ? 0.030 : 0.070;
        }

        @Override
        public double depth(InstanceType type, int zone, long now) {
            return type == LARGE ? 100 : type == A_LARGE ? 50 : 900;
        }
    };

    private final Rig rig = new Rig(1, 4);

    private AutoScalingGroup group(int desired, AllocationStrategy strategy, List<Integer> weights) {
        AutoScalingGroup asg = new AutoScalingGroup(rig.sim, "web", rig.fleet, GroupSettings.of(0, desired, 40,
                List.of(0, 1)), new LaunchTemplate(List.of(LARGE, A_LARGE, XLARGE), Time.seconds(60), 0),
                InstancesDistribution.spot(0, 100), List.of());
        asg.useMixedInstances(new MixedInstancesPolicy(weights, strategy), POOLS);
        asg.start();
        rig.sim.runUntil(Time.MINUTE * 2);
        return asg;
    }

    private Map<String, Integer> typesRunning() {
        Map<String, Integer> count = new TreeMap<>();
        for (int id = 0; id < rig.fleet.size(); id++) {
            count.merge(rig.fleet.instance(id).type().name(), 1, Integer::sum);
        }
        return count;
    }

    @Test
    void lowestPricePicksTheCheapestPool() {
        group(6, AllocationStrategy.LOWEST_PRICE, List.of(1, 1, 1));
        assertThat(typesRunning()).containsExactly(Map.entry("m5a.large", 6));
    }

    @Test
    void capacityOptimizedPicksTheDeepestPool() {
        group(6, AllocationStrategy.CAPACITY_OPTIMIZED, List.of(1, 1, 1));
        assertThat(typesRunning()).containsExactly(Map.entry("m5.xlarge", 6));
    }

    @Test
    void priceCapacityOptimizedPicksTheCheapestDeepPool() {
        // deep: at least 450, only m5.xlarge; with weight 2 its unit price is $0.035, still the only deep pool
        group(6, AllocationStrategy.PRICE_CAPACITY_OPTIMIZED, List.of(1, 1, 1));
        assertThat(typesRunning()).containsExactly(Map.entry("m5.xlarge", 6));
    }

    @Test
    void diversifiedSpreadsEvenlyOverThePools() {
        group(12, AllocationStrategy.DIVERSIFIED, List.of(1, 1, 1));
        assertThat(typesRunning()).containsExactly(Map.entry("m5.large", 4), Map.entry("m5.xlarge", 4),
                Map.entry("m5a.large", 4));
    }

    @Test
    void weightsTurnPricesPerUnitAndCountCapacityInUnits() {
        // m5.xlarge of weight 4: $0.0175 per unit, the cheapest; 8 units are two instances, one per zone
        AutoScalingGroup asg = group(8, AllocationStrategy.LOWEST_PRICE, List.of(1, 1, 4));
        assertThat(typesRunning()).containsExactly(Map.entry("m5.xlarge", 2));
        assertThat(asg.liveCount()).isEqualTo(8);
        assertThat(asg.inServiceCount()).isEqualTo(8);
        // scale-in to 6 units: removing a weight-4 instance would go under 6, so the group keeps both
        asg.setDesiredCapacity(6);
        rig.sim.runUntil(Time.MINUTE * 4);
        assertThat(asg.liveCount()).isEqualTo(8);
        asg.setDesiredCapacity(4);
        rig.sim.runUntil(Time.MINUTE * 6);
        assertThat(asg.liveCount()).isEqualTo(4);
    }
}
