package io.stratus.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.stratus.compute.InstanceCatalog;
import io.stratus.compute.LaunchSpec;
import io.stratus.infra.Tenancy;
import io.stratus.pricing.CostCategory;
import io.stratus.pricing.CostReport;
import io.stratus.pricing.PurchaseStrategy;
import io.stratus.report.SummaryJson;
import io.stratus.report.SummaryMarkdown;
import io.stratus.report.SummaryTable;
import io.stratus.scenario.DedicatedHostConfig;
import io.stratus.scenario.Scenario;
import io.stratus.scenario.ScenarioException;
import io.stratus.scenario.ScenarioLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Dedicated Hosts in scenario files: allocations read from {@code region.dedicated-hosts}, launches
 * with tenancy host placed on their tenant's hosts only (auto-placement, first fit), a refused
 * launch counted, and the bill worked by hand from the real prices.
 */
class DedicatedHostScenarioTest {

    private final ScenarioLoader loader = new ScenarioLoader(InstanceCatalog.bundled());

    /**
     * Three m5 hosts in one zone; acme holds two of them as Dedicated Hosts (hosts 1 and 2, the
     * zone's last) and launches 14 m5.4xlarge (16 vCPUs, 64 GiB: six fill an m5 host) with tenancy
     * host: 12 fit, 2 are refused. Another account's two shared m5.large go to host 0.
     */
    private static final String SCENARIO = String.join("\n",
            "name: hosts",
            "seed: 5",
            "duration: 2h",
            "region:",
            "  zones: [a]",
            "  hosts: { family: m5, count: 3 }",
            "  dedicated-hosts: [{ tenant: acme, family: m5, count: 2, zone: a }]",
            "services:",
            "  web:",
            "    instances: 2",
            "    launch: { type: m5.large, tenant: other }",
            "    requests:",
            "      arrival: { poisson: { rate: 5/s } }",
            "      service: { cpu: 10ms }",
            "  licensed:",
            "    instances: 14",
            "    launch: { type: m5.4xlarge, tenant: acme, tenancy: host }",
            "    requests:",
            "      arrival: { poisson: { rate: 20/s } }",
            "      service: { cpu: 100ms }",
            "");

    @Test
    void allocationsAndHostTenancyAreRead() throws ScenarioException {
        Scenario s = loader.parse("s.yaml", SCENARIO);
        assertThat(s.region().dedicatedHosts()).containsExactly(new DedicatedHostConfig("acme", 1, "m5", 0, "a", 2));
        LaunchSpec licensed = s.services().get(1).launch();
        assertThat(licensed.tenancy()).isEqualTo(Tenancy.HOST);
        assertThat(licensed.tenant()).isEqualTo(1); // acme: first mentioned in region.dedicated-hosts
        assertThat(licensed.dedicatedHost()).isEqualTo(LaunchSpec.AUTO_PLACEMENT);
        assertThat(s.services().get(0).launch().tenant()).isEqualTo(2);
        assertThat(s.services().get(0).launch().tenancy()).isEqualTo(Tenancy.DEFAULT);
    }

    @Test
    void familyAndTenantDefaultToTheRegionsAndTheDefaultAccount() throws ScenarioException {
        Scenario s = loader.parse("s.yaml", SCENARIO.replace("{ tenant: acme, family: m5, count: 2, zone: a }",
                "{ zone: a }").replace("tenant: acme, tenancy: host", "tenancy: host"));
        assertThat(s.region().dedicatedHosts()).containsExactly(new DedicatedHostConfig("default", 0, "m5", 0, "a", 1));
    }

    @Test
    void theBillIsTheHostsPerHostHourAndNotTheInstancesOnThem() throws IOException, ScenarioException {
        RunResult r = new ScenarioRunner().run(loader.parse("s.yaml", SCENARIO), (a, b, c) -> { }).result();
        assertThat(r.insufficientCapacity()).isEqualTo(2);
        DedicatedHostResult hosts = r.dedicatedHosts().get(0);
        // all 12 placed instances on acme's hosts, none of the other account's
        assertThat(hosts.launched()).isEqualTo(12);
        assertThat(hosts.peakInstances()).isEqualTo(12);
        assertThat(r.services().get(1).instances()).isEqualTo(12);

        // by hand, us-east-1 prices: m5 Dedicated Host = m5.metal $4.608 x 1.10 = $5.0688 per host-hour;
        // 2 hosts x 2 h = $20.2752, whatever runs on them
        assertThat(hosts.usdPerHostHour()).isCloseTo(5.0688, within(1e-9));
        assertThat(hosts.costUsd()).isCloseTo(2 * 5.0688 * 2, within(1e-9));
        assertThat(r.dedicatedHostUsd()).isCloseTo(20.2752, within(1e-9));
        // the instances on them are not billed per second: the service pays only its root volumes
        ServiceResult licensed = r.services().get(1);
        assertThat(licensed.billedSeconds()).isZero();
        // each EBS root volume: 8 GiB gp3 at $0.08 per GB-month of 730 h, from first running (40 s boot) to the end
        double volumeHour = 8 * 0.08 / 730;
        double runningHours = (7200 - 40) / 3600.0;
        assertThat(licensed.costUsd()).isCloseTo(12 * volumeHour * runningHours, within(1e-9));
        // the shared web instances: 2 x m5.large at $0.096 per hour from running (40 s) to the end
        ServiceResult web = r.services().get(0);
        assertThat(web.billedSeconds()).isEqualTo(2 * (7200 - 40));
        assertThat(web.costUsd()).isCloseTo(2 * 0.096 * runningHours + 2 * volumeHour * runningHours, within(1e-9));
        double total = 20.2752 + 2 * 0.096 * runningHours + 14 * volumeHour * runningHours;
        assertThat(r.costUsd()).as("plus the load balancers, addresses, ... (ChargeLinesScenarioTest)")
                .isCloseTo(total + r.chargesUsd(), within(1e-9));
        assertThat(r.ebsUsd()).isCloseTo(14 * volumeHour * runningHours, within(1e-9));

        assertThat(SummaryTable.render(r)).contains("Dedicated Hosts $20.28, load balancers $")
                .containsPattern("2 x m5 +acme +a +12 +12 +5\\.0688 +20\\.28")
                .contains("2 launches failed for insufficient host capacity");
        assertThat(new String(SummaryJson.summary(r), StandardCharsets.UTF_8))
                .contains("\"dedicatedHostsUsd\" : 20.2752").contains("\"tenant\" : \"acme\"");
        assertThat(new String(SummaryMarkdown.render(r, List.of()), StandardCharsets.UTF_8))
                .contains("| 2 x m5 | acme | a | 12 | 12 | 5.0688 | 20.28 |");
    }

    @Test
    void comparePricesTheAllocatedHostsAndNotTheInstancesOnThem() throws IOException, ScenarioException {
        CostReport report = new ScenarioRunner().run(loader.parse("s.yaml", SCENARIO), (a, b, c) -> { },
                PurchaseStrategy.onDemand()).cost().orElseThrow();
        double runningHours = (7200 - 40) / 3600.0;
        assertThat(report.usd(CostCategory.DEDICATED_HOST)).isCloseTo(20.2752, within(1e-9));
        assertThat(report.usd(CostCategory.ON_DEMAND)).isCloseTo(2 * 0.096 * runningHours, within(1e-9));
    }

    @Test
    void sameTenantsSharedLaunchesStayOffItsDedicatedHosts() throws IOException, ScenarioException {
        // acme's own default-tenancy instances need the shared pool: host 0 (96 threads) holds the web's
        // 2 m5.large (4 vCPUs) and 5 of acme's m5.4xlarge (80), so 3 of 8 are refused, with two empty
        // Dedicated Hosts beside it, billed all the same
        RunResult r = new ScenarioRunner().run(loader.parse("s.yaml",
                SCENARIO.replace("instances: 14", "instances: 8").replace("tenant: acme, tenancy: host", "tenant: acme")),
                (a, b, c) -> { }).result();
        assertThat(r.dedicatedHosts().get(0).launched()).isZero();
        assertThat(r.insufficientCapacity()).isEqualTo(3);
        assertThat(r.dedicatedHostUsd()).isCloseTo(20.2752, within(1e-9));
    }
}
