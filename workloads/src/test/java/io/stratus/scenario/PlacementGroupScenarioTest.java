package io.stratus.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratus.compute.InstanceCatalog;
import io.stratus.placement.PlacementGroups;
import io.stratus.placement.PlacementRequest;
import io.stratus.report.SummaryJson;
import io.stratus.report.SummaryTable;
import io.stratus.run.RunResult;
import io.stratus.run.ScenarioRunner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Placement groups and racks read from scenario files and honoured in a run: groups numbered in
 * order of first mention and shared by name, partitions numbered from 1 in the file, and launches
 * the rules refuse counted and reported.
 */
class PlacementGroupScenarioTest {

    private final ScenarioLoader loader = new ScenarioLoader(InstanceCatalog.bundled());

    private static String scenario(String hosts, String webGroup, int webInstances, String apiGroup) {
        return String.join("\n",
                "name: groups",
                "seed: 3",
                "duration: 10m",
                "region:",
                "  zones: [a]",
                "  hosts: " + hosts,
                "services:",
                "  web:",
                "    instances: " + webInstances,
                "    launch: { type: m5.large, placement-group: " + webGroup + " }",
                "    requests:",
                "      arrival: { poisson: { rate: 5/s } }",
                "      service: { cpu: 10ms }",
                "  api:",
                "    instances: 2",
                "    launch: { type: m5.large, placement-group: " + apiGroup + " }",
                "    requests:",
                "      arrival: { poisson: { rate: 5/s } }",
                "      service: { cpu: 10ms }",
                "");
    }

    @Test
    void groupsAreNumberedByFirstMentionAndSharedByName() throws ScenarioException {
        Scenario s = loader.parse("s.yaml", scenario("{ family: m5, count: 8, racks: 4 }",
                "{ strategy: partition, partitions: 3, partition: 2 }", 2, "{ name: web, strategy: partition, partitions: 3 }"));
        assertThat(s.region().racksPerZone()).isEqualTo(4);
        assertThat(s.placementGroups()).containsExactly(
                new PlacementGroupConfig("web", PlacementGroups.Strategy.PARTITION, 3));
        assertThat(s.services().get(0).launch().placementGroup()).isZero();
        assertThat(s.services().get(0).launch().partition()).isEqualTo(1); // partition 2 in the file
        assertThat(s.services().get(1).launch().placementGroup()).isZero();
        assertThat(s.services().get(1).launch().partition()).isEqualTo(PlacementRequest.ANY_PARTITION);
    }

    @Test
    void aScenarioWithoutGroupsHasNoneAndOneRackPerHost() throws ScenarioException {
        Scenario s = loader.parse("s.yaml", ScenarioLoaderTest.VALID);
        assertThat(s.placementGroups()).isEmpty();
        assertThat(s.region().racksPerZone()).isEqualTo(s.region().hostsPerZone());
        assertThat(s.services().get(0).launch().placementGroup()).isEqualTo(PlacementRequest.NO_GROUP);
    }

    @Test
    void spreadRefusalsAreCountedAndReported() throws ScenarioException, IOException {
        // one zone of 10 hosts in 5 racks: the spread group "web" takes 5 racks for 9 instances
        // (one per rack, at most 7 per zone), so 4 launches are refused by its rules while hosts
        // have room; "api" in its own cluster group is placed normally
        Scenario s = loader.parse("s.yaml", scenario("{ family: m5, count: 10, racks: 5 }",
                "{ strategy: spread }", 9, "{ name: api-cluster, strategy: cluster }"));
        RunResult r = new ScenarioRunner().run(s, (a, b, c) -> { }).result();
        assertThat(r.placementGroups()).isEqualTo(2);
        assertThat(r.insufficientCapacity()).isEqualTo(4);
        assertThat(r.refusedByGroupRules()).isEqualTo(4);
        assertThat(r.services().get(0).instances()).isEqualTo(5);
        assertThat(r.services().get(1).instances()).isEqualTo(2);
        assertThat(SummaryTable.render(r)).contains("4 launches failed for insufficient host capacity "
                + "(4 of them refused by placement-group rules)");
        assertThat(new String(SummaryJson.summary(r), StandardCharsets.UTF_8))
                .contains("\"refusedByPlacementGroupRules\" : 4");
    }
}
