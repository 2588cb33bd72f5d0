package io.stratus.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.stratus.compute.InstanceCatalog;
import io.stratus.pricing.Charge;
import io.stratus.scenario.ScenarioException;
import io.stratus.scenario.ScenarioLoader;
import java.io.IOException;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Lambda and Fargate bills of whole scenarios, worked by hand from the price table and the run's
 * own counts, and a reserved concurrency that throttles exactly the invocations beyond it.
 */
class ServerlessScenarioTest {

    private final ScenarioLoader loader = new ScenarioLoader(InstanceCatalog.bundled());

    private RunResult run(String... lines) throws IOException, ScenarioException {
        return new ScenarioRunner().run(loader.parse("s.yaml", String.join("\n", lines) + "\n"), (a, b, c) -> { })
                .result();
    }

    private static Map<String, Double> costs(RunResult r) {
        return r.charges().stream().collect(Collectors.toMap(Charge::name, Charge::costUsd, Double::sum));
    }

    @Test
    void lambdaBillWorkedByHandFromTheRunsCounts() throws IOException, ScenarioException {
        // 1,769 MB (one full vCPU at m5.large's speed): 100 ms of fixed work runs 100 ms, billed 100 ms.
        // init 250 ms at 1,024 MB scales to 250 x sqrt(1024/1769) = 190.210 ms: a cold invocation runs
        // 290.210 ms, billed 291 ms. With N invocations of which C cold, the GB-seconds are
        // 1769/1024 x (0.1 N + 0.191 C), at $0.0000166667; requests N x $0.20 / 1e6.
        RunResult r = run("name: lambda-bill", "seed: 3", "duration: 1h",
                "functions:",
                "  api:",
                "    memory: 1769MB",
                "    init: 250ms",
                "    invocations: { arrival: { poisson: { rate: 5/s } }, cpu: 100ms, distribution: fixed }");
        FunctionResult f = r.functions().get(0);
        long n = f.invocations();
        long c = f.coldStarts();
        assertThat(n).isBetween(17_000L, 19_000L);
        assertThat(c).isPositive().isLessThan(20);
        assertThat(f.throttles()).isZero();
        Map<String, Double> cost = costs(r);
        assertThat(cost.get("api: Lambda requests")).isCloseTo(n * 0.20 / 1e6, within(1e-15));
        double gbSeconds = 1769 / 1024.0 * (0.1 * n + 0.191 * c);
        assertThat(cost.get("api: Lambda duration (x86_64)")).isCloseTo(gbSeconds * 0.0000166667, within(1e-12));
        assertThat(r.costUsd()).isCloseTo(n * 0.20 / 1e6 + gbSeconds * 0.0000166667, within(1e-12));
        assertThat(f.costUsd()).isCloseTo(r.costUsd(), within(1e-12));
        // Little: the mean concurrency is the arrival rate times the mean duration, within sampling noise
        double meanDuration = (0.1 * n + 0.09021 * c) / n;
        assertThat(f.meanConcurrency()).isCloseTo(n / 3600.0 * meanDuration, within(0.01 * n / 3600.0 * meanDuration));
    }

    @Test
    void reservedConcurrencyThrottlesTheInvocationsBeyondIt() throws IOException, ScenarioException {
        // 20/s of 1 s each needs 20 at once on average; a reservation of 10 throttles about half
        RunResult r = run("name: throttled", "duration: 30m",
                "functions:",
                "  api:",
                "    memory: 1769MB",
                "    reserved-concurrency: 10",
                "    invocations: { arrival: { poisson: { rate: 20/s } }, cpu: 1s, distribution: fixed }");
        FunctionResult f = r.functions().get(0);
        assertThat(f.peakConcurrency()).isEqualTo(10);
        assertThat(f.throttles()).isGreaterThan(f.arrivals() / 3);
        assertThat(f.invocations() + f.throttles()).isEqualTo(f.arrivals());
        assertThat(f.meanConcurrency()).isLessThanOrEqualTo(10);
    }

    @Test
    void aFunctionReplaysTheAzureFunctionsTraceAsAServiceDoes() throws IOException, ScenarioException {
        // evenly spread, a trace's per-minute counts are the arrivals exactly: the function is invoked
        // as often as the service beside it receives requests from the same trace
        String trace = "trace: { format: azure-functions, path: traces/azure-functions-2019/invocations.csv, "
                + "functions: [\"02158978\"], spread: even }";
        RunResult r = run("name: trace", "duration: 20m",
                "region: { zones: [a], hosts: { family: c5, count: 1 } }",
                "services:",
                "  web:",
                "    instances: 2",
                "    launch: { type: c5.large, ami: { boot: 0s } }",
                "    requests: { arrival: { " + trace + " }, service: { cpu: 10ms } }",
                "functions:",
                "  fn:",
                "    memory: 512MB",
                "    invocations: { arrival: { " + trace + " }, cpu: 10ms }");
        assertThat(r.functions().get(0).arrivals()).isEqualTo(r.services().get(0).requests()).isGreaterThan(5_000);
        assertThat(r.functions().get(0).invocations()).isEqualTo(r.functions().get(0).arrivals());
    }

    @Test
    void fargateBillWorkedByHand() throws IOException, ScenarioException {
        // two tasks of 1 vCPU and 2 GB, launched at 0, run the whole 2 h: 2 x 7,200 s = 4 vCPU-hours
        // x $0.04048 = $0.16192 and 8 GB-hours x $0.004445 = $0.03556; no EBS, no instance price, no
        // public IPv4 for the tasks. In a 30 s run each is billed the one-minute minimum:
        // 2 x 60 s = 1/30 vCPU-hour x $0.04048 and 1/15 GB-hour x $0.004445.
        String[] scenario = {"name: fargate-bill", "duration: 2h",
            "region: { zones: [a], hosts: { family: m5, count: 1 } }",
            "services:",
            "  api:",
            "    instances: 2",
            "    fargate: { cpu: 1, memory: 2GB }",
            "    requests: { arrival: { poisson: { rate: 5/s } }, service: { cpu: 10ms } }"};
        RunResult r = run(scenario);
        Map<String, Double> cost = costs(r);
        assertThat(cost.get("api: Fargate vCPU (x86_64)")).isCloseTo(0.16192, within(1e-12));
        assertThat(cost.get("api: Fargate memory")).isCloseTo(0.03556, within(1e-12));
        assertThat(cost).doesNotContainKey("public IPv4: instances");
        assertThat(r.ebsUsd()).isZero();
        assertThat(r.services().get(0).costUsd()).isCloseTo(0.16192 + 0.03556, within(1e-12));
        assertThat(r.costUsd()).isCloseTo(Charge.totalUsd(r.charges()), within(1e-12));
        assertThat(r.services().get(0).p99Ms()).isPositive();

        scenario[1] = "duration: 30s";
        Map<String, Double> shortRun = costs(run(scenario));
        assertThat(shortRun.get("api: Fargate vCPU (x86_64)")).isCloseTo(0.04048 / 30, within(1e-12));
        assertThat(shortRun.get("api: Fargate memory")).isCloseTo(0.004445 / 15, within(1e-12));
    }
}
