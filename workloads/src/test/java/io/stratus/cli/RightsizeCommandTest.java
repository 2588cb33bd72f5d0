package io.stratus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratus.compute.InstanceCatalog;
import io.stratus.compute.PerformanceCatalog;
import io.stratus.hypervisor.VcpuSpeed;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code stratus rightsize}: one service over several types, the SLO verdicts and the cheapest type. */
class RightsizeCommandTest {

    // two instances, 120 requests/s of 20 ms reference work: 2.4 reference vCPUs busy on average
    private static final String SCENARIO = """
            name: rightsize-test
            seed: 11
            duration: 20m
            region:
              zones: [a]
              hosts: { family: m5, count: 2 }
            services:
              web:
                instances: 2
                launch: { type: m5.large }
                requests:
                  arrival: { poisson: { rate: 120/s } }
                  service: { cpu: 20ms }
            """;

    @Test
    void reportsEveryTypeAndTheCheapestMeetingTheSlo(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("s.yaml");
        Files.writeString(file, SCENARIO);
        StratusCliTest.Result r = StratusCliTest.execute("rightsize", file.toString(),
                "--types", "m5.large,c7g.large,m7a.large,c6i.xlarge", "--slo-p99", "150ms");
        assertThat(r.exit()).as(r.err()).isZero();
        String out = r.out();
        for (String t : List.of("m5.large", "c7g.large", "m7a.large", "c6i.xlarge")) {
            assertThat(out).contains(t);
        }
        // theory for the headroom column: m5.large's capacity is W(2) / 20 ms per instance, with
        // W(2) = 2 x 0.671 (one core, both hyperthreads busy): 2 x 67.1/s = 134/s for 120/s offered
        // times the mean running instances (a little under 2: they boot first)
        VcpuSpeed m5 = PerformanceCatalog.bundled().speedOf(InstanceCatalog.bundled().get("m5.large"));
        String m5Line = out.lines().filter(l -> l.startsWith("m5.large")).findFirst().orElseThrow();
        String[] cells = m5Line.trim().split("\\s+");
        double meanRunning = Double.parseDouble(cells[6]);
        assertThat(meanRunning).isBetween(1.85, 2.0);
        double capacity = meanRunning * m5.workRate(2, 2) / 0.020;
        // the offered rate is the Poisson count over 20 minutes: within 2% of 120/s
        double headroom = Double.parseDouble(cells[12].replace("%", "")) / 100;
        assertThat(headroom).isCloseTo(1 - 120 / capacity, org.assertj.core.data.Offset.offset(0.02));
        // m5.large runs near saturation (rho about 0.9): its p99 is far above a whole-core type's
        assertThat(m5Line).endsWith("no");
        assertThat(out.lines().filter(l -> l.startsWith("c7g.large")).findFirst().orElseThrow()).endsWith("yes");
        // c7g.large ($0.0725/h) is cheaper than m7a.large and c6i.xlarge, and meets the SLO
        assertThat(out).contains("Cheapest meeting the SLO: c7g.large");
    }

    @Test
    void patternsExpandOverTheCatalogueAndBadInputIsRefused(@TempDir Path dir) throws Exception {
        assertThat(RightsizeCandidates.expand("c7g.l*", InstanceCatalog.bundled()))
                .extracting(t -> t.name()).containsExactly("c7g.large");
        Path file = dir.resolve("s.yaml");
        Files.writeString(file, SCENARIO);
        StratusCliTest.Result unknown = StratusCliTest.execute("rightsize", file.toString(),
                "--types", "c7g.lrage", "--slo-p99", "100ms");
        assertThat(unknown.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(unknown.err()).contains("unknown instance type 'c7g.lrage'");
        StratusCliTest.Result badSlo = StratusCliTest.execute("rightsize", file.toString(),
                "--types", "c7g.large", "--slo-p99", "fast");
        assertThat(badSlo.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        StratusCliTest.Result badService = StratusCliTest.execute("rightsize", file.toString(),
                "--types", "c7g.large", "--slo-p99", "100ms", "--service", "api");
        assertThat(badService.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(badService.err().toLowerCase(Locale.ROOT)).contains("services are web");
    }
}
