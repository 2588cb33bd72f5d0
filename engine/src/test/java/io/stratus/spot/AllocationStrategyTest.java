package io.stratus.spot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Each allocation strategy's choice on hand-made pools. */
class AllocationStrategyTest {

    // pool 0: cheap and shallow; pool 1: dear and deepest; pool 2: middling price, fairly deep
    private final double[] unitPrice = {0.030, 0.060, 0.040};
    private final double[] depth = {100, 1000, 600};
    private final int[] units = {4, 3, 2};
    private final boolean[] all = {true, true, true};

    @Test
    void lowestPricePicksTheCheapest() {
        assertThat(AllocationStrategy.LOWEST_PRICE.choose(unitPrice, depth, units, all, 3)).isEqualTo(0);
    }

    @Test
    void capacityOptimizedPicksTheDeepest() {
        assertThat(AllocationStrategy.CAPACITY_OPTIMIZED.choose(unitPrice, depth, units, all, 3)).isEqualTo(1);
    }

    @Test
    void priceCapacityOptimizedPicksTheCheapestOfTheDeepPools() {
        // deep: at least half of 1000, so pools 1 and 2; the cheaper of them is 2
        assertThat(AllocationStrategy.PRICE_CAPACITY_OPTIMIZED.choose(unitPrice, depth, units, all, 3)).isEqualTo(2);
        // when the cheap pool recovers to 500 it is deep enough again
        double[] recovered = {500, 1000, 600};
        assertThat(AllocationStrategy.PRICE_CAPACITY_OPTIMIZED.choose(unitPrice, recovered, units, all, 3)).isEqualTo(0);
    }

    @Test
    void diversifiedPicksThePoolHoldingTheFewestUnits() {
        assertThat(AllocationStrategy.DIVERSIFIED.choose(unitPrice, depth, units, all, 3)).isEqualTo(2);
    }

    @Test
    void skipsPoolsNotAllowedAndBreaksTiesByOrder() {
        boolean[] notFirst = {false, true, true};
        assertThat(AllocationStrategy.LOWEST_PRICE.choose(unitPrice, depth, units, notFirst, 3)).isEqualTo(2);
        assertThat(AllocationStrategy.DIVERSIFIED.choose(unitPrice, depth, new int[] {1, 1, 1}, all, 3)).isEqualTo(0);
        assertThat(AllocationStrategy.CAPACITY_OPTIMIZED.choose(unitPrice, depth, units, new boolean[3], 3)).isEqualTo(-1);
    }

    @Test
    void namesRoundTrip() {
        for (AllocationStrategy s : AllocationStrategy.values()) {
            assertThat(AllocationStrategy.byName(s.apiName())).isSameAs(s);
        }
        assertThat(AllocationStrategy.byName("cheapest")).isNull();
    }
}
