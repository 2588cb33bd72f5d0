package io.stratus.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratus.compute.InstanceCatalog;
import io.stratus.scenario.Scenario;
import io.stratus.scenario.ScenarioLoader;
import io.stratus.sweep.HeadlineMetrics;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/**
 * Faults through the whole run: every request that did not complete and is not in progress has a
 * counted cause (no healthy target, capacity short, lost with its instance), the lost ones
 * counted as their instance left running, not as a remainder; fixed fleets are recovered by EC2
 * automatic recovery, groups replace; a scenario without faults reports none.
 */
class FaultScenarioTest {

    private static final String SCENARIO = """
            name: faults
            seed: 1
            duration: 3h
            region:
              zones: [us-east-1a, us-east-1b, us-east-1c]
              hosts: { family: m5, count: 2, per-zone: true }
            services:
              group:
                auto-scaling: { min: 3, max: 12, desired: 3, target-tracking: { metric: cpu, target: 50% } }
                launch: { type: m5.large }
                requests:
                  arrival: { poisson: { rate: 60/s } }
                  service: { cpu: 30ms }
              fixed:
                instances: 3
                launch: { type: m5.large }
                requests:
                  arrival: { poisson: { rate: 40/s } }
                  service: { cpu: 30ms }
            faults:
              latency: 400ms
              host-failures: { time-to-failure: 3h, repair: 20m }
              zone-outages:
                - { zone: us-east-1b, start: 90m, duration: 30m }
              scheduled-events:
                - { event: host-maintenance, zone: us-east-1c, host: 1, at: 150m, notice: 1h, window: 10m }
            """;

    private static RunResult run(String text, Map<String, String> overrides) throws Exception {
        Scenario s = new ScenarioLoader(InstanceCatalog.bundled()).parse("faults.yaml", text, overrides);
        return new ScenarioRunner().run(s, null).result();
    }

    @Property(tries = 6, seed = "20261203")
    void noRequestIsLostWithoutACountedCause(@ForAll @LongRange(min = 1, max = 1_000_000) long seed) throws Exception {
        RunResult r = run(SCENARIO, Map.of("seed", Long.toString(seed)));
        FaultsResult f = r.faults().orElseThrow();
        assertThat(f.hostFailures()).isPositive();
        for (int i = 0; i < r.services().size(); i++) {
            ServiceResult s = r.services().get(i);
            ServiceFaults sf = f.services().get(i);
            assertThat(sf.name()).isEqualTo(s.name());
            assertThat(sf.requests()).isEqualTo(s.requests());
            // the service's dropped is what is left once the rest is counted; the lost are counted one by one
            assertThat(sf.instanceLost()).as("lost with instances, %s", s.name()).isEqualTo(s.dropped());
            assertThat(s.completed() + s.inFlight() + sf.noHealthyTarget() + sf.capacityShort() + sf.instanceLost())
                    .isEqualTo(s.requests());
            assertThat(sf.noHealthyTarget() + sf.capacityShort()).isEqualTo(s.refused());
            assertThat(sf.breachMinutes()).isLessThanOrEqualTo(sf.minutes());
            assertThat(sf.longestBreachMinutes()).isLessThanOrEqualTo(sf.breachMinutes());
        }
    }

    @Test
    void fixedFleetsAreRecoveredAndGroupsReplaceTheirInstances() throws Exception {
        RunResult r = run(SCENARIO, Map.of());
        FaultsResult f = r.faults().orElseThrow();
        assertThat(f.instancesRecovered()).as("fixed-fleet instances moved to new hardware").isPositive();
        assertThat(f.instancesLost()).as("group instances lost with their hosts").isPositive();
        assertThat(f.notices()).isEqualTo(1);
        // the outage and every failure are in the downtime: at least the zone's 2 hosts for 30 min
        assertThat(f.hostHoursDown()).isGreaterThanOrEqualTo(1.0);
        // a sweep keeps each service's fault measures
        assertThat(HeadlineMetrics.of(r)).anyMatch(m -> m.workload().equals("faults:group")
                && m.metric().equals("breach_minutes"));
        RunResult off = run(SCENARIO, Map.of("faults.auto-recovery", "false"));
        assertThat(off.faults().orElseThrow().instancesRecovered()).isZero();
    }

    @Test
    void aScenarioWithoutFaultsReportsNone() throws Exception {
        String without = SCENARIO.substring(0, SCENARIO.indexOf("faults:")).replace("duration: 3h", "duration: 10m");
        RunResult r = run(without, Map.of());
        assertThat(r.faults()).isEmpty();
        assertThat(HeadlineMetrics.of(r)).noneMatch(m -> m.workload().startsWith("faults:"));
    }
}
