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
 * Queue workers launched as spot (the run under the spot strategy): the run's own cost of the
 * queue bills them at their pools' spot prices, exactly as {@code compare} prices the same run,
 * not on demand.
 */
class QueueSpotBillTest {

    private static final String SCENARIO = """
            name: spot-workers
            seed: 5
            duration: 1d
            region:
              zones: [a, b]
              hosts: { family: c5, count: 1, per-zone: true }
            queues:
              orders:
                messages:
                  arrival: { poisson: { rate: 2/s } }
                  work: 500ms
                workers:
                  launch: { type: c5.large }
                  min: 2
                  max: 2
                  backlog-per-instance: 20
            """;

    @Test
    void spotWorkersAreBilledAtTheSpotPriceAsCompareDoes() throws Exception {
        Scenario s = new ScenarioLoader(InstanceCatalog.bundled()).parse("spot-workers.yaml", SCENARIO);
        ScenarioRunner.Outcome run = new ScenarioRunner().run(s, null, PurchaseStrategy.spot());
        QueueResult orders = run.result().queues().get(0);
        CostReport compare = run.cost().orElseThrow();
        assertThat(compare.usd(CostCategory.SPOT)).isPositive();
        assertThat(compare.usd(CostCategory.ON_DEMAND)).isZero();
        // every worker is spot: the queue's instance cost is the spot bill, below the on-demand one
        assertThat(orders.costUsd() - run.result().ebsUsd()).isCloseTo(compare.usd(CostCategory.SPOT), within(1e-9));
        assertThat(orders.costUsd() - run.result().ebsUsd()).isLessThan(compare.onDemandEquivalentUsd());
    }
}
