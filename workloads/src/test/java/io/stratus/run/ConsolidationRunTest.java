package io.stratus.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stratus.compute.Fleet;
import io.stratus.compute.InstanceCatalog;
import io.stratus.hypervisor.CpuSharing;
import io.stratus.hypervisor.UtilisationVms;
import io.stratus.infra.HostTable;
import io.stratus.infra.Zone;
import io.stratus.report.SummaryJson;
import io.stratus.scenario.Scenario;
import io.stratus.scenario.ScenarioException;
import io.stratus.scenario.ScenarioLoader;
import io.stratus.sim.Simulation;
import io.stratus.sim.Time;
import io.stratus.storage.BlockStorage;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The consolidation workload against the trace's own statistics, a hand-worked two-VM case, and
 * the hosts' invariants at every step of the PlanetLab day.
 */
class ConsolidationRunTest {

    private static final Path SCENARIO = Path.of("scenarios", "planetlab-day.yaml");
    private static final Path TRACE = Path.of("traces", "planetlab-20110303");
    private static final InstanceCatalog CATALOG = InstanceCatalog.bundled();

    /** Mean of all readings, mean of each file's maximum, and the maximum, as fractions: plain Java. */
    private static double[] traceStatistics(Path dir) throws IOException {
        long sum = 0;
        long readings = 0;
        long peakSum = 0;
        int max = 0;
        int files = 0;
        try (Stream<Path> list = Files.list(dir)) {
            for (Path file : list.sorted().toList()) {
                int peak = 0;
                for (String line : Files.readAllLines(file, StandardCharsets.US_ASCII)) {
                    int percent = Integer.parseInt(line.trim());
                    sum += percent;
                    readings++;
                    peak = Math.max(peak, percent);
                }
                peakSum += peak;
                max = Math.max(max, peak);
                files++;
            }
        }
        return new double[] {files, sum / 100.0 / readings, peakSum / 100.0 / files, max / 100.0};
    }

    private static BigDecimal sig6(double v) {
        return new BigDecimal(v).round(new MathContext(6, RoundingMode.HALF_EVEN));
    }

    @Test
    void theDaysPerVmUtilisationIsTheTracesOwn() throws IOException, ScenarioException {
        double[] trace = traceStatistics(TRACE);
        assertThat(trace[0]).isEqualTo(1052);
        Scenario scenario = new ScenarioLoader(CATALOG).load(SCENARIO);
        RunResult result = new ScenarioRunner().run(scenario, null).result();
        ConsolidationResult c = result.consolidation().orElseThrow();
        assertThat(c.vms()).isEqualTo(1052);
        assertThat(c.placed()).isEqualTo(1052);
        assertThat(c.meanDemanded()).isCloseTo(trace[1], within(1e-12));
        assertThat(c.meanPeakDemanded()).isCloseTo(trace[2], within(1e-12));
        assertThat(c.maxDemanded()).isEqualTo(trace[3]);
        assertThat(c.meanDelivered()).isLessThanOrEqualTo(c.meanDemanded() + 1e-12);
        assertThat(c.meanPeakDelivered()).isLessThanOrEqualTo(c.meanPeakDemanded() + 1e-12);
        assertThat(c.maxDelivered()).isLessThanOrEqualTo(c.maxDemanded());
        // every VM is a 1-vCPU m1.small: vCPU-hours demanded are the mean utilisation x 1,052 x 24 h
        assertThat(c.demandedVcpuHours()).isCloseTo(trace[1] * 1052 * 24, within(1e-6));
        assertThat(c.stealVcpuHours()).isGreaterThanOrEqualTo(-1e-9);
        // billed: 1,052 VMs for the whole day at m1.small's price, plus each one's 8 GiB gp3 root
        // volume at $0.08 per GB-month of 730 h
        assertThat(c.billedSeconds()).isEqualTo(1052L * 86_400);
        assertThat(c.costUsd()).isCloseTo(1052 * 24 * (CATALOG.get("m1.small").onDemandUsdPerHour() + 8 * 0.08 / 730),
                within(1e-6));
        // and summary.json says the same, to its 6 significant digits
        JsonNode json = new ObjectMapper().readTree(SummaryJson.summary(result)).get("consolidation");
        JsonNode demanded = json.get("vmUtilisationDemanded");
        assertThat(demanded.get("mean").decimalValue()).isEqualByComparingTo(sig6(trace[1]));
        assertThat(demanded.get("meanOfVmPeaks").decimalValue()).isEqualByComparingTo(sig6(trace[2]));
        assertThat(demanded.get("max").decimalValue()).isEqualByComparingTo(sig6(trace[3]));
        assertThat(json.get("vmUtilisationDelivered").get("mean").asDouble())
                .isLessThanOrEqualTo(demanded.get("mean").asDouble());
    }

    @Test
    void twoVmsOnOneHostMatchTheHandComputation(@TempDir Path dir) throws IOException, ScenarioException {
        ScenarioRunner.Outcome outcome = runOnOneM1Host(dir, Map.of("vm a", "50\n10\n", "vm b", "25\n100\n"),
                "  power: { idle-watts: 100, peak-watts: 200 }");
        ConsolidationResult c = outcome.result().consolidation().orElseThrow();
        // one m1 host: 4 threads, 15 GiB; two c1.xlarge VMs: 8 vCPUs and 7 GiB each (16 vCPUs sold at 4x).
        // Step 1: demands 0.5 x 8 = 4 and 0.25 x 8 = 2, 6 > 4 threads; equal weights 8:
        //   min(4, 8L) + min(2, 8L) = 4 gives L = 0.25: both get 2 vCPUs (utilisation 0.25 each).
        // Step 2: demands 0.8 and 8; 0.8 + 8L = 4 gives L = 0.4: a gets 0.8 (0.1), b gets 3.2 (0.4).
        assertThat(c.meanDemanded()).isCloseTo((0.5 + 0.25 + 0.1 + 1.0) / 4, within(1e-12));
        assertThat(c.meanDelivered()).isCloseTo((0.25 + 0.25 + 0.1 + 0.4) / 4, within(1e-12));
        assertThat(c.meanPeakDemanded()).isCloseTo((0.5 + 1.0) / 2, within(1e-12));
        assertThat(c.meanPeakDelivered()).isCloseTo((0.25 + 0.4) / 2, within(1e-12));
        assertThat(c.maxDemanded()).isEqualTo(1.0);
        assertThat(c.maxDelivered()).isCloseTo(0.4, within(1e-12));
        assertThat(c.demandedVcpuHours()).isCloseTo((6 + 8.8) * 300 / 3600, within(1e-12));
        assertThat(c.deliveredVcpuHours()).isCloseTo((4 + 4) * 300 / 3600.0, within(1e-12));
        assertThat(c.meanActiveHosts()).isEqualTo(1.0);
        assertThat(c.peakActiveHosts()).isEqualTo(1);
        assertThat(c.hostUtilisation()).isCloseTo(1.0, within(1e-12));
        assertThat(c.overloadedHostFraction()).isEqualTo(1.0);
        // the host is fully busy for 600 s at 200 W: 120 kJ
        assertThat(c.energyKwh()).isCloseTo(120_000 / 3.6e6, within(1e-12));
        // 2 x 600 s at c1.xlarge's hourly price and of an 8 GiB gp3 root volume ($0.08 per GB-month of 730 h)
        assertThat(c.billedSeconds()).isEqualTo(1200);
        assertThat(c.costUsd()).isCloseTo(1200 / 3600.0 * (CATALOG.get("c1.xlarge").onDemandUsdPerHour() + 8 * 0.08 / 730),
                within(1e-12));
        // per 5-minute period in metrics.csv
        List<MetricsRow> rows = outcome.metrics();
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).consolidation().meanDemanded()).isCloseTo(0.375, within(1e-12));
        assertThat(rows.get(0).consolidation().stealVcpuSeconds()).isCloseTo(2 * 300, within(1e-9));
        assertThat(rows.get(1).consolidation().maxDemanded()).isEqualTo(1.0);
        assertThat(rows.get(1).cpuUtilisation()).isCloseTo(4 / 16.0, within(1e-12));
        assertThat(rows.get(1).steal()).isCloseTo(4.8 / 16, within(1e-12));
    }

    @Test
    void aVmThatFindsNoHostIsUnservedNotStolen(@TempDir Path dir) throws IOException, ScenarioException {
        ScenarioRunner.Outcome outcome = runOnOneM1Host(dir,
                Map.of("vm a", "50\n50\n", "vm b", "25\n25\n", "vm c", "100\n100\n"));
        ConsolidationResult c = outcome.result().consolidation().orElseThrow();
        // one m1 host: 4 threads, 15 GiB; c1.xlarge: 8 vCPUs, 7 GiB: a and b fit, c does not (memory).
        // a and b demand 4 + 2 vCPUs of 4 threads: 2 vCPUs stolen; c demands 8 vCPUs and, on no
        // host, gets nothing: unserved, not stolen (it has no neighbours to lose them to)
        assertThat(c.placed()).isEqualTo(2);
        assertThat(c.demandedVcpuHours()).isCloseTo(14 * 600 / 3600.0, within(1e-12));
        assertThat(c.deliveredVcpuHours()).isCloseTo(4 * 600 / 3600.0, within(1e-12));
        assertThat(c.unservedVcpuHours()).isCloseTo(8 * 600 / 3600.0, within(1e-12));
        assertThat(c.stealVcpuHours()).isCloseTo(2 * 600 / 3600.0, within(1e-12));
        assertThat(c.stealFraction()).isCloseTo(2 / 6.0, within(1e-12));
        // metrics.csv's steal is over the placed VMs' vCPU time (2 x 8 vCPUs), 0 to 1
        for (MetricsRow row : outcome.metrics()) {
            assertThat(row.consolidation().stealVcpuSeconds()).isCloseTo(2 * 300, within(1e-9));
            assertThat(row.steal()).isCloseTo(2 / 16.0, within(1e-12));
        }
        JsonNode json = new ObjectMapper().readTree(SummaryJson.summary(outcome.result())).get("consolidation");
        assertThat(json.get("unservedVcpuHours").asDouble()).isCloseTo(8 * 600 / 3600.0, within(1e-5));
    }

    static Stream<Map<String, String>> variants() {
        return Stream.of(
                // static: 5 vCPUs per thread, first fit: 40 VMs per 8-thread host, overloaded at times
                Map.of("region.hosts.overcommit.cpu", "5"),
                // dynamic: spread by worst fit, then consolidated by live migration every 5 minutes
                Map.of("region.hosts.overcommit.cpu", "5", "placement", "worst-fit",
                        "consolidation.migration.upper", "80%", "consolidation.migration.lower", "30%"));
    }

    @ParameterizedTest
    @MethodSource("variants")
    void noHostIsEverOverItsThreadsOrItsPhysicalMemory(Map<String, String> overrides)
            throws IOException, ScenarioException {
        Scenario scenario = new ScenarioLoader(CATALOG).load(SCENARIO, overrides);
        HostTable hosts = new HostTable(List.of(new Zone(0, "a")));
        hosts.addHosts(scenario.region().host(), 0, scenario.region().hostsPerZone());
        Simulation sim = new Simulation(scenario.seed());
        CpuSharing cpus = new CpuSharing(sim, (i, a, n) -> { });
        Fleet fleet = new Fleet(sim, hosts, scenario.placement(), cpus);
        ConsolidationRun run = new ConsolidationRun(scenario.consolidation().orElseThrow(), sim, fleet, hosts, cpus,
                new BlockStorage(sim, fleet), io.stratus.compute.InstancesDistribution.ON_DEMAND);
        run.start();
        long[] checks = new long[2];
        int kind = sim.registerKind("check", (a, b) -> {
            UtilisationVms sharing = run.vms();
            for (int h = 0; h < hosts.hostCount(); h++) {
                double granted = 0;
                long memory = 0;
                for (int i = 0; i < sharing.vmsOn(h); i++) {
                    int vm = sharing.vmOn(h, i);
                    granted += sharing.granted(vm);
                    memory += scenario.consolidation().get().typeOf(vm).memoryMib();
                }
                assertThat(granted).isLessThanOrEqualTo(hosts.spec(h).physicalThreads() + 1e-9);
                assertThat(cpus.hostGrantedVcpus(h)).isCloseTo(granted, within(1e-9));
                assertThat(memory).isLessThanOrEqualTo(hosts.spec(h).physicalMemoryMib());
                assertThat(hosts.spec(h).memoryMib() - hosts.freeMemoryMib(h)).isEqualTo(memory);
                if (sharing.hostDemand(h) > hosts.spec(h).physicalThreads()) {
                    checks[1]++;
                }
            }
            checks[0]++;
        });
        for (long t = ConsolidationRun.STEP / 2; t < Time.DAY; t += ConsolidationRun.STEP) {
            sim.schedule(t, kind, 0, 0);
        }
        sim.runUntil(Time.DAY);
        run.close(Time.DAY);
        assertThat(checks[0]).isEqualTo(288);
        assertThat(checks[1]).as("overloaded host-steps: the check must see some").isPositive();
        ConsolidationResult result = run.result();
        assertThat(result.stealVcpuHours()).isPositive();
        assertThat(result.migrations()).isEqualTo(fleet.migrations());
        if (overrides.containsKey("consolidation.migration.upper")) {
            assertThat(result.migrations()).isPositive();
            assertThat(result.migratedGib()).isCloseTo(result.migrations() * 1739 / 1024.0, within(1e-6));
            // worst fit switches on all 40 hosts; consolidation switches most of them off again
            assertThat(result.peakActiveHosts()).isEqualTo(40);
            assertThat(result.meanActiveHosts()).isLessThan(35);
        } else {
            assertThat(result.migrations()).isZero();
        }
    }

    /**
     * Runs ten minutes of c1.xlarge VMs, one per trace file ({@code readings}: file name to its
     * CPU percentages, one per line), on one m1 host selling 4 vCPUs per thread, with any extra
     * lines of the consolidation section.
     */
    private static ScenarioRunner.Outcome runOnOneM1Host(Path dir, Map<String, String> readings,
                                                        String... consolidationLines)
            throws IOException, ScenarioException {
        Path trace = Files.createDirectory(dir.resolve("trace"));
        for (Map.Entry<String, String> e : readings.entrySet()) {
            Files.writeString(trace.resolve(e.getKey()), e.getValue());
        }
        List<String> yaml = new ArrayList<>(List.of(
                "name: vms-on-one-host",
                "duration: 10m",
                "region:",
                "  zones: [a]",
                "  hosts: { family: m1, count: 1, overcommit: { cpu: 4 } }",
                "consolidation:",
                "  vms:",
                "    trace: { format: planetlab, path: trace }",
                "    types: [c1.xlarge]"));
        yaml.addAll(List.of(consolidationLines));
        yaml.add("metrics: { period: 5m }");
        yaml.add("");
        Path file = dir.resolve("vms.yaml");
        Files.writeString(file, String.join("\n", yaml));
        return new ScenarioRunner().run(new ScenarioLoader(CATALOG).load(file), null);
    }
}
