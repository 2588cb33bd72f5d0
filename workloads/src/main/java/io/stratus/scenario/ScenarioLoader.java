package io.stratus.scenario;

import io.stratus.compute.InstanceCatalog;
import io.stratus.compute.InstanceType;
import io.stratus.infra.Tenancy;
import io.stratus.placement.PlacementRegistry;
import io.stratus.pricing.Commitments;
import io.stratus.sim.Time;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads a scenario file and validates it completely before anything runs. Every problem is
 * collected, with its line, column and field path; nothing is half-loaded.
 *
 * <p>The format, with every default, is documented in {@code workloads/scenarios/reference.yaml}.
 */
public final class ScenarioLoader {

    static final List<String> PLACEMENTS = List.copyOf(PlacementRegistry.names());

    private final InstanceCatalog catalog;
    /** The folders traces may be read from besides the scenario's and its project's; null: anywhere. */
    private final List<Path> allowedPaths;

    /** A loader that reads traces wherever a scenario's paths lead (for callers that trust their scenarios). */
    public ScenarioLoader(InstanceCatalog catalog) {
        this(catalog, null);
    }

    /**
     * A loader that confines trace paths ({@link TraceRoots}) to the scenario's folder, its
     * project and {@code allowedPaths} ({@code --allow-path}); null reads them anywhere.
     */
    public ScenarioLoader(InstanceCatalog catalog, List<Path> allowedPaths) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.allowedPaths = allowedPaths == null ? null : List.copyOf(allowedPaths);
    }

    /** Loads a scenario file. */
    public Scenario load(Path file) throws ScenarioException {
        return load(file, Map.of());
    }

    /**
     * Loads a scenario file with command-line overrides applied before validation.
     *
     * @param overrides dotted paths to YAML values, such as {@code services.web.instances -> 8}
     */
    public Scenario load(Path file, Map<String, String> overrides) throws ScenarioException {
        String name = file.toString();
        try {
            if (Files.isDirectory(file)) {
                throw single(name, "is a directory, not a scenario file");
            }
            long size = Files.size(file);
            if (size > ScenarioLimits.MAX_FILE_BYTES) {
                throw single(name, "is " + size + " bytes; a scenario file may be at most "
                        + ScenarioLimits.MAX_FILE_BYTES + " bytes");
            }
            byte[] bytes = Files.readAllBytes(file);
            String text = new String(bytes, StandardCharsets.UTF_8);
            int bad = firstBadCharacter(text);
            if (bad >= 0) {
                int line = 1 + (int) text.substring(0, bad).chars().filter(c -> c == '\n').count();
                throw new ScenarioException(List.of(new Problem(name, line, 0, "", text.charAt(bad) == '\0'
                        ? "contains a NUL byte: this is a binary file, not YAML text"
                        : "is not valid UTF-8 text (is it a binary file?)")));
            }
            return parse(name, text, overrides);
        } catch (NoSuchFileException e) {
            throw single(name, "no such file");
        } catch (IOException e) {
            throw single(name, "cannot be read: " + e.getMessage());
        }
    }

    /** The folder trace paths are relative to: the scenario file's own. */
    private static Path baseDirOf(String file) {
        try {
            Path parent = Path.of(file).toAbsolutePath().getParent();
            return parent == null ? Path.of("").toAbsolutePath() : parent;
        } catch (java.nio.file.InvalidPathException e) {
            return Path.of("").toAbsolutePath();
        }
    }

    /** Index of the first NUL or undecodable byte (decoded as U+FFFD), or -1. */
    private static int firstBadCharacter(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\0' || c == '\uFFFD') {
                return i;
            }
        }
        return -1;
    }

    private static ScenarioException single(String file, String message) {
        return new ScenarioException(List.of(new Problem(file, 0, 0, "", message)));
    }

    /** Parses and validates scenario text; {@code file} names it in messages. */
    public Scenario parse(String file, String text) throws ScenarioException {
        return parse(file, text, Map.of());
    }

    /** Parses scenario text, applies overrides, validates. */
    public Scenario parse(String file, String text, Map<String, String> overrides) throws ScenarioException {
        return parse(file, text, overrides, null);
    }

    /**
     * Parses scenario text, telling {@code recorder} (when not null) every key each section reader
     * accepts and how it reads it: the format's key registry, built from the readers themselves.
     */
    Scenario parse(String file, String text, Map<String, String> overrides, KeyRecorder recorder)
            throws ScenarioException {
        YamlDocument document = YamlDocument.parse(file, text);
        for (Map.Entry<String, String> e : overrides.entrySet()) {
            document.override(e.getKey(), e.getValue());
        }
        Problems problems = new Problems(document);
        ConfigNode root = ConfigNode.root(document, problems, recorder);
        problems.throwIfAny();

        root.allowOnly("name", "seed", "duration", "region", "placement", "services", "batch", "queues", "metrics", "compare",
                "gpu-clusters", "consolidation", "topics", "alarms", "contrast", "commitments", "faults", "lambda",
                "functions", "network");
        String name = root.string("name", "scenario", true);
        SafeNames.check(root, root.pointerOf("name"), name);
        long seed = root.integer("seed", 42, Long.MIN_VALUE, Long.MAX_VALUE, false);
        long duration = root.unit("duration", Time.DAY, true, Units::duration, Time.SECOND,
                Units.duration(ScenarioLimits.MAX_DURATION), "allowed from 1s to " + ScenarioLimits.MAX_DURATION);
        // a scenario of GPU clusters alone needs no region: their hosts come from their node lists;
        // nor does one of Lambda functions alone (or both)
        boolean gpuOnly = (root.has("gpu-clusters") || root.has("functions")) && !root.has("services") && !root.has("batch")
                && !root.has("queues") && !root.has("consolidation");
        Tenants tenants = new Tenants();
        RegionConfig region = gpuOnly && !root.has("region") ? null
                : RegionSection.read(root.child("region", true), catalog, tenants);
        if (root.has("consolidation") && region != null && !region.dedicatedHosts().isEmpty()) {
            root.child("region", false).problem("dedicated-hosts", "a consolidation runs its VMs on the shared "
                    + "hosts only: remove dedicated-hosts or put them in another scenario");
        }
        String placement = root.oneOf("placement", "first-fit", PLACEMENTS);
        TraceRoots baseDir = allowedPaths == null ? TraceRoots.anywhere(baseDirOf(file))
                : TraceRoots.confined(baseDirOf(file), allowedPaths);
        PlacementGroupNames groups = new PlacementGroupNames();
        MonitoringConfig monitoring = MonitoringSection.read(root);
        SafeNames.checkEach(root, "topics", monitoring.topics());
        monitoring.alarms().forEach(a -> SafeNames.check(root, root.pointerOf("alarms").appendProperty(a.name()), a.name()));
        List<ServiceConfig> services = services(root, region, baseDir, tenants, groups, monitoring);
        List<BatchConfig> batches = batches(root.child("batch", false), region, baseDir, tenants, groups);
        List<QueueConfig> queues = new ArrayList<>();
        for (Map.Entry<String, ConfigNode> e : root.child("queues", false).children().entrySet()) {
            QueueConfig q = QueueSection.read(e.getKey(), e.getValue(), region, catalog, baseDir, tenants, groups);
            if (q != null) {
                queues.add(q);
            }
        }
        MonitoringSection.checkMetrics(root, monitoring, services, queues);
        List<GpuClusterConfig> gpuClusters = gpuClusters(root, baseDir);
        FunctionsConfig functions = FunctionSection.read(root, catalog, baseDir);
        checkVolume(root, duration, services, queues, functions);
        Optional<ConsolidationConfig> consolidation = consolidation(root, region, baseDir);
        Map<String, List<String>> names = WorkloadNames.sections(services.stream().map(ServiceConfig::name).toList(),
                batches.stream().map(BatchConfig::name).toList(), queues.stream().map(QueueConfig::name).toList(),
                gpuClusters.stream().map(GpuClusterConfig::name).toList(),
                consolidation.stream().map(ConsolidationConfig::name).toList());
        names.put("functions", functions.functions().stream().map(FunctionConfig::name).toList());
        WorkloadNames.check(root, names);
        if (consolidation.isPresent() && consolidation.get().migration() != null
                && Stream.concat(services.stream().map(ServiceConfig::launch), batches.stream().flatMap(b -> b.launches().stream()))
                        .anyMatch(l -> l.tenancy() == Tenancy.DEDICATED)) {
            root.child("consolidation", false).problem("migration", "live migration beside Dedicated Instances "
                    + "(tenancy: dedicated) is not modelled (a VM could be planned onto a host that another "
                    + "account's Dedicated Instance holds): remove migration: or the dedicated tenancy");
        }
        if (root.isMapping() && !root.has("services") && !root.has("batch") && !root.has("queues")
                && !root.has("gpu-clusters") && !root.has("consolidation") && !root.has("functions")) {
            root.problem("services", "a scenario needs at least one service (services:), batch workload (batch:) "
                    + "or queue (queues:), a GPU cluster (gpu-clusters:), a consolidation (consolidation:) or a "
                    + "Lambda function (functions:)");
        }
        MetricsConfig metrics = MetricsSection.read(root.child("metrics", false), duration);
        CompareConfig compare = CompareSection.read(root.child("compare", false));
        ContrastConfig contrast = ContrastSection.read(root.child("contrast", false),
                workloadNames(services, batches, queues, consolidation));
        ContrastSection.checkAlarms(root.child("contrast", false), contrast, services, monitoring);
        Commitments commitments = CommitmentsSection.read(root, catalog, region == null ? List.of() : region.zones(),
                CommitmentsSection.launchedTypes(services, batches, queues));
        if (!commitments.equals(Commitments.NONE) && services.stream().anyMatch(s -> s.fargate() != null)) {
            root.problem("commitments", "commitments beside a Fargate service are not priced (Fargate bills by "
                    + "its own meter, Savings Plans for Fargate are not modelled): remove commitments: or fargate:");
        }
        FaultsConfig faults = FaultsSection.read(root, region, duration);
        NetworkConfig network = NetworkSection.read(root, region, services, queues);
        problems.throwIfAny();
        return new Scenario(name, file, seed, duration, region, placement, groups.groups(), services, batches,
                queues, metrics, compare, gpuClusters, consolidation, monitoring, contrast, commitments, functions,
                faults, network);
    }

    /**
     * The consolidation section: its VMs share the region's hosts with any other workload (their
     * trace demand and the others' requests are members of one CPU sharing per host).
     */
    private Optional<ConsolidationConfig> consolidation(ConfigNode root, RegionConfig region, TraceRoots baseDir) {
        if (!root.has("consolidation")) {
            return Optional.empty();
        }
        return Optional.ofNullable(ConsolidationSection.read(root.child("consolidation", true), region, catalog,
                baseDir));
    }

    /** The names of the workloads on the region, in kind then file order. */
    private static List<String> workloadNames(List<ServiceConfig> services, List<BatchConfig> batches,
                                              List<QueueConfig> queues, Optional<ConsolidationConfig> consolidation) {
        List<String> names = new ArrayList<>();
        services.forEach(s -> names.add(s.name()));
        batches.forEach(b -> names.add(b.name()));
        queues.forEach(q -> names.add(q.name()));
        consolidation.ifPresent(c -> names.add(c.name()));
        return names;
    }

    private static List<GpuClusterConfig> gpuClusters(ConfigNode root, TraceRoots baseDir) {
        ConfigNode node = root.child("gpu-clusters", false);
        Map<String, ConfigNode> children = node.children();
        if (node.isMapping() && children.isEmpty()) {
            root.problem("gpu-clusters", "gpu-clusters: needs at least one cluster; leave the key out if there is none");
        }
        List<GpuClusterConfig> out = new ArrayList<>();
        for (Map.Entry<String, ConfigNode> e : children.entrySet()) {
            GpuClusterConfig c = GpuClusterSection.read(e.getKey(), e.getValue(), baseDir);
            if (c != null) {
                out.add(c);
            }
        }
        return out;
    }

    private List<ServiceConfig> services(ConfigNode root, RegionConfig region, TraceRoots baseDir, Tenants tenants,
                                         PlacementGroupNames groups, MonitoringConfig monitoring) {
        ConfigNode node = root.child("services", false);
        Map<String, ConfigNode> children = node.children();
        if (node.isMapping() && children.isEmpty()) {
            root.problem("services", "services: needs at least one service; leave the key out if there is none");
        }
        List<ServiceConfig> out = new ArrayList<>();
        for (Map.Entry<String, ConfigNode> e : children.entrySet()) {
            ServiceConfig s = ServiceSection.read(e.getKey(), e.getValue(), region, catalog, baseDir, tenants, groups,
                    monitoring);
            if (s != null) {
                out.add(s);
            }
        }
        return out;
    }

    /** Refuses a run whose services and queues would receive more requests than a run may simulate. */
    private static void checkVolume(ConfigNode root, long duration, List<ServiceConfig> services,
                                    List<QueueConfig> queues, FunctionsConfig functions) {
        double perSecond = services.stream().mapToDouble(s -> s.arrivals().meanRatePerSecond().orElse(0)).sum()
                + queues.stream().mapToDouble(q -> q.arrivals().meanRatePerSecond().orElse(0)).sum()
                + functions.functions().stream().mapToDouble(f -> f.arrivals().meanRatePerSecond().orElse(0)).sum();
        double expected = perSecond * Time.toSeconds(duration);
        if (expected > ScenarioLimits.MAX_EXPECTED_REQUESTS) {
            root.problem("duration", String.format("the services and queues would receive about %.3g requests over "
                    + "%s; a run may simulate at most %.0g: shorten the duration or lower the rates",
                    expected, Time.format(duration), ScenarioLimits.MAX_EXPECTED_REQUESTS));
        }
    }

    private List<BatchConfig> batches(ConfigNode node, RegionConfig region, TraceRoots baseDir, Tenants tenants,
                                      PlacementGroupNames groups) {
        List<BatchConfig> out = new ArrayList<>();
        for (Map.Entry<String, ConfigNode> e : node.children().entrySet()) {
            BatchConfig b = BatchSection.read(e.getKey(), e.getValue(), region, catalog, baseDir, tenants, groups);
            if (b != null) {
                out.add(b);
            }
        }
        return out;
    }
}
