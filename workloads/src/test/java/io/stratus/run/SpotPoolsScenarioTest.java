package io.stratus.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.stratus.compute.InstanceCatalog;
import io.stratus.pricing.CostCategory;
import io.stratus.pricing.CostReport;
import io.stratus.pricing.PurchaseStrategy;
import io.stratus.scenario.Scenario;
import io.stratus.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/**
 * A mixed-instances group on spot through a whole run: {@code stratus run} bills its spot
 * instances at their pools' spot prices, exactly as {@code compare} prices the same run under the
 * spot strategy, and the summary's pools add up to the service's spot counts.
 */
class SpotPoolsScenarioTest {

    private static final String SCENARIO = """
            name: pools
            seed: 11
            duration: 3d
            region:
              zones: [a, b]
              hosts: { family: m5, count: 4, per-zone: true }
            services:
              web:
                auto-scaling:
                  min: 12
                  max: 12
                  mixed-instances:
                    spot-allocation-strategy: %s
                    overrides:
                      - { type: m5.xlarge, weight: 2 }
                      - { type: m5.large }
                      - { type: m5d.large }
                purchase: { spot-share: 100%% }
                launch: { type: m5.large }
                requests:
                  arrival: { poisson: { rate: 1/s } }
                  service: { cpu: 20ms }
            """;

    private static Scenario scenario(String strategy) throws Exception {
        return new ScenarioLoader(InstanceCatalog.bundled()).parse("pools.yaml", SCENARIO.formatted(strategy));
    }

    @Test
    void runBillsSpotAtTheSpotPriceAsCompareDoes() throws Exception {
        Scenario s = scenario("diversified");
        ScenarioRunner.Outcome run = new ScenarioRunner().run(s, null);
        ServiceResult web = run.result().services().get(0);
        SpotOutcome spot = web.spot();
        assertThat(spot).isNotNull();
        CostReport compare = new ScenarioRunner().run(s, null, PurchaseStrategy.spot()).cost().orElseThrow();
        assertThat(spot.spotUsd()).isCloseTo(compare.usd(CostCategory.SPOT), within(1e-9));
        // every instance is spot, so the service's instance cost is the spot bill, below on demand
        assertThat(web.costUsd() - spot.spotUsd()).isCloseTo(run.result().ebsUsd(), within(1e-9));
        assertThat(spot.spotUsd()).isLessThan(compare.onDemandEquivalentUsd());
        // diversified spreads the 12 units over the 3 types in each zone: 2 units per pool
        assertThat(spot.pools()).hasSize(6);
        assertThat(spot.pools().stream().mapToLong(SpotPoolOutcome::launched).sum()).isEqualTo(spot.spotLaunches());
        assertThat(spot.pools().stream().mapToLong(SpotPoolOutcome::reclaimed).sum()).isEqualTo(spot.reclaimed());
    }

    @Test
    void lowestPriceFillsOnePoolPerZone() throws Exception {
        SpotOutcome spot = new ScenarioRunner().run(scenario("lowest-price"), null).result().services().get(0).spot();
        // at most the cheapest type per unit in each zone at launch (replacements may choose anew)
        assertThat(spot.pools().stream().filter(p -> p.launched() > 0).count()).isLessThanOrEqualTo(4);
        assertThat(spot.pools().stream().mapToLong(SpotPoolOutcome::launched).sum()).isEqualTo(spot.spotLaunches());
    }
}
