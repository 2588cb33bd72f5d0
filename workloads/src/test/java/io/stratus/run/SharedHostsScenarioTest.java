package io.stratus.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stratus.compute.InstanceCatalog;
import io.stratus.report.SummaryJson;
import io.stratus.scenario.Scenario;
import io.stratus.scenario.ScenarioException;
import io.stratus.scenario.ScenarioLoader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The bundled {@code shared-hosts.yaml}: every workload kind on the same two hosts, with live
 * migration of the VMs beside the others, and its contrast run.
 */
class SharedHostsScenarioTest {

    private static final Path SCENARIO = Path.of("scenarios", "shared-hosts.yaml");

    @Test
    void vmsMigrateBetweenHostsSharedWithTheOtherWorkloads() throws IOException, ScenarioException {
        Scenario scenario = new ScenarioLoader(InstanceCatalog.bundled()).load(SCENARIO, Map.of("duration", "6h",
                "consolidation.migration.upper", "70%", "consolidation.migration.lower", "20%"));
        RunResult result = ContrastRuns.run(scenario, null).result();
        ConsolidationResult vms = result.consolidation().orElseThrow();
        assertThat(vms.placed()).isEqualTo(90);
        assertThat(vms.migrations()).isPositive();
        assertThat(vms.deliveredVcpuHours()).isLessThanOrEqualTo(vms.demandedVcpuHours());
        assertThat(result.services()).hasSize(1);
        assertThat(result.batches().get(0).completed()).isPositive();
        assertThat(result.queues().get(0).deleted()).isPositive();
        assertThat(result.services().get(0).stealFraction()).isPositive();
    }

    @Test
    void theContrastRunHoldsOnlyTheNamedWorkloadWithTheSameRequests() throws IOException, ScenarioException {
        Scenario scenario = new ScenarioLoader(InstanceCatalog.bundled()).load(SCENARIO, Map.of("duration", "2h"));
        assertThat(scenario.contrast().alone()).containsExactly("web");
        Scenario alone = scenario.alone(scenario.contrast().alone());
        assertThat(alone.services()).hasSize(1);
        assertThat(alone.batches()).isEmpty();
        assertThat(alone.queues()).isEmpty();
        assertThat(alone.consolidation()).isEmpty();
        assertThat(alone.contrast().any()).isFalse();
        assertThat(alone.region()).isEqualTo(scenario.region());

        RunResult result = ContrastRuns.run(scenario, null).result();
        ServiceResult shared = result.services().get(0);
        ServiceResult web = result.contrast().orElseThrow().result().services().get(0);
        assertThat(web.requests()).isEqualTo(shared.requests());
        assertThat(web.stealFraction()).isZero();
        assertThat(shared.stealFraction()).isPositive();
        JsonNode json = new ObjectMapper().readTree(SummaryJson.summary(result)).get("contrast");
        assertThat(json.get("alone").get(0).asText()).isEqualTo("web");
        assertThat(json.get("sideBySide").findValuesAsText("measure")).contains("meanMs", "p99Ms", "cpuStealPercent");
        assertThat(json.get("aloneRun").get("services").get(0).get("cpuSteal").asDouble()).isZero();
        assertThat(json.get("aloneRun").get("batches")).isEmpty();
    }
}
