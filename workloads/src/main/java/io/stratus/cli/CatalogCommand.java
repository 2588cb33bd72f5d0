package io.stratus.cli;

import io.stratus.compute.InstanceCatalog;
import io.stratus.compute.InstanceType;
import io.stratus.scenario.Units;
import java.io.PrintWriter;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code stratus catalog}: lists instance types with vCPUs, memory and their us-east-1 Linux
 * on-demand price, filtered and sorted, as a table, CSV or JSON ({@link CatalogFormat}).
 */
@Command(name = "catalog", mixinStandardHelpOptions = true,
        header = "List EC2 instance types, vCPUs, memory and prices.",
        description = {"List EC2 instance types with vCPUs, memory (GiB) and the us-east-1 Linux on-demand price "
                + "(USD per hour), filtered and sorted, as a table, CSV or JSON."})
final class CatalogCommand implements Callable<Integer> {

    /** How the list is ordered. */
    enum Sort {
        name, price, vcpu, memory
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--family", paramLabel = "NAME", description = "Only this family, such as m5.")
    String family;

    @Option(names = "--min-vcpus", paramLabel = "N", description = "At least N vCPUs.")
    int minVcpus;

    @Option(names = "--min-memory", paramLabel = "SIZE",
            description = "At least this much memory, with a unit such as 16GiB or 512MiB (a plain number is GiB).")
    String minMemory;

    @Option(names = "--max-price", paramLabel = "USD", description = "At most this price per hour.")
    Double maxPrice;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table (default), csv or json.")
    CatalogFormat format;

    @Option(names = "--sort", paramLabel = "KEY", defaultValue = "name",
            description = "name (catalogue order, default), price (cheapest first; unpriced types last), vcpu or memory "
                    + "(smallest first; ties by price, then name).")
    Sort sort;

    @Override
    public Integer call() {
        double minMemoryGib;
        try {
            minMemoryGib = minMemory == null ? 0 : minMemory.strip().matches("[0-9.]+")
                    ? Double.parseDouble(minMemory.strip()) : Units.bytes(minMemory) / (1024.0 * 1024 * 1024);
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("stratus: --min-memory: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
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
        if (sort != Sort.name) {
            types.sort(order(sort));
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(format.render(types));
        out.flush();
        return ExitCodes.DONE;
    }

    /** The order of {@code key}; every order is total (ties by price, then by name). */
    static Comparator<InstanceType> order(Sort key) {
        Comparator<InstanceType> byPrice = Comparator.comparing((InstanceType t) -> !t.isPriced())
                .thenComparingDouble(t -> t.isPriced() ? t.onDemandUsdPerHour() : 0);
        Comparator<InstanceType> first = switch (key) {
            case price -> byPrice;
            case vcpu -> Comparator.comparingInt(InstanceType::vcpus);
            case memory -> Comparator.comparingDouble(InstanceType::memoryGib);
            case name -> (a, b) -> 0;
        };
        return first.thenComparing(byPrice).thenComparing(InstanceType::name);
    }
}
