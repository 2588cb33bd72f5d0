package io.stratus.scenario;

import io.stratus.compute.InstanceCatalog;
import io.stratus.compute.StopStartSchedule;
import io.stratus.sim.Time;
import io.stratus.compute.InstancesDistribution;
import io.stratus.infra.Tenancy;
import io.stratus.lb.HealthCheckSettings;
import io.stratus.sim.Time;
import io.stratus.storage.VolumeSpec;
import io.stratus.storage.VolumeType;
import java.util.List;

/** Reads one service under {@code services:}: its fleet, launch, load balancer and requests. */
final class ServiceSection {

    static final List<String> BALANCERS = List.of("round-robin", "least-outstanding-requests", "random");
    static final List<String> DISTRIBUTIONS = List.of("exponential", "fixed");

    private ServiceSection() {
    }

    static ServiceConfig read(String name, ConfigNode node, RegionConfig region, InstanceCatalog catalog,
                              TraceRoots baseDir, Tenants tenants, PlacementGroupNames groups, MonitoringConfig monitoring) {
        node.allowOnly("instances", "auto-scaling", "launch", "load-balancer", "requests", "cache", "schedule",
                "purchase", "network", "detailed-monitoring", "snapshots", "fargate");
        boolean scaled = node.has("auto-scaling");
        if (scaled == node.has("instances") && node.isMapping()) {
            node.problem(scaled ? "instances" : "launch", scaled
                    ? "give either instances (a fixed fleet) or auto-scaling, not both"
                    : "missing required key 'instances' (a fixed fleet) or 'auto-scaling'");
        }
        long instances = scaled ? 0 : node.integer("instances", 1, 1, ScenarioLimits.MAX_INSTANCES, false);

        FargateSection fargate = node.has("fargate") ? FargateSection.read(node, region, catalog) : null;
        LaunchSection launch = fargate != null ? fargate.launch() : LaunchSection.read(node.child("launch", true),
                name, "services." + name, region, catalog, tenants, groups);

        ConfigNode lb = node.child("load-balancer", false);
        lb.allowOnly(java.util.stream.Stream.concat(java.util.stream.Stream.of("algorithm", "health-check", "max-in-flight"),
                TrafficSection.BALANCER_KEYS.stream()).toArray(String[]::new));
        String balancer = lb.oneOf("algorithm", "round-robin", BALANCERS);
        long maxInFlight = lb.integer("max-in-flight", ScenarioLimits.DEFAULT_MAX_IN_FLIGHT, 1,
                ScenarioLimits.MAX_IN_FLIGHT, false);
        HealthCheckSettings health = healthChecks(lb.child("health-check", false));
        ServiceTraffic traffic = TrafficSection.read(node, lb, region);
        AutoScalingConfig autoScaling = scaled ? AutoScalingSection.read(node.child("auto-scaling", true),
                launch.type(), monitoring) : null;
        MixedInstancesConfig mixed = scaled ? MixedInstancesSection.read(node.child("auto-scaling", true),
                region, catalog) : null;
        if (autoScaling != null && mixed != null) {
            autoScaling = autoScaling.withMixedInstances(mixed);
        }
        StopStartSchedule schedule = node.has("schedule") ? StopStartSection.read(node, scaled, launch) : null;

        InstancesDistribution purchase = purchase(node, launch, autoScaling);

        ConfigNode requests = node.child("requests", true);
        requests.allowOnly("arrival", "service");
        ArrivalSpec arrivals = ArrivalSection.read(requests.child("arrival", true), baseDir);
        ConfigNode service = requests.child("service", true);
        service.allowOnly("cpu", "measured-on", "distribution", "io", "trace");
        boolean traced = service.has("trace");
        if (traced && (service.has("cpu") || service.has("distribution"))) {
            service.problem(service.has("cpu") ? "cpu" : "distribution", "give either cpu (with its distribution) or "
                    + "trace (work from a durations trace), not both");
        }
        long cpu = traced ? Time.MILLISECOND : service.unit("cpu", Time.MILLISECOND, true, Units::duration, 1L,
                Time.HOUR, "allowed from 1us to 1h");
        cpu = traced ? cpu : CpuWork.onReference(service, cpu, catalog);
        if (traced && service.has("measured-on")) {
            service.problem("measured-on", "measured-on converts cpu; a trace's durations are taken as reference-vCPU "
                    + "time: remove measured-on");
        }
        String distribution = traced ? FunctionTraceSection.DURATIONS
                : service.oneOf("distribution", "exponential", DISTRIBUTIONS);
        FunctionDemandSpec traceDemand = traced
                ? FunctionTraceSection.demand(service.child("trace", true), baseDir, arrivals) : null;
        IoConfig io = service.has("io") ? io(service.child("io", true), launch) : null;
        CacheConfig cache = node.has("cache") ? cache(node.child("cache", true)) : null;
        if (launch.type() == null || arrivals == null || (traced && traceDemand == null)) {
            return null;
        }
        if (traced) {
            cpu = Math.max(1, Math.round(traceDemand.meanMicros()));
        }
        if (fargate != null && fargate.fargate() == null) {
            return null;
        }
        return new ServiceConfig(name, (int) instances, launch.spec(), balancer, arrivals, cpu, distribution, cache,
                autoScaling, health, io, traceDemand, schedule, purchase, (int) maxInFlight,
                fargate == null ? traffic : new ServiceTraffic(traffic.alb(), false, traffic.outboundBytes(),
                        traffic.outboundViaNat(), traffic.detailedMonitoring(), traffic.snapshotBytes()),
                fargate == null ? null : fargate.fargate());
    }

    /**
     * The service's {@code purchase:} mix (on-demand only when absent), checked against its
     * tenancy and its group's capacity rebalancing.
     */
    private static InstancesDistribution purchase(ConfigNode node, LaunchSection launch, AutoScalingConfig group) {
        InstancesDistribution mix = node.has("purchase")
                ? PurchaseSection.read(node.child("purchase", true), 0.0) : InstancesDistribution.ON_DEMAND;
        if (mix.usesSpot() && launch.spec() != null && launch.spec().tenancy() != Tenancy.DEFAULT) {
            node.child("purchase", true).problem("spot-share", "spot instances need tenancy default (this service's "
                    + "launch has tenancy " + launch.spec().tenancy().apiName() + "); use spot-share: 0% or drop "
                    + "the tenancy");
        }
        if (group != null && group.capacityRebalance() && !mix.usesSpot()) {
            node.child("auto-scaling", true).problem("capacity-rebalance", "capacity rebalancing replaces spot "
                    + "instances, and this service buys none: add purchase: { spot-share: P% } with P above 0%, "
                    + "or drop capacity-rebalance");
        }
        return mix;
    }

    private static IoConfig io(ConfigNode io, LaunchSection launch) {
        io.allowOnly("ops", "device", "volume");
        long ops = io.integer("ops", 1, 1, 1_000_000, true);
        String device = io.oneOf("device", "instance-store", List.of("instance-store", "ebs"));
        if ("instance-store".equals(device)) {
            if (launch.type() != null && launch.type().instanceStoreGib() <= 0) {
                io.problem("device", launch.type().name() + " has no instance store; choose a type with local NVMe "
                        + "(such as i4i, i3, m5d or c6id) or device: ebs with a volume");
            }
            return new IoConfig(ops, device, null);
        }
        ConfigNode v = io.child("volume", true);
        v.allowOnly("type", "size", "iops");
        String type = v.oneOf("type", "gp3", List.of("gp2", "gp3", "io2"));
        Double size = v.unit("size", 100.0 * (1L << 30), false, Units::bytes, 1.0 * (1L << 30), 16.0 * (1L << 40),
                "allowed from 1GiB to 16TiB");
        long iops = v.integer("iops", 3000, 100, 256_000, false);
        int gib = (int) Math.ceil(size / (1L << 30));
        VolumeSpec spec;
        try {
            switch (type) {
                case "gp2":
                    spec = VolumeSpec.gp2(gib);
                    break;
                case "io2":
                    spec = VolumeSpec.io2(gib, (int) iops);
                    break;
                default:
                    spec = v.has("iops") ? new VolumeSpec(VolumeType.GP3, gib, (int) iops, VolumeType.GP3_BASE_MBPS)
                            : VolumeSpec.gp3(gib);
            }
        } catch (IllegalArgumentException e) {
            v.problem("iops", e.getMessage());
            return null;
        }
        return new IoConfig(ops, device, spec);
    }

    /** The target group's health checks: the ALB defaults unless given. */
    private static HealthCheckSettings healthChecks(ConfigNode node) {
        HealthCheckSettings d = HealthCheckSettings.albDefaults();
        node.allowOnly("interval", "timeout", "healthy", "unhealthy");
        long interval = node.unit("interval", d.intervalMicros(), false, Units::duration, 5 * Time.SECOND,
                300 * Time.SECOND, "allowed from 5s to 300s");
        long timeout = node.unit("timeout", d.timeoutMicros(), false, Units::duration, 2 * Time.SECOND,
                120 * Time.SECOND, "allowed from 2s to 120s");
        long healthy = node.integer("healthy", d.healthyThreshold(), 2, 10, false);
        long unhealthy = node.integer("unhealthy", d.unhealthyThreshold(), 2, 10, false);
        if (timeout >= interval) {
            node.problem("timeout", "the timeout must be shorter than the interval");
            return d;
        }
        return new HealthCheckSettings(interval, timeout, (int) healthy, (int) unhealthy, d.probeWorkMicros());
    }

    private static CacheConfig cache(ConfigNode node) {
        node.allowOnly("working-set", "object-size", "zipf", "usable-memory", "miss-penalty");
        Double workingSet = node.unit("working-set", 1.0, true, Units::bytes, 1.0, 1e18, "allowed from 1B to 1EB");
        Double object = node.unit("object-size", 4096.0, false, Units::bytes, 1.0, 1e12, "allowed from 1B to 1TB");
        double zipf = node.number("zipf", 0.9, 0, 5, false);
        Double usable = node.unit("usable-memory", 0.75, false, Units::percent, 0.01, 1.0, "allowed from 1% to 100%");
        long penalty = node.unit("miss-penalty", 5 * Time.MILLISECOND, false, Units::duration, 0L, Time.MINUTE,
                "allowed from 0s to 1m");
        if (object > workingSet) {
            node.problem("object-size", "objects are larger than the whole working set");
        }
        return new CacheConfig(workingSet, object, zipf, usable, penalty);
    }
}
