package io.stratus.cli;

import io.stratus.compute.InstanceCatalog;
import io.stratus.compute.InstanceType;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code stratus catalog}: lists instance types and their us-east-1 on-demand prices. */
@Command(name = "catalog", mixinStandardHelpOptions = true,
        description = "List EC2 instance types with vCPUs, memory and us-east-1 Linux on-demand price.")
final class CatalogCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--family", paramLabel = "NAME", description = "Only this family, such as m5.")
    String family;

    @Option(names = "--min-vcpus", paramLabel = "N", description = "At least N vCPUs.")
    int minVcpus;

    @Option(names = "--min-memory", paramLabel = "GIB", description = "At least this much memory, GiB.")
    double minMemoryGib;

    @Option(names = "--max-price", paramLabel = "USD", description = "At most this price per hour.")
    Double maxPrice;

    @Override
    public Integer call() {
        InstanceCatalog catalog = InstanceCatalog.bundled();
        List<InstanceType> types = catalog.all().stream()
                .filter(t -> family == null || t.family().equals(family))
                .filter(t -> t.vcpus() >= minVcpus && t.memoryGib() >= minMemoryGib)
                .filter(t -> maxPrice == null || (t.isPriced() && t.onDemandUsdPerHour() <= maxPrice))
                .collect(Collectors.toList());
        if (family != null && types.isEmpty() && catalog.all().stream().noneMatch(t -> t.family().equals(family))) {
            spec.commandLine().getErr().println("stratus: unknown instance family '" + family + "'");
            return ExitCodes.BAD_INPUT;
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%-20s %-22s %6s %10s %12s%n", "type", "category", "vCPU", "memory GiB", "USD/hour");
        for (InstanceType t : types) {
            out.printf("%-20s %-22s %6d %10.1f %12s%n", t.name(), t.category().label(), t.vcpus(), t.memoryGib(),
                    t.isPriced() ? String.format("%.4f", t.onDemandUsdPerHour()) : "-");
        }
        out.printf("%d types (us-east-1 Linux on-demand prices, July 2026)%n", types.size());
        out.flush();
        return ExitCodes.DONE;
    }
}
