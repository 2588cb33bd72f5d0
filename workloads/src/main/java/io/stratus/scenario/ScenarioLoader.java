package io.stratus.scenario;

import io.stratus.compute.InstanceCatalog;
import io.stratus.compute.InstanceType;
import io.stratus.infra.HostSpec;
import io.stratus.sim.Time;
import io.stratus.workload.ConstantRate;
import io.stratus.workload.DailyPeakRate;
import io.stratus.workload.RateProfile;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Reads a scenario file and validates it completely before anything runs. Every problem is
 * collected, with its line, column and field path; nothing is half-loaded.
 *
 * <p>The format, with every default, is documented in {@code workloads/scenarios/reference.yaml}.
 */
public final class ScenarioLoader {

    static final List<String> PLACEMENTS = List.of("first-fit");
    static final List<String> BALANCERS = List.of("round-robin");
    static final List<String> DISTRIBUTIONS = List.of("exponential", "fixed");

    private final InstanceCatalog catalog;

    public ScenarioLoader(InstanceCatalog catalog) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
    }

    /** Loads a scenario file. */
    public Scenario load(Path file) throws ScenarioException {
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
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
            if (text.indexOf('\0') >= 0) {
                throw single(name, "contains NUL bytes: it is a binary file, not YAML text");
            }
            return parse(name, text);
        } catch (NoSuchFileException e) {
            throw single(name, "no such file");
        } catch (CharacterCodingException e) {
            throw single(name, "is not UTF-8 text (is it a binary file?)");
        } catch (IOException e) {
            throw single(name, "cannot be read: " + e.getMessage());
        }
    }

    private static ScenarioException single(String file, String message) {
        return new ScenarioException(List.of(new Problem(file, 0, 0, "", message)));
    }

    /** Parses and validates scenario text; {@code file} names it in messages. */
    public Scenario parse(String file, String text) throws ScenarioException {
        YamlDocument document = YamlDocument.parse(file, text);
        Problems problems = new Problems(document);
        ConfigNode root = ConfigNode.root(document, problems);
        problems.throwIfAny();

        root.allowOnly("name", "seed", "duration", "region", "placement", "services");
        String name = root.string("name", "scenario", true);
        long seed = root.integer("seed", 42, Long.MIN_VALUE, Long.MAX_VALUE, false);
        long duration = root.unit("duration", Time.DAY, true, Units::duration, Time.SECOND,
                Units.duration(ScenarioLimits.MAX_DURATION), "allowed from 1s to " + ScenarioLimits.MAX_DURATION);
        RegionConfig region = region(root.child("region", true));
        String placement = root.oneOf("placement", "first-fit", PLACEMENTS);
        List<ServiceConfig> services = services(root, region, duration);
        problems.throwIfAny();
        return new Scenario(name, file, seed, duration, region, placement, services);
    }

    private RegionConfig region(ConfigNode node) {
        node.allowOnly("name", "zones", "hosts");
        String name = node.string("name", "us-east-1", false);
        List<String> zones = node.strings("zones", true);
        if (node.has("zones") && zones.isEmpty()) {
            node.problem("zones", "a region needs at least one zone");
        }
        Set<String> seen = new HashSet<>();
        for (String z : zones) {
            if (!seen.add(z)) {
                node.problem("zones", "zone '" + z + "' is listed twice");
            }
        }
        ConfigNode hosts = node.child("hosts", true);
        hosts.allowOnly("family", "count", "per-zone");
        String family = hosts.string("family", "m5", true);
        long count = hosts.integer("count", 1, 1, ScenarioLimits.MAX_HOSTS, true);
        boolean perZone = hosts.bool("per-zone", true);
        HostSpec spec = new HostSpec("m5-host", "m5", 96, 384 * 1024);
        try {
            InstanceType shape = catalog.hostShapeOf(family);
            spec = new HostSpec(family + "-host", family, shape.vcpus(), shape.memoryMib());
        } catch (IllegalArgumentException e) {
            hosts.problem("family", e.getMessage() + "; use an EC2 family such as m5, c6i or r7g");
        }
        int zoneCount = Math.max(1, zones.size());
        long perZoneCount = perZone ? count : (count + zoneCount - 1) / zoneCount;
        if (perZone && count * zoneCount > ScenarioLimits.MAX_HOSTS) {
            hosts.problem("count", count + " hosts in each of " + zoneCount + " zones is more than the limit of "
                    + ScenarioLimits.MAX_HOSTS + " hosts");
        }
        if (!perZone && count % zoneCount != 0) {
            hosts.problem("count", count + " hosts do not divide evenly over " + zoneCount
                    + " zones; give a multiple of " + zoneCount + " or set per-zone: true");
        }
        return new RegionConfig(name, zones.isEmpty() ? List.of("zone-a") : zones, spec, (int) perZoneCount);
    }

    private List<ServiceConfig> services(ConfigNode root, RegionConfig region, long duration) {
        ConfigNode node = root.child("services", true);
        Map<String, ConfigNode> children = node.children();
        if (node.isMapping() && children.isEmpty()) {
            root.problem("services", "a scenario needs at least one service");
        }
        List<ServiceConfig> out = new ArrayList<>();
        double expectedRequests = 0;
        for (Map.Entry<String, ConfigNode> e : children.entrySet()) {
            ServiceConfig s = service(e.getKey(), e.getValue(), region);
            if (s != null) {
                out.add(s);
                expectedRequests += s.arrivals().meanRatePerSecond() * Time.toSeconds(duration);
            }
        }
        if (expectedRequests > ScenarioLimits.MAX_EXPECTED_REQUESTS) {
            root.problem("duration", String.format("the services would receive about %.3g requests over %s; "
                    + "a run may simulate at most %.0g: shorten the duration or lower the rates",
                    expectedRequests, Time.format(duration), ScenarioLimits.MAX_EXPECTED_REQUESTS));
        }
        return out;
    }

    private ServiceConfig service(String name, ConfigNode node, RegionConfig region) {
        node.allowOnly("instances", "launch", "load-balancer", "requests");
        long instances = node.integer("instances", 1, 1, ScenarioLimits.MAX_INSTANCES, true);

        ConfigNode launch = node.child("launch", true);
        launch.allowOnly("type", "ami", "shutdown");
        String typeName = launch.string("type", null, true);
        InstanceType type = null;
        if (typeName != null) {
            try {
                type = catalog.get(typeName);
                if (!type.isPriced()) {
                    launch.problem("type", "instance type " + typeName + " has no on-demand price in the catalogue");
                    type = null;
                } else if (type.vcpus() > region.host().threads()
                        || type.memoryMib() > region.host().memoryMib()) {
                    launch.problem("type", typeName + " (" + type.vcpus() + " vCPUs, " + type.memoryGib()
                            + " GiB) does not fit on a " + region.host().name() + " (" + region.host().threads()
                            + " threads, " + region.host().memoryMib() / 1024 + " GiB)");
                    type = null;
                }
            } catch (IllegalArgumentException e) {
                launch.problem("type", e.getMessage());
            }
        }
        ConfigNode ami = launch.child("ami", false);
        ami.allowOnly("boot", "user-data");
        long boot = ami.unit("boot", 40 * Time.SECOND, false, Units::duration, 0L, Time.HOUR, "allowed from 0s to 1h");
        long userData = ami.unit("user-data", 0L, false, Units::duration, 0L, Time.HOUR, "allowed from 0s to 1h");
        long shutdown = launch.unit("shutdown", 10 * Time.SECOND, false, Units::duration, 0L, Time.HOUR,
                "allowed from 0s to 1h");

        ConfigNode lb = node.child("load-balancer", false);
        lb.allowOnly("algorithm");
        String balancer = lb.oneOf("algorithm", "round-robin", BALANCERS);

        ConfigNode requests = node.child("requests", true);
        requests.allowOnly("arrival", "service");
        RateProfile arrivals = arrival(requests.child("arrival", true));
        ConfigNode service = requests.child("service", true);
        service.allowOnly("cpu", "distribution");
        long cpu = service.unit("cpu", Time.MILLISECOND, true, Units::duration, 1L, Time.HOUR,
                "allowed from 1us to 1h");
        String distribution = service.oneOf("distribution", "exponential", DISTRIBUTIONS);
        if (type == null || arrivals == null) {
            return null;
        }
        return new ServiceConfig(name, (int) instances, type, boot + userData, shutdown, balancer, arrivals, cpu,
                distribution);
    }

    private RateProfile arrival(ConfigNode node) {
        node.allowOnly("poisson", "diurnal");
        boolean poisson = node.has("poisson");
        boolean diurnal = node.has("diurnal");
        if (poisson == diurnal) {
            if (node.isMapping()) {
                node.problem(poisson ? "poisson" : "diurnal", poisson
                        ? "give one arrival process, poisson or diurnal, not both"
                        : "give an arrival process: poisson: { rate: 40/s } or diurnal: { mean: 40/s, ... }");
            }
            return null;
        }
        if (poisson) {
            ConfigNode p = node.child("poisson", true);
            p.allowOnly("rate");
            Double rate = p.unit("rate", null, true, Units::ratePerSecond, 1e-9,
                    ScenarioLimits.MAX_RATE_PER_SECOND, "allowed above 0 and up to 10000000/s");
            return rate == null ? null : new ConstantRate(rate);
        }
        ConfigNode d = node.child("diurnal", true);
        d.allowOnly("mean", "peak", "peak-factor", "width");
        Double mean = d.unit("mean", null, true, Units::ratePerSecond, 1e-9,
                ScenarioLimits.MAX_RATE_PER_SECOND, "allowed above 0 and up to 10000000/s");
        long peak = d.unit("peak", 12 * Time.HOUR, false, Units::timeOfDay, 0L, Time.DAY - 1, "a time of day");
        double factor = d.number("peak-factor", 2.0, 1.0, 1000.0, false);
        long width = d.unit("width", 90 * Time.MINUTE, false, Units::duration, Time.MINUTE, 12 * Time.HOUR,
                "allowed from 1m to 12h");
        if (mean == null) {
            return null;
        }
        try {
            return new DailyPeakRate(mean, peak, factor, width);
        } catch (IllegalArgumentException e) {
            d.problem("peak-factor", e.getMessage());
            return null;
        }
    }
}
