package io.stratus.cli;

import io.stratus.compute.InstanceCatalog;
import io.stratus.compute.InstanceType;
import io.stratus.compute.PerformanceCatalog;
import io.stratus.run.ScenarioRunner;
import io.stratus.run.ServiceResult;
import io.stratus.scenario.Scenario;
import io.stratus.scenario.ScenarioException;
import io.stratus.scenario.ServiceConfig;
import io.stratus.scenario.Units;
import io.stratus.sim.Time;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code stratus rightsize FILE --types LIST --slo-p99 D}: runs one service of a scenario on each
 * of a list of instance types (names or {@code *} patterns), each on hosts of the type's own
 * family, and prints per type its cost, p99 latency, CPU utilisation and headroom, then the
 * cheapest type meeting the SLO: what AWS Compute Optimizer recommends from weeks of history,
 * from a simulation instead. Everything else in the scenario stays as written (the fleet size or
 * scaling policy, the load, the seed).
 */
@Command(name = "rightsize", mixinStandardHelpOptions = true,
        header = "Find the cheapest instance type meeting a p99 SLO.",
        description = {"Run a service on each of a list of instance types and report cost, p99 latency,",
            "CPU utilisation and headroom per type, and the cheapest type meeting a p99 SLO.",
            "Each type runs on hosts of its own family; request CPU is reference-vCPU time (m5.large),",
            "so it takes longer or shorter per type (CoreMark speed, hyperthread contention)."})
final class RightsizeCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    ScenarioOptions scenarioOptions;

    @Option(names = "--types", required = true, paramLabel = "LIST",
            description = "Instance types to try: names and patterns, comma-separated, e.g. "
                    + "c6i.large,c7g.large,m7a.* (patterns match priced CPU types).")
    String types;

    @Option(names = "--slo-p99", required = true, paramLabel = "DURATION",
            description = "The p99 latency a type must reach, e.g. 100ms.")
    String sloP99;

    @Option(names = "--service", paramLabel = "NAME",
            description = "The service to rightsize (default: the scenario's only service).")
    String serviceName;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        List<InstanceType> candidates;
        double sloMs;
        try {
            candidates = RightsizeCandidates.expand(types, InstanceCatalog.bundled());
            sloMs = (double) Units.duration(sloP99) / Time.MILLISECOND;
        } catch (IllegalArgumentException e) {
            err.println("rightsize: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        List<RightsizeRow> rows = new ArrayList<>();
        String service = null;
        for (InstanceType type : candidates) {
            Scenario scenario;
            try {
                Scenario base = load(Map.of());
                service = serviceOf(base);
                scenario = load(Map.of("services." + service + ".launch.type", type.name(),
                        "region.hosts.family", type.family()));
            } catch (ScenarioException e) {
                return ScenarioOptions.report(e, err);
            } catch (IllegalArgumentException e) {
                err.println("rightsize: " + e.getMessage());
                return ExitCodes.BAD_INPUT;
            }
            ScenarioRunner.Outcome outcome;
            try {
                outcome = new ScenarioRunner().run(scenario, (now, total, events) -> { });
            } catch (IOException e) { // a malformed or unreadable trace
                return ExitCodes.ofFailedRun(e, err);
            }
            rows.add(row(type, scenario, service, outcome, sloMs));
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(RightsizeRow.render(service, sloMs, rows));
        out.flush();
        return ExitCodes.DONE;
    }

    private Scenario load(Map<String, String> extra) throws ScenarioException {
        return scenarioOptions.load(extra);
    }

    private String serviceOf(Scenario s) {
        List<String> names = s.services().stream().map(ServiceConfig::name).toList();
        if (serviceName != null) {
            if (!names.contains(serviceName)) {
                throw new IllegalArgumentException("--service " + serviceName + ": the scenario's services are "
                        + (names.isEmpty() ? "none" : String.join(", ", names)));
            }
            return serviceName;
        }
        if (names.size() != 1) {
            throw new IllegalArgumentException("the scenario has " + names.size() + " services ("
                    + String.join(", ", names) + "): choose one with --service NAME");
        }
        return names.get(0);
    }

    private static RightsizeRow row(InstanceType type, Scenario scenario, String service,
                                    ScenarioRunner.Outcome outcome, double sloMs) {
        ServiceConfig config = scenario.services().stream().filter(c -> c.name().equals(service)).findFirst()
                .orElseThrow();
        ServiceResult result = outcome.result().services().stream().filter(r -> r.name().equals(service))
                .findFirst().orElseThrow();
        return RightsizeRow.of(type, PerformanceCatalog.bundled().of(type), result, config.meanWorkMicros(),
                scenario.durationMicros() / (double) Time.SECOND, sloMs);
    }
}
