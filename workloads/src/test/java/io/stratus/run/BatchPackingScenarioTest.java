package io.stratus.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratus.compute.InstanceCatalog;
import io.stratus.scenario.Scenario;
import io.stratus.scenario.ScenarioException;
import io.stratus.scenario.ScenarioLoader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The bundled {@code batch-packing.yaml} through the whole stack: AWS Batch packing against the
 * one-instance-per-job baseline on the same jobs.
 */
class BatchPackingScenarioTest {

    private static final Path SCENARIO = Path.of("scenarios", "batch-packing.yaml");

    private static Map<String, BatchResult> run(Map<String, String> overrides) throws IOException, ScenarioException {
        Scenario scenario = new ScenarioLoader(InstanceCatalog.bundled()).load(SCENARIO, overrides);
        return ContrastRuns.run(scenario, null).result().batches().stream()
                .collect(Collectors.toMap(BatchResult::name, Function.identity()));
    }

    @Test
    void reuseWithoutScaleInDelayOnTheSameTypeBillsExactlyTheBaseline() throws IOException, ScenarioException {
        // every job is one or two whole c5.2xlarge: with no idle time kept, an instance lives exactly
        // its jobs' run, so the differential oracle (one instance set per job) bills the same seconds
        Map<String, BatchResult> r = run(Map.of("batch.reused.compute-environments.on-demand.scale-down-after", "0s"));
        BatchResult baseline = r.get("one-per-job");
        BatchResult reused = r.get("reused");
        assertThat(baseline.completed()).isEqualTo(93);
        assertThat(reused.completed()).isEqualTo(93);
        assertThat(reused.billedSeconds()).isEqualTo(baseline.billedSeconds());
        assertThat(reused.costUsd()).isEqualTo(baseline.costUsd());
    }

    @Test
    void packingLaunchesFewerInstancesAndWaitsLess() throws IOException, ScenarioException {
        Map<String, BatchResult> r = run(Map.of());
        BatchResult baseline = r.get("one-per-job");
        BatchResult packed = r.get("packed");
        assertThat(packed.completed()).isEqualTo(93);
        assertThat(packed.instances()).isLessThan(baseline.instances());
        assertThat(packed.meanWaitS()).isLessThan(baseline.meanWaitS());
        assertThat(r.get("packed-spot").costUsd()).isLessThan(packed.costUsd());
    }

    @Test
    void arrayJobsMultiplyTheSubmissions() throws IOException, ScenarioException {
        Map<String, BatchResult> r = run(Map.of("batch.reused.job-queues.jobs.jobs.array-size", "3",
                "batch.one-per-job.jobs.array-size", "2"));
        assertThat(r.get("reused").submitted()).isEqualTo(279);
        assertThat(r.get("reused").completed()).isEqualTo(279);
        assertThat(r.get("one-per-job").submitted()).isEqualTo(186);
    }
}
