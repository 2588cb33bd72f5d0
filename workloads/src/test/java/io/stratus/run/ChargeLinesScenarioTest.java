package io.stratus.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.stratus.compute.InstanceCatalog;
import io.stratus.pricing.Charge;
import io.stratus.pricing.CostReport;
import io.stratus.pricing.PurchaseStrategy;
import io.stratus.report.SummaryJson;
import io.stratus.report.SummaryTable;
import io.stratus.scenario.ScenarioException;
import io.stratus.scenario.ScenarioLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A scenario's charges beyond instances, worked by hand from the price table and the run's own
 * request count R. Two m5.large (boot 0 s) without public addresses run 90 min in zones a and b;
 * one NAT gateway (in zone a) and one idle Elastic IP; requests of 1 KB in, 9 KB back, each
 * sending 10 KB out through the NAT gateway; detailed monitoring; 40 GB of snapshots. A GB is
 * 2^30 bytes; 90 min is 1.5 / 730 of a month.
 * <ul>
 *   <li>ALB: 2 hours (90 min, the partial hour whole) x $0.0225 = $0.045. LCUs: processed bytes
 *       dominate every hour (per request 10,000 B = 9.31e-6 LCU against 1/36,000/25 = 1.11e-6 for
 *       new connections and 60/36,000/3,000 = 5.6e-7 for active ones), so R x 10,000 / 2^30
 *       LCU-hours at $0.008</li>
 *   <li>internet: R x (9,000 + 10,000) B, less 100 x 1.5 / 730 = 0.205479 GB free, at $0.09</li>
 *   <li>NAT: 2 gateway-hours x $0.045 = $0.09, and R x 10,000 B processed at $0.045 per GB</li>
 *   <li>inter-zone: zone b's half of the NAT bytes crosses to zone a, billed out and in:
 *       2 x R x 5,000 B at $0.01</li>
 *   <li>public IPv4: 2 balancer nodes x 1.5 h + 1 idle Elastic IP x 1.5 h = 4.5 address-hours
 *       x $0.005 = $0.0225 (the instances have none)</li>
 *   <li>detailed monitoring: 2 x 5,400 s = 3 instance-hours x 7 metrics / 730 = 0.0287671
 *       metric-months x $0.30 = $0.00863014</li>
 *   <li>snapshots: 40 GB = 40e9 / 2^30 = 37.252903 GB x 1.5 / 730 x $0.05 = $0.00382735</li>
 * </ul>
 */
class ChargeLinesScenarioTest {

    private static final String SCENARIO = String.join("\n",
            "name: charges",
            "seed: 5",
            "duration: 90m",
            "region:",
            "  zones: [a, b]",
            "  hosts: { family: m5, count: 1 }",
            "  nat-gateways: 1",
            "  idle-elastic-ips: 1",
            "services:",
            "  web:",
            "    instances: 2",
            "    launch: { type: m5.large, ami: { boot: 0s } }",
            "    load-balancer: { request-size: 1KB, response-size: 9KB }",
            "    network: { public-ip: false, outbound-per-request: 10KB, outbound-via: nat-gateway }",
            "    detailed-monitoring: true",
            "    snapshots: 40GB",
            "    requests:",
            "      arrival: { poisson: { rate: 10/s } }",
            "      service: { cpu: 10ms }",
            "");

    private static final double GB = 1_073_741_824.0;

    private final ScenarioLoader loader = new ScenarioLoader(InstanceCatalog.bundled());

    @Test
    void everyChargeWorkedByHand() throws IOException, ScenarioException {
        RunResult r = new ScenarioRunner().run(loader.parse("s.yaml", SCENARIO), (a, b, c) -> { }).result();
        long requests = r.services().get(0).requests();
        assertThat(requests).isBetween(50_000L, 58_000L);
        Map<String, Double> cost = r.charges().stream()
                .collect(Collectors.toMap(Charge::name, Charge::costUsd, Double::sum));
        assertThat(cost.get("web: load balancer hours")).isCloseTo(0.045, within(1e-12));
        assertThat(cost.get("web: load balancer capacity units")).isCloseTo(requests * 1e4 / GB * 0.008, within(1e-12));
        long served = r.services().get(0).completed(); // only served requests send bytes out
        assertThat(served).isLessThanOrEqualTo(requests).isGreaterThan(requests - 100);
        double internetGb = served * 19_000 / GB;
        assertThat(cost.get("data transfer out to the internet, tier 1"))
                .isCloseTo((internetGb - 100 * 1.5 / 730) * 0.09, within(1e-12));
        assertThat(cost.get("NAT gateway hours")).isCloseTo(0.09, within(1e-12));
        assertThat(cost.get("NAT gateway data processed")).isCloseTo(served * 1e4 / GB * 0.045, within(1e-12));
        assertThat(cost.get("data transfer between zones (to a NAT gateway in another zone)"))
                .isCloseTo(2 * served * 5e3 / GB * 0.01, within(1e-12));
        assertThat(cost).doesNotContainKey("public IPv4: instances");
        assertThat(cost.get("public IPv4: load balancer nodes") + cost.get("public IPv4: idle Elastic IPs"))
                .isCloseTo(0.0225, within(1e-12));
        assertThat(cost.get("web: CloudWatch detailed monitoring")).isCloseTo(0.00863014, within(1e-8));
        assertThat(cost.get("web: EBS snapshots")).isCloseTo(0.00382735, within(1e-8));
        assertThat(cost).doesNotContainKey("CloudWatch alarms"); // a fixed fleet, no alarm

        // the total is the instances and volumes plus every line
        double instances = 2 * 5400 * 0.096 / 3600 + 2 * 8 * 0.08 / 730 * 1.5;
        assertThat(r.costUsd()).isCloseTo(instances + Charge.totalUsd(r.charges()), within(1e-9));
        assertThat(SummaryTable.render(r)).contains("NAT gateways $").contains("public IPv4 $0.0225")
                .contains("web: load balancer capacity units");
        assertThat(new String(SummaryJson.summary(r), StandardCharsets.UTF_8)).contains("\"unit\" : \"LCU-hour\"")
                .contains("\"usdPerUnit\" : 0.0225");
    }

    @Test
    void compareCarriesTheSameLinesInEveryTotal() throws IOException, ScenarioException {
        ScenarioRunner.Outcome o = new ScenarioRunner().run(loader.parse("s.yaml", SCENARIO), (a, b, c) -> { },
                PurchaseStrategy.onDemand());
        CostReport cost = o.cost().orElseThrow();
        List<Charge> lines = cost.bill().charges();
        assertThat(lines).isEqualTo(o.result().charges());
        assertThat(cost.totalUsd()).isCloseTo(o.result().costUsd(), within(1e-9));
        assertThat(cost.savingsUsd()).isCloseTo(0, within(1e-9));
    }
}
