package io.stratus.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.stratus.compute.InstanceCatalog;
import io.stratus.pricing.Charge;
import io.stratus.pricing.CostCategory;
import io.stratus.pricing.CostReport;
import io.stratus.pricing.PurchaseStrategy;
import io.stratus.scenario.Scenario;
import io.stratus.scenario.ScenarioException;
import io.stratus.scenario.ScenarioLoader;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * A scenario's {@code commitments:} in {@code stratus compare}, worked by hand from the real
 * prices: two m5.large ($0.096/h) of a fixed fleet, one in each zone, for 2 h; the account holds a
 * zonal 1-year standard no-upfront m5.large reservation in zone a ($0.096 x 0.62 = $0.05952/h) and
 * a capacity reservation of 2 m5.large in zone b.
 * <ul>
 *   <li>zone a: the reservation covers it: 2 x $0.05952 = $0.11904;</li>
 *   <li>zone b: it runs in the capacity reservation, billed on demand: 2 x $0.096 = $0.192;</li>
 *   <li>the capacity reservation's unused instance: 2 x $0.096 = $0.192.</li>
 * </ul>
 * Instances $0.50304 under the on-demand strategy, against $0.384 for the same usage on demand.
 */
class CommitmentsScenarioTest {

    private static final String SCENARIO = String.join("\n",
            "name: held",
            "seed: 3",
            "duration: 2h",
            "region:",
            "  zones: [a, b]",
            "  hosts: { family: m5, count: 1 }",
            "services:",
            "  web:",
            "    instances: 2",
            "    launch: { type: m5.large, ami: { boot: 0s } }",
            "    requests:",
            "      arrival: { poisson: { rate: 2/s } }",
            "      service: { cpu: 10ms }",
            "commitments:",
            "  reserved-instances:",
            "    - { type: m5.large, count: 1, zone: a }",
            "  capacity-reservations:",
            "    - { type: m5.large, zone: b, count: 2 }",
            "");

    @Test
    void everyStrategyCarriesTheHeldCommitments() throws IOException, ScenarioException {
        Scenario s = new ScenarioLoader(InstanceCatalog.bundled()).parse("s.yaml", SCENARIO);
        CostReport r = new ScenarioRunner().run(s, (a, b, c) -> { }, PurchaseStrategy.onDemand()).cost().orElseThrow();
        assertThat(r.usd(CostCategory.RESERVED)).isCloseTo(2 * 0.096 * 0.62, within(1e-9));
        assertThat(r.usd(CostCategory.ON_DEMAND)).isCloseTo(0.192, within(1e-9));
        assertThat(r.usd(CostCategory.UNUSED_CAPACITY_RESERVATION)).isCloseTo(0.192, within(1e-9));
        double charges = Charge.totalUsd(r.bill().charges()); // load balancer, addresses: not commitments' business
        assertThat(r.totalUsd() - r.usd(CostCategory.EBS) - charges).isCloseTo(0.50304, within(1e-9));
        assertThat(r.onDemandEquivalentUsd() - r.usd(CostCategory.EBS) - charges).isCloseTo(0.384, within(1e-9));
        assertThat(r.commitments()).hasSize(2);
    }

    @Test
    void runAppliesTheHeldCommitmentsToItsBillWithoutChangingTheRun() throws IOException, ScenarioException {
        Scenario s = new ScenarioLoader(InstanceCatalog.bundled()).parse("s.yaml", SCENARIO);
        ScenarioRunner.Outcome run = new ScenarioRunner().run(s, null);
        CostReport committed = run.cost().orElseThrow();
        double charges = Charge.totalUsd(committed.bill().charges());
        assertThat(committed.totalUsd() - committed.usd(CostCategory.EBS) - charges).isCloseTo(0.50304, within(1e-9));
        // the on-demand bill of the run is the same usage on demand: $0.384 of instances
        assertThat(run.result().costUsd() - run.result().ebsUsd() - run.result().chargesUsd())
                .isCloseTo(0.384, within(1e-9));
        assertThat(committed.totalUsd() - run.result().costUsd()).isCloseTo(0.50304 - 0.384, within(1e-9));
        String text = io.stratus.report.SummaryTable.render(run.result(), run.cost());
        assertThat(text).contains("With the account's commitments: $").contains("costing $0.1190 more")
                .contains("break-even utilisation");
    }

    @Test
    void runKeepsEachOwnersSpotSplitWhenItAppliesCommitments() throws IOException, ScenarioException {
        String spotShare = SCENARIO.replace("    instances: 2\n",
                "    instances: 2\n    purchase: { on-demand-base: 0, spot-share: 100% }\n");
        String withoutCommitments = spotShare.substring(0, spotShare.indexOf("commitments:"));
        ScenarioLoader loader = new ScenarioLoader(InstanceCatalog.bundled());
        RunResult committed = new ScenarioRunner().run(loader.parse("s.yaml", spotShare), null).result();
        RunResult plain = new ScenarioRunner().run(loader.parse("s.yaml", withoutCommitments), null).result();
        // the same run: the spot instances stay spot (pricing with the commitments is not a purchase strategy)
        assertThat(committed.costUsd()).isEqualTo(plain.costUsd());
        assertThat(committed.services().get(0).completed()).isEqualTo(plain.services().get(0).completed());
        assertThat(committed.costUsd() - committed.ebsUsd() - committed.chargesUsd()).isLessThan(0.384);
    }
}
