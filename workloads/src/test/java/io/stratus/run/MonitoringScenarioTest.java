package io.stratus.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.stratus.compute.InstanceCatalog;
import io.stratus.pricing.EbsPrices;
import io.stratus.pricing.PriceBook;
import io.stratus.scenario.Scenario;
import io.stratus.scenario.ScenarioException;
import io.stratus.scenario.ScenarioLoader;
import io.stratus.sim.Time;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Alarms, step / simple scaling, topics, health-check types and office hours, reached from
 * scenario text and checked against timelines and bills worked by hand.
 *
 * <p>The load is a deterministic ramp: a request-rate trace replayed with even spread, so the
 * RequestCount of each minute is exact: nothing in minutes 0-4, then 10/s, 20/s, 30/s and 40/s
 * from minute 8 on (600, 1,200, 1,800 and 2,400 requests a minute). Instances boot in 40 s, so
 * one launched at a minute's end is in service before the next evaluation.
 */
class MonitoringScenarioTest {

    private final ScenarioLoader loader = new ScenarioLoader(InstanceCatalog.bundled());

    private static String ramp(Path dir) throws IOException {
        StringBuilder b = new StringBuilder();
        for (int s = 0; s < 20 * 60; s++) {
            int minute = s / 60;
            b.append(minute < 5 ? 0 : 10 * Math.min(4, minute - 4)).append('\n');
        }
        Path trace = dir.resolve("ramp.txt");
        Files.writeString(trace, b);
        return trace.toString();
    }

    private static String scenario(Path trace, String autoScaling, String alarms, String duration) {
        return String.join("\n", "name: ramp", "seed: 1", "duration: " + duration, "region:", "  zones: [a]",
                "  hosts: { family: c5, count: 4 }", "topics: [ops]", "alarms:", alarms, "services:", "  web:",
                "    auto-scaling:", autoScaling, "    launch: { type: c5.large, ami: { boot: 40s } }", "    requests:",
                "      arrival: { trace: { format: request-rate, path: " + trace + ", spread: even } }",
                "      service: { cpu: 1ms, distribution: fixed }", "metrics: { period: 1m }", "");
    }

    private ScenarioRunner.Outcome run(String text) throws IOException, ScenarioException {
        return new ScenarioRunner().run(loader.parse("ramp.yaml", text), (a, b, c) -> { });
    }

    /** Running instances at the end of each minute 1..n. */
    private static List<Integer> running(ScenarioRunner.Outcome o) {
        List<Integer> out = new ArrayList<>();
        o.metrics().forEach(r -> out.add(r.running()));
        return out;
    }

    private static final String HIGH = String.join("\n",
            "  high: { metric: web/request-count, statistic: sum, comparison: greater-or-equal, threshold: 1000,",
            "          on-alarm: [ops], on-ok: [ops] }");

    /**
     * Step scaling, [0, 1000) +1 and [1000, inf) +2 on RequestCount >= 1000: the 7:00 datapoint
     * (1,200) adds 1, 8:00 (1,800) adds 1, 9:00 onwards (2,400) add 2 each until max 8: desired 1
     * to 7:00, 2, 3, 5, 7, then 8 from 11:00; each is running a minute later. The group sets
     * warm-up 0s, so an instance counts as capacity as soon as it is in service (without it, EC2's
     * default warm-up, the 300 s cooldown, would hold the adjustments back).
     */
    @Test
    void stepScalingFollowsTheHandTimeline(@TempDir Path dir) throws IOException, ScenarioException {
        String asg = String.join("\n", "      min: 1", "      max: 8", "      warm-up: 0s", "      step-scaling:",
                "        out:",
                "          alarm: high", "          steps:", "            - { lower: 0, upper: 1000, adjustment: 1 }",
                "            - { lower: 1000, adjustment: 2 }");
        ScenarioRunner.Outcome o = run(scenario(Path.of(ramp(dir)), asg, HIGH, "14m"));
        assertThat(running(o)).containsExactly(1, 1, 1, 1, 1, 1, 1, 2, 3, 5, 7, 8, 8, 8);
        MonitoringResult m = o.result().monitoring();
        assertThat(m.alarms()).singleElement().satisfies(a -> {
            assertThat(a.stateAtEnd()).isEqualTo("ALARM");
            assertThat(a.transitions()).isEqualTo(2); // OK at 1:00, ALARM at 7:00
            assertThat(a.secondsInAlarm()).isEqualTo(7 * 60.0);
        });
        assertThat(m.topics()).containsExactly(new MonitoringResult.Topic("ops", 2));
    }

    /**
     * Simple scaling +1 with a 120 s cooldown: +1 at 7:00 (in service 7:40, cooldown to 9:40),
     * +1 at 10:00 (to 12:40), +1 at 13:00: desired 2, 3, 4 running from 8:00, 11:00, 14:00.
     */
    @Test
    void simpleScalingWaitsForItsCooldown(@TempDir Path dir) throws IOException, ScenarioException {
        String asg = String.join("\n", "      min: 1", "      max: 8", "      cooldown: 120s", "      simple-scaling:",
                "        out: { alarm: high, adjustment: 1 }");
        ScenarioRunner.Outcome o = run(scenario(Path.of(ramp(dir)), asg, HIGH, "15m"));
        assertThat(running(o)).containsExactly(1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4);
    }

    /** Three of three: the third breaching datapoint (9:00) raises the alarm, not earlier. */
    @Test
    void anAlarmNeedsItsNDatapoints(@TempDir Path dir) throws IOException, ScenarioException {
        String alarms = "  high: { metric: web/request-count, statistic: sum, comparison: greater-or-equal, "
                + "threshold: 1000, evaluation-periods: 3, on-alarm: [ops] }";
        String asg = String.join("\n", "      min: 1", "      max: 1");
        ScenarioRunner.Outcome o = run(scenario(Path.of(ramp(dir)), asg, alarms, "15m"));
        MonitoringResult.Alarm a = o.result().monitoring().alarms().get(0);
        assertThat(a.alarms()).isEqualTo(1);
        assertThat(a.secondsInAlarm()).isEqualTo(6 * 60.0); // 9:00 to 15:00
        assertThat(o.result().monitoring().topics().get(0).notifications()).isEqualTo(1);
    }

    /**
     * Response time: on the ramp each request (1 ms of CPU, arriving evenly, never two at once)
     * takes exactly 1 ms. No request before 5:00, so the minutes before are missing and the alarm
     * stays INSUFFICIENT_DATA; the 6:00 datapoint (maximum 1.0 ms) breaches 0.5 but not 1.0.
     */
    @Test
    void responseTimeAlarmsSeeEveryRequest(@TempDir Path dir) throws IOException, ScenarioException {
        String alarms = String.join("\n",
                "  slow: { metric: web/response-time, statistic: maximum, comparison: greater-than, threshold: 0.5 }",
                "  slower: { metric: web/response-time, statistic: maximum, comparison: greater-than, threshold: 1 }");
        String asg = String.join("\n", "      min: 1", "      max: 1");
        ScenarioRunner.Outcome o = run(scenario(Path.of(ramp(dir)), asg, alarms, "10m"));
        List<MonitoringResult.Alarm> a = o.result().monitoring().alarms();
        assertThat(a.get(0).stateAtEnd()).isEqualTo("ALARM");
        assertThat(a.get(0).transitions()).isEqualTo(1);
        assertThat(a.get(0).secondsInAlarm()).isEqualTo(4 * 60.0);
        assertThat(a.get(1).stateAtEnd()).isEqualTo("OK");
        assertThat(a.get(1).alarms()).isZero();
    }

    /**
     * Two instances far past saturation fail the load balancer's health checks (their probes wait
     * behind the requests): with health-check-type elb the group replaces them, with ec2 it does
     * not (the instances still run), so only elb launches more than the first two.
     */
    @Test
    void elbHealthChecksReplaceUnhealthyTargetsAndEc2DoNot() throws IOException, ScenarioException {
        long elb = replacements("elb");
        long ec2 = replacements("ec2");
        assertThat(elb).isPositive();
        assertThat(ec2).isZero();
    }

    private long replacements(String type) throws IOException, ScenarioException {
        String text = String.join("\n", "name: overload", "seed: 3", "duration: 30m", "region:", "  zones: [a]",
                "  hosts: { family: c5, count: 4 }", "services:", "  web:", "    auto-scaling:", "      min: 2",
                "      max: 2", "      health-check-grace: 60s", "      health-check-type: " + type,
                "    launch: { type: c5.large }", "    requests:", "      arrival: { poisson: { rate: 400/s } }",
                "      service: { cpu: 20ms }", "");
        ServiceResult s = new ScenarioRunner().run(loader.parse("o.yaml", text), (a, b, c) -> { }).result()
                .services().get(0);
        return s.replacements();
    }

    /**
     * One m5.large in office hours 08:00-09:00 daily for two days: launched at 00:00, running at
     * 00:00:40 and stopped at once (60 s minimum), then 08:00:40 to 09:00 each day (3,560 s):
     * 7,180 s billed; its 8 GiB gp3 root volume is billed from 00:00:40 to the end. The fixed fleet
     * launches no replacement for the instance its schedule stops.
     */
    @Test
    void officeHoursBillByHand() throws IOException, ScenarioException {
        String text = String.join("\n", "name: office", "seed: 1", "duration: 2d", "region:", "  zones: [a]",
                "  hosts: { family: m5, count: 1 }", "services:", "  tool:", "    instances: 1",
                "    schedule: { start: \"08:00\", stop: \"09:00\", days: daily }", "    launch: { type: m5.large }",
                "    requests:", "      arrival: { poisson: { rate: 1/s } }", "      service: { cpu: 10ms }", "");
        ScenarioRunner.Outcome o = new ScenarioRunner().run(loader.parse("office.yaml", text), (a, b, c) -> { });
        ServiceResult s = o.result().services().get(0);
        assertThat(s.instances()).isEqualTo(1);
        assertThat(s.billedSeconds()).isEqualTo(7180);
        double instanceUsd = 7180 * PriceBook.bundled().onDemandUsdPerHour(InstanceCatalog.bundled().get("m5.large"))
                / 3600;
        EbsPrices p = PriceBook.bundled().ebs();
        double rootUsd = 8 * p.usdPerUnitMonth(EbsPrices.Charge.GP3_GB) / p.hoursPerMonth()
                * Time.toSeconds(2 * Time.DAY - 40 * Time.SECOND) / 3600;
        assertThat(s.costUsd()).isCloseTo(instanceUsd + rootUsd, within(1e-9));
        assertThat(o.result().monitoring().schedules()).containsExactly(
                new MonitoringResult.Schedule("tool", 3, 2, 0));
        // requests only get through while it runs: about 2 x 3,560 of the 172,800 seconds
        assertThat(s.refused()).isGreaterThan(s.completed());
    }
}
