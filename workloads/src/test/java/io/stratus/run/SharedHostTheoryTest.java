package io.stratus.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.stratus.compute.InstanceCatalog;
import io.stratus.scenario.Scenario;
import io.stratus.scenario.ScenarioException;
import io.stratus.scenario.ScenarioLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A service and a consolidation VM on one host, through the whole {@code stratus run} path
 * (scenario file, loader, runner, request path, contrast run), against M/M/1-PS theory.
 *
 * <p>One m1 host: T = 4 threads. The service: one m1.small (1 vCPU, weight 1), Poisson arrivals at
 * lambda = 36/s, exponential work of mean 1/mu = 10 ms on the m1.small itself ({@code measured-on}:
 * its speed relative to the reference vCPU does not enter). The VM: one c1.xlarge (8 vCPUs, weight 8)
 * replaying a constant 41%: d = 0.41 x 8 = 3.28 vCPUs. While the service is busy, 1 + 3.28 > 4:
 * with the VM satisfied (3.28 <= 8 L) the service gets 4 - 3.28 = 0.72 = L (and 8 x 0.72 = 5.76 >=
 * 3.28 confirms it), so it loses s = 0.28 of its vCPU and is an M/M/1-PS server of rate
 * mu' = mu (1 - s) = 72/s: rho' = lambda / mu' = 1/2, E[T] = 1 / (mu' - lambda) = 1/36 s = 27.8 ms,
 * and its steal over its vCPU time is s rho' = 0.14. Alone on the same host (the contrast run)
 * it is M/M/1-PS at mu: E[T] = 1 / (mu - lambda) = 1/64 s = 15.6 ms, with no steal. Its CPU
 * utilisation (work done over vCPU time) is lambda / mu = 0.36 either way.
 */
class SharedHostTheoryTest {

    private static final double MU = 100;
    private static final double LAMBDA = 36;
    /** The service's vCPU while busy: T - d = 4 - 3.28 = 0.72 (s = 0.28 stolen). */
    private static final double SHARE = 4 - 0.41 * 8;

    @Test
    void theServiceRunsAtTheRateTheVmLeavesItAndAloneAtFullRate(@TempDir Path dir)
            throws IOException, ScenarioException {
        Path trace = Files.createDirectories(dir.resolve("vm"));
        Files.writeString(trace.resolve("constant-41"), "41\n".repeat(288));
        Path file = dir.resolve("one-host.yaml");
        Files.writeString(file, String.join("\n",
                "name: one-host",
                "seed: 5",
                "duration: 6h",
                "region:",
                "  zones: [a]",
                "  hosts: { family: m1, count: 1, overcommit: { cpu: 4 } }",
                "services:",
                "  web:",
                "    instances: 1",
                "    launch: { type: m1.small }",
                "    requests:",
                "      arrival: { poisson: { rate: 36/s } }",
                "      service: { cpu: 10ms, measured-on: m1.small, distribution: exponential }",
                "consolidation:",
                "  name: vm",
                "  vms:",
                "    trace: { format: planetlab, path: vm }",
                "    types: [c1.xlarge]",
                "contrast: { alone: [web] }",
                ""));
        Scenario scenario = new ScenarioLoader(InstanceCatalog.bundled()).load(file);
        RunResult result = ContrastRuns.run(scenario, null).result();

        double sharedRate = MU * SHARE;
        double rho = LAMBDA / sharedRate;
        assertThat(rho).isCloseTo(0.5, within(1e-12));
        ServiceResult shared = result.services().get(0);
        assertThat(shared.meanMs() / 1000).isCloseTo(1 / (sharedRate - LAMBDA), Percentage.withPercentage(3));
        assertThat(shared.stealFraction()).isCloseTo((1 - SHARE) * rho, within(0.005));
        assertThat(shared.cpuUtilisation()).isCloseTo(LAMBDA / MU, within(0.005));
        // the VM is never denied: it is satisfied at every water level
        assertThat(result.consolidation().orElseThrow().stealVcpuHours()).isCloseTo(0, within(1e-9));

        ContrastResult contrast = result.contrast().orElseThrow();
        assertThat(contrast.alone()).containsExactly("web");
        assertThat(contrast.result().consolidation()).isEmpty();
        ServiceResult alone = contrast.result().services().get(0);
        assertThat(alone.requests()).isEqualTo(shared.requests()); // the same arrivals
        assertThat(alone.meanMs() / 1000).isCloseTo(1 / (MU - LAMBDA), Percentage.withPercentage(3));
        assertThat(alone.stealFraction()).isZero();
        assertThat(alone.cpuUtilisation()).isCloseTo(LAMBDA / MU, within(0.005));
        assertThat(alone.p99Ms()).isLessThan(shared.p99Ms());
    }
}
