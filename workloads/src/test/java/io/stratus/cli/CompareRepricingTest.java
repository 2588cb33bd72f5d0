package io.stratus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Strategies that cannot change what happens are priced from the on-demand run's usage instead of
 * being simulated again: the differential oracle is {@code --simulate-each}, which gives every
 * strategy its own run, and every output file must be byte for byte the same, for one
 * replication and for several.
 *
 * <p>The scenario scales with a daily cycle (so commitments are partly used and hours differ),
 * has a Dedicated Instance service of another account (tenancy decides its keys whatever the
 * strategy, so relabelling must leave them alone) and lists every kind of strategy: on-demand,
 * standard and parameterised reservations, savings plans, Dedicated Instances (a relabelling of
 * the usage), and spot and mixed (simulated either way).
 */
public class CompareRepricingTest {

    /** A scaling service, a Dedicated Instance of another account, and every kind of strategy. */
    public static final String SCENARIO = String.join("\n",
            "name: repricing",
            "seed: 11",
            "duration: 5h",
            "region:",
            "  zones: [a, b]",
            "  hosts: { family: m5, count: 2, per-zone: true }",
            "services:",
            "  web:",
            "    auto-scaling: { min: 1, max: 6, desired: 1, warm-up: 60s,",
            "                    target-tracking: { metric: cpu, target: 50% } }",
            "    launch: { type: m5.large, ami: { boot: 30s } }",
            "    requests:",
            "      arrival: { diurnal: { mean: 30/s, peak: \"02:00\", peak-factor: 3, width: 60m } }",
            "      service: { cpu: 25ms, distribution: exponential }",
            "  vault:",
            "    instances: 1",
            "    launch: { type: c5.large, tenant: vault, tenancy: dedicated, ami: { boot: 0s } }",
            "    requests:",
            "      arrival: { poisson: { rate: 2/s } }",
            "      service: { cpu: 10ms }",
            "compare:",
            "  slo: { p99: 200ms }",
            "  strategies:",
            "    - on-demand",
            "    - spot",
            "    - reserved-1y",
            "    - reserved: { term: 3y, coverage: 50%, payment: all-upfront }",
            "    - savings-plan-1y",
            "    - savings-plan: { term: 3y, coverage: 80%, kind: ec2-instance, family: m5 }",
            "    - dedicated-instances",
            "    - mixed: { on-demand-base: 1, spot-share: 50% }",
            "");

    private static final String[] FILES = {"compare.json", "compare.csv", "compare.md", "compare.png"};

    @Test
    void pricingFromTheOnDemandRunEqualsSimulatingEachStrategy(@TempDir Path dir) throws Exception {
        Path scenario = dir.resolve("repricing.yaml");
        Files.writeString(scenario, SCENARIO);
        for (String reps : new String[] {"1", "3"}) {
            Path priced = dir.resolve("priced-" + reps);
            Path each = dir.resolve("each-" + reps);
            StratusCliTest.Result a = StratusCliTest.execute("compare", scenario.toString(), "--quiet",
                    "--replications", reps, "--out", priced.toString());
            assertThat(a.exit()).as(a.err()).isZero();
            StratusCliTest.Result b = StratusCliTest.execute("compare", scenario.toString(), "--quiet", "--simulate-each",
                    "--threads", "1", "--replications", reps, "--out", each.toString());
            assertThat(b.exit()).as(b.err()).isZero();
            for (String f : FILES) {
                assertThat(Files.readAllBytes(priced.resolve(f))).as(reps + " replications: " + f)
                        .isEqualTo(Files.readAllBytes(each.resolve(f)));
            }
        }
        // the comparison is not trivial: commitments are sized, Dedicated Instances cost more, the vault's
        // Dedicated Instance is in every strategy's bill
        JsonNode one = new ObjectMapper().readTree(dir.resolve("priced-1/compare.json").toFile()).get("strategies");
        assertThat(one).hasSize(8);
        assertThat(one.get(2).get("commitments")).isNotEmpty();
        assertThat(one.get(6).get("totalUsd").asDouble()).isGreaterThan(one.get(0).get("totalUsd").asDouble());
        for (JsonNode s : one) {
            assertThat(s.get("byCategory").has("dedicated_instance")).as(s.get("strategy").asText()).isTrue();
        }
    }
}
