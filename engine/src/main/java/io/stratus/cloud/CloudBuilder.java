package io.stratus.cloud;

import io.stratus.compute.HostShapes;
import io.stratus.compute.InstanceCatalog;
import io.stratus.compute.InstanceType;
import io.stratus.compute.PerformanceCatalog;
import io.stratus.infra.HostSpec;
import io.stratus.placement.PlacementContext;
import io.stratus.placement.PlacementPolicy;
import io.stratus.placement.PlacementRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Describes a cloud to simulate (a seed, zones, hosts of one family, a placement policy and
 * services) and wires it into a {@link Cloud} with {@link #build()}, which refuses an incomplete
 * description with an {@link IncompleteWiringException} listing every problem.
 *
 * <pre>{@code
 * Cloud cloud = Cloud.builder().seed(42).zones("us-east-1a", "us-east-1b").hosts("m5", 2)
 *         .service("web", s -> s.instanceType("m5.large").instances(2)
 *                 .poisson(new ConstantRate(40)).exponentialWork(25 * Time.MILLISECOND))
 *         .build();
 * cloud.run(Time.HOUR);
 * }</pre>
 *
 * <p>Assumptions: hosts are the family's metal shape with no overcommit; instance vCPUs run at
 * their type's measured CoreMark speed (the bundled performance catalogue), so a type must be of
 * the hosts' processor family; every instance is billed on demand.
 */
public final class CloudBuilder {

    private final InstanceCatalog catalog = InstanceCatalog.bundled();
    private Long seed;
    private final List<String> zones = new ArrayList<>();
    private String hostFamily;
    private int hostsPerZone;
    private String placementName = "first-fit";
    private Function<PlacementContext, PlacementPolicy> placement;
    private final Map<String, ServiceBuilder> services = new LinkedHashMap<>();

    CloudBuilder() {
    }

    /** The master seed: every random stream derives from it, so a seed gives one exact result. */
    public CloudBuilder seed(long masterSeed) {
        this.seed = masterSeed;
        return this;
    }

    /** The availability zones, by name, numbered 0, 1, ... in this order. */
    public CloudBuilder zones(String... names) {
        zones.addAll(List.of(names));
        return this;
    }

    /** {@code perZone} hosts of instance family {@code family} (its metal shape) in each zone. */
    public CloudBuilder hosts(String family, int perZone) {
        this.hostFamily = Objects.requireNonNull(family, "family");
        this.hostsPerZone = perZone;
        return this;
    }

    /** A placement policy by name from {@link PlacementRegistry} (default first-fit). */
    public CloudBuilder placement(String name) {
        this.placementName = Objects.requireNonNull(name, "name");
        this.placement = null;
        return this;
    }

    /** A placement policy of your own, named {@code name}, built over the fleet's placement context. */
    public CloudBuilder placement(String name, Function<PlacementContext, PlacementPolicy> factory) {
        this.placementName = Objects.requireNonNull(name, "name");
        this.placement = Objects.requireNonNull(factory, "factory");
        return this;
    }

    /** A load-balanced service, described by {@code describe}. */
    public CloudBuilder service(String name, Consumer<ServiceBuilder> describe) {
        Objects.requireNonNull(name, "name");
        ServiceBuilder s = services.computeIfAbsent(name, ServiceBuilder::new);
        describe.accept(s);
        return this;
    }

    /**
     * Wires the cloud.
     *
     * @throws IncompleteWiringException listing every missing or inconsistent part
     */
    public Cloud build() {
        List<String> problems = problems();
        if (!problems.isEmpty()) {
            throw new IncompleteWiringException(problems);
        }
        Function<PlacementContext, PlacementPolicy> policy = placement != null ? placement
                : context -> PlacementRegistry.create(placementName, context);
        return new Cloud(seed, zones, HostShapes.of(catalog, hostFamily), hostsPerZone, policy,
                List.copyOf(services.values()), catalog);
    }

    private List<String> problems() {
        List<String> p = new ArrayList<>();
        if (seed == null) {
            p.add("no seed; call seed(42): every result is a function of it");
        }
        if (zones.isEmpty()) {
            p.add("no zones; call zones(\"us-east-1a\", \"us-east-1b\")");
        }
        HostSpec host = null;
        if (hostFamily == null) {
            p.add("no hosts; call hosts(\"m5\", 2) for two m5 hosts in each zone");
        } else if (hostsPerZone < 1) {
            p.add("hosts(\"" + hostFamily + "\", " + hostsPerZone + "): need at least 1 host per zone");
        } else {
            try {
                host = HostShapes.of(catalog, hostFamily);
            } catch (IllegalArgumentException e) {
                p.add("hosts: " + e.getMessage());
            }
        }
        if (placement == null && !PlacementRegistry.names().contains(placementName)) {
            p.add("unknown placement policy '" + placementName + "'; known: "
                    + String.join(", ", PlacementRegistry.names()) + ", or placement(name, factory) for your own");
        }
        if (services.isEmpty()) {
            p.add("no services; call service(\"web\", s -> ...)");
        }
        HostSpec h = host;
        ServiceBuilder.HostCheck check = h == null ? null : type -> misfit(type, h);
        for (ServiceBuilder s : services.values()) {
            p.addAll(s.problems(catalog, check));
        }
        return p;
    }

    private String misfit(InstanceType type, HostSpec host) {
        if (type.vcpus() > host.threads() || type.memoryMib() > host.memoryMib()) {
            return type.name() + " does not fit on a " + host.family() + " host";
        }
        PerformanceCatalog perf = PerformanceCatalog.bundled();
        if (perf.processorOfFamily(type.family()) != perf.processorOfFamily(host.family())) {
            return type.name() + " runs on " + perf.processorOfFamily(type.family()) + ", not on the "
                    + host.family() + " hosts' " + perf.processorOfFamily(host.family()) + "; call hosts(\""
                    + type.family() + "\", n) or choose a type of the hosts' processor";
        }
        return null;
    }
}
