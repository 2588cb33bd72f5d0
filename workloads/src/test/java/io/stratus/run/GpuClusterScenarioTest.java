package io.stratus.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratus.compute.InstanceCatalog;
import io.stratus.scenario.GpuClusterConfig;
import io.stratus.scenario.Scenario;
import io.stratus.scenario.ScenarioException;
import io.stratus.scenario.ScenarioLoader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The {@code gpu-clusters:} section end to end: a scenario of GPU clusters alone needs no region;
 * the defaults; a replay of the bundled trace excerpt (4 nodes with two P100 each, 20 pods, one of
 * which asks 88 cores and 8 GPUs and so can never be placed) under every policy, with the trace's
 * departures: pods are conserved, the impossible pod is never placed, and two runs are equal.
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
}
