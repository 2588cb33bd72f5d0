package io.stratus.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.stratus.compute.InstanceCatalog;
import io.stratus.pricing.CostCategory;
import io.stratus.pricing.CostReport;
import io.stratus.pricing.PurchaseStrategy;
import io.stratus.report.SummaryJson;
import io.stratus.report.SummaryMarkdown;
import io.stratus.report.SummaryTable;
import io.stratus.scenario.Scenario;
import io.stratus.scenario.ScenarioException;
import io.stratus.scenario.ScenarioLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Dedicated Instances (tenancy dedicated) in a scenario file: billed at the dedicated price plus
 * the per-account region fee by {@code stratus run}, and by every {@code stratus compare}
 * strategy, worked by hand from the real prices.
 *
 * <p>One m5.large of account "shop" on default tenancy and one of account "vault" with tenancy
 * dedicated, both running from 0 (boot 0 s) to the end at 90 min: 5400 s each.
 * <ul>
 *   <li>shared: 5400 s x $0.096 / 3600 = $0.144</li>
 *   <li>dedicated: 5400 s x ($0.096 x 1.10 = $0.1056) / 3600 = $0.1584</li>
 *   <li>region fee: vault ran in clock hours 0 and 1: 2 x $2 = $4 (whole hours, per account)</li>
 *   <li>EBS: two 8 GiB gp3 root volumes at $0.08 per GB-month of 730 h for 1.5 h:
 *       2 x 8 x 0.08 / 730 x 1.5 = $0.00263014</li>
 * </ul>
 * Instances, EBS and fee $4.30503014; the fee is the run's, in neither service's cost. The
 * charges beyond instances (see {@code ChargeLinesScenarioTest}): two load balancers for 2 hours
 * (the partial hour whole) at $0.0225 = $0.09; their LCU-hours, processed bytes dominating, R x
 * 3,000 B / 2^30 at $0.008 with R both services' requests; each instance's and each balancer's
 * one node's public IPv4 for 1.5 h, 4 x 1.5 = 6 address-hours at $0.005 = $0.03; the responses
 * within the free allowance.
 */
class DedicatedInstanceScenarioTest {

    private static final String SCENARIO = String.join("\n",
            "name: dedicated-instances",
            "seed: 3",
            "duration: 90m",
            "region:",
            "  zones: [a]",
            "  hosts: { family: m5, count: 2 }",
            "services:",
            "  shared:",
            "    instances: 1",
            "    launch: { type: m5.large, tenant: shop, ami: { boot: 0s } }",
            "    requests:",
            "      arrival: { poisson: { rate: 2/s } }",
            "      service: { cpu: 10ms }",
            "  private:",
            "    instances: 1",
            "    launch: { type: m5.large, tenant: vault, tenancy: dedicated, ami: { boot: 0s } }",
            "    requests:",
            "      arrival: { poisson: { rate: 2/s } }",
            "      service: { cpu: 10ms }",
            "");

    private static final double SHARED = 5400 * 0.096 / 3600;
    private static final double DEDICATED = 5400 * 0.096 * 1.10 / 3600;
    private static final double FEE = 2 * 2.0;
    private static final double VOLUME = 8 * 0.08 / 730 * 1.5;

    private final ScenarioLoader loader = new ScenarioLoader(InstanceCatalog.bundled());

    @Test
    void runBillsTheDedicatedPriceAndTheRegionFeeOnce() throws IOException, ScenarioException {
        ScenarioRunner.Outcome outcome = new ScenarioRunner().run(loader.parse("s.yaml", SCENARIO), (a, b, c) -> { });
        RunResult r = outcome.result();
        assertThat(SHARED).isCloseTo(0.144, within(1e-12));
        assertThat(DEDICATED).isCloseTo(0.1584, within(1e-12));
        ServiceResult shared = r.services().get(0);
        ServiceResult dedicated = r.services().get(1);
        assertThat(shared.billedSeconds()).isEqualTo(5400);
        assertThat(dedicated.billedSeconds()).isEqualTo(5400);
        assertThat(shared.costUsd()).isCloseTo(SHARED + VOLUME, within(1e-9));
        assertThat(dedicated.costUsd()).as("dedicated price, no fee").isCloseTo(DEDICATED + VOLUME, within(1e-9));
        assertThat(r.dedicatedInstanceUsd()).isCloseTo(0.1584, within(1e-9));
        assertThat(r.dedicatedRegionFeeUsd()).isCloseTo(4.0, within(1e-9));
        assertThat(r.ebsUsd()).isCloseTo(2 * VOLUME, within(1e-9));
        long requests = shared.requests() + dedicated.requests();
        double charges = 0.09 + requests * 3000 / 1_073_741_824.0 * 0.008 + 0.03;
        assertThat(r.chargesUsd()).isCloseTo(charges, within(1e-9));
        assertThat(r.costUsd()).isCloseTo(4.30503014 + charges, within(1e-8));

        // metrics.csv's cost so far: the dedicated price in the workload's row, the fee in no row
        MetricsRow last = outcome.metrics().stream().filter(m -> m.service().equals("private"))
                .reduce((x, y) -> y).orElseThrow();
        assertThat(last.costUsd()).isCloseTo(DEDICATED + VOLUME, within(1e-9));

        assertThat(SummaryTable.render(r)).contains("for 1h 30m (instances $0.1440, "
                + "Dedicated Instances $0.1584, EBS volumes $0.0026, load balancers $0.09").contains("public IPv4 "
                + "$0.0300; Dedicated Instance region fee $4.00, charged per account, not per workload)");
        assertThat(new String(SummaryJson.summary(r), StandardCharsets.UTF_8))
                .contains("\"dedicatedInstancesUsd\" : 0.1584").contains("\"dedicatedRegionFeeUsd\" : 4");
        assertThat(new String(SummaryMarkdown.render(r, List.of()), StandardCharsets.UTF_8))
                .contains("Dedicated Instance region fee $4.00");
    }

    @Test
    void everyCompareStrategyBillsTheDedicatedInstanceAsDedicated() throws IOException, ScenarioException {
        Scenario scenario = loader.parse("s.yaml", SCENARIO);
        // on-demand: the shared instance on demand, the dedicated one at the dedicated price plus the fee,
        // billed to vault; the same figures as stratus run
        CostReport onDemand = new ScenarioRunner().run(scenario, (a, b, c) -> { }, PurchaseStrategy.onDemand())
                .cost().orElseThrow();
        assertThat(onDemand.usd(CostCategory.ON_DEMAND)).isCloseTo(SHARED, within(1e-9));
        assertThat(onDemand.usd(CostCategory.DEDICATED_INSTANCE)).isCloseTo(DEDICATED, within(1e-9));
        assertThat(onDemand.usd(CostCategory.DEDICATED_REGION_FEE)).isCloseTo(FEE, within(1e-9));
        assertThat(onDemand.totalUsd()).isCloseTo(SHARED + DEDICATED + FEE + 2 * VOLUME
                + io.stratus.pricing.Charge.totalUsd(onDemand.bill().charges()), within(1e-9));

        // spot: the shared instance on spot, the dedicated one off spot, billed exactly as before
        ScenarioRunner.Outcome spotRun = new ScenarioRunner().run(scenario, (a, b, c) -> { }, PurchaseStrategy.spot());
        CostReport spot = spotRun.cost().orElseThrow();
        assertThat(spot.usd(CostCategory.SPOT)).isPositive();
        assertThat(spot.usd(CostCategory.ON_DEMAND)).isZero();
        assertThat(spot.usd(CostCategory.DEDICATED_INSTANCE)).isCloseTo(DEDICATED, within(1e-9));
        assertThat(spot.usd(CostCategory.DEDICATED_REGION_FEE)).isCloseTo(FEE, within(1e-9));
        assertThat(spotRun.result().services().get(1).replacements()).isZero();

        // reserved-1y sizes its reservations from the shared instance only, and leaves the dedicated one alone
        CostReport reserved = new ScenarioRunner().run(scenario, (a, b, c) -> { },
                PurchaseStrategy.standard("reserved-1y")).cost().orElseThrow();
        assertThat(reserved.commitments()).singleElement()
                .satisfies(c -> assertThat(c.label()).startsWith("1 x m5.large"));
        assertThat(reserved.usd(CostCategory.DEDICATED_INSTANCE)).isCloseTo(DEDICATED, within(1e-9));
        assertThat(reserved.usd(CostCategory.DEDICATED_REGION_FEE)).isCloseTo(FEE, within(1e-9));
    }
}
