package io.stratus.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.stratus.compute.InstanceCatalog;
import io.stratus.report.SummaryMarkdown;
import io.stratus.report.SummaryTable;
import io.stratus.scenario.GpuClusterConfig;
import io.stratus.scenario.Scenario;
import io.stratus.scenario.ScenarioException;
import io.stratus.scenario.ScenarioLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The {@code gpu-clusters:} section end to end: a scenario of GPU clusters alone needs no region;
 * the defaults; a replay of the bundled trace excerpt (4 nodes with two P100 each, 20 pods, one of
 * which asks 88 cores and 8 GPUs and so can never be placed) under every policy, with the trace's
 * departures: pods are conserved, the impossible pod is never placed, and two runs are equal. And a
 * GPU cluster sharing one region with a web service: its nodes are billed EC2 instances on hosts of
 * their own, next to the service's.
 */
class GpuClusterScenarioTest {

    private static final String EXCERPT = String.join("\n",
            "name: gpu-excerpt",
            "duration: 150d",
            "gpu-clusters:",
            "  tiny:",
            "    nodes: { path: alibaba/alibaba_gpu2023_openb_node_list_excerpt.csv }",
            "    pods: { path: alibaba/alibaba_gpu2023_openb_pod_list_excerpt.csv }",
            "    policies: [first-fit, best-fit, worst-fit, fgd]",
            "metrics: { period: 1d }",
            "");

    private final ScenarioLoader loader = new ScenarioLoader(InstanceCatalog.bundled());

    private Scenario excerpt() throws ScenarioException {
        return loader.parse("src/test/resources/traces/inline.yaml", EXCERPT);
    }

    @Test
    void aScenarioOfGpuClustersAloneNeedsNoRegion() throws ScenarioException {
        Scenario s = excerpt();
        assertThat(s.region()).isNull();
        GpuClusterConfig c = s.gpuClusters().get(0);
        assertThat(c.policies()).containsExactly("first-fit", "best-fit", "worst-fit", "fgd");
        assertThat(c.speedup()).isEqualTo(1.0);
        assertThat(c.loadFactor()).isEqualTo(1.0);
        assertThat(c.departures()).isTrue();
    }

    @Test
    void policiesDefaultToFgdAndMayBeOneName() throws ScenarioException {
        Scenario s = loader.parse("src/test/resources/traces/inline.yaml",
                EXCERPT.replace("    policies: [first-fit, best-fit, worst-fit, fgd]\n", ""));
        assertThat(s.gpuClusters().get(0).policies()).containsExactly("fgd");
        Scenario bundled = loader.load(Path.of("scenarios", "gpu-fragmentation.yaml"),
                Map.of("gpu-clusters.openb.policies", "best-fit"));
        assertThat(bundled.gpuClusters().get(0).policies()).containsExactly("best-fit");
    }

    @Test
    void replayConservesPodsAndIsDeterministic() throws IOException, ScenarioException {
        ScenarioRunner.Outcome first = new ScenarioRunner().run(excerpt(), null);
        ScenarioRunner.Outcome second = new ScenarioRunner().run(excerpt(), null);
        assertThat(second.result()).isEqualTo(first.result());
        assertThat(second.metrics()).isEqualTo(first.metrics());
        List<GpuClusterResult> results = first.result().gpuClusters();
        assertThat(results).extracting(GpuClusterResult::policy)
                .containsExactly("first-fit", "best-fit", "worst-fit", "fgd");
        for (GpuClusterResult r : results) {
            assertThat(r.arrived()).as(r.policy()).isEqualTo(20);
            assertThat(r.placed() + r.pendingAtEnd() + r.neverPlaced()).as(r.policy()).isEqualTo(r.arrived());
            // the 88-core pod fits no 64-core node: it waits from 9,437,497 s to its deletion at 10,769,854 s
            assertThat(r.neverPlaced()).as(r.policy()).isGreaterThanOrEqualTo(1);
            assertThat(r.nodes()).isEqualTo(9);
            assertThat(r.gpus()).isEqualTo(8);
            assertThat(r.endAllocation()).isBetween(0.0, 1.0);
        }
        assertThat(first.result().hosts()).isEqualTo(9);
        // one row per policy and day
        assertThat(first.metrics()).hasSize(4 * 150);
        assertThat(first.metrics().get(0).service()).isEqualTo("tiny/first-fit");
        assertThat(first.metrics()).allSatisfy(m -> assertThat(m.gpuAllocation()).isBetween(0.0, 1.0));
    }

    /**
     * The excerpt's 9 nodes as instances of their closest catalogue types, beside a web service of
     * two m5.large on the region's two m5 hosts, for one hour. By hand from the catalogue: the five
     * CPU nodes (32 cores, 256 GiB) are r6g.8xlarge, the cheapest priced CPU type with 32 vCPUs and
     * 256 GiB ($1.6128 an hour); the four P100 nodes (64 cores, 256 GiB, 2 GPUs; no P100 type) are
     * g4ad.16xlarge, the cheapest GPU type with 2 GPUs, 64 vCPUs and 256 GiB ($3.468). They boot in
     * 60 s, so each runs 3,540 s: 3,540 / 3,600 x (5 x 1.6128 + 4 x 3.468) = $21.5704, plus their
     * 8 GiB gp3 root volumes at $0.08 per GB-month of 730 hours over the same 3,540 s.
     */
    private static final String SHARED = String.join("\n",
            "name: gpu-beside-a-service",
            "duration: 1h",
            "region: { zones: [a], hosts: { family: m5, count: 2 } }",
            "services:",
            "  web:",
            "    auto-scaling: { min: 2, max: 2, desired: 2 }",
            "    launch: { type: m5.large }",
            "    requests:",
            "      arrival: { poisson: { rate: 20/s } }",
            "      service: { cpu: 25ms }",
            "gpu-clusters:",
            "  tiny:",
            "    nodes: { path: alibaba/alibaba_gpu2023_openb_node_list_excerpt.csv, capacity: instance-type, boot: 60s }",
            "    pods: { path: alibaba/alibaba_gpu2023_openb_pod_list_excerpt.csv }",
            "    policies: [first-fit]",
            "metrics: { period: 10m }",
            "");

    @Test
    void aGpuClusterAndAServiceShareOneRegionAndOneBill() throws IOException, ScenarioException {
        Scenario s = loader.parse("src/test/resources/traces/inline.yaml", SHARED);
        GpuClusterConfig c = s.gpuClusters().get(0);
        assertThat(c.traceCapacity()).isFalse();
        assertThat(c.bootMicros()).isEqualTo(60_000_000L);
        ScenarioRunner.Outcome outcome = new ScenarioRunner().run(s, null);
        RunResult r = outcome.result();
        assertThat(r.hosts()).as("2 m5 hosts and one host per GPU node").isEqualTo(2 + 9);
        assertThat(r.insufficientCapacity()).isZero();
        GpuClusterResult g = r.gpuClusters().get(0);
        assertThat(g.instances()).isEqualTo(9);
        assertThat(g.instanceTypes()).isEqualTo(Map.of("g4ad.16xlarge", 4, "r6g.8xlarge", 5));
        // capacity: instance-type: g4ad.16xlarge's 4 GPUs per P100 node
        assertThat(g.gpus()).isEqualTo(16);
        // the first pod (12 cores, one whole GPU) arrives at 0 and is placed when the nodes run
        assertThat(g.arrived()).isEqualTo(1);
        assertThat(g.placed()).isEqualTo(1);
        assertThat(g.meanWaitS()).isEqualTo(60.0);
        double running = 3540.0 / 3600;
        double volumes = 9 * 8 * 0.08 / 730 * running;
        assertThat(g.costUsd()).isCloseTo(running * (5 * 1.6128 + 4 * 3.468) + volumes, within(1e-9));
        ServiceResult web = r.services().get(0);
        assertThat(web.completed()).isGreaterThan(60_000);
        assertThat(r.costUsd()).as("plus the service's load balancer, addresses, ... (ChargeLinesScenarioTest)")
                .isCloseTo(web.costUsd() + g.costUsd() + r.chargesUsd(), within(1e-9));
        assertThat(r.chargesUsd()).isPositive();
        MetricsRow last = outcome.metrics().stream().filter(m -> m.service().equals("tiny/first-fit"))
                .reduce((a, b) -> b).orElseThrow();
        assertThat(last.periodEndMicros()).isEqualTo(3_600_000_000L);
        assertThat(last.costUsd()).as("cost so far at the end").isCloseTo(g.costUsd(), within(1e-9));
        assertThat(SummaryTable.render(r)).contains("On-demand cost: $");
        assertThat(new String(SummaryMarkdown.render(r, List.of()), StandardCharsets.UTF_8))
                .contains("Nodes of tiny: 9 EC2 instances (4 x g4ad.16xlarge, 5 x r6g.8xlarge), on-demand $21.58.");
    }

    @Test
    void traceCapacityIsTheDefaultAndNodesBootAtOnce() throws ScenarioException {
        GpuClusterConfig c = excerpt().gpuClusters().get(0);
        assertThat(c.traceCapacity()).isTrue();
        assertThat(c.bootMicros()).isZero();
    }
}
