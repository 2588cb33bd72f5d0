package io.stratus.scenario;

import io.stratus.compute.InstanceCatalog;
import io.stratus.compute.InstanceType;
import io.stratus.compute.Ami;
import io.stratus.compute.LaunchSpec;
import io.stratus.compute.RootDevice;
import io.stratus.hypervisor.CpuCreditMode;
import io.stratus.infra.HostSpec;
import io.stratus.infra.Tenancy;
import io.stratus.placement.PlacementGroups;
import io.stratus.placement.PlacementRequest;
import io.stratus.sim.Time;
import java.util.List;
import java.util.Locale;

/**
 * Reads a {@code launch:} mapping (instance type, AMI root device, boot and user-data times,
 * shutdown time, tenant and tenancy, placement group), shared by services, batch workloads and
 * queue workers, into a {@link LaunchSpec} template for any zone. Tenancy host launches onto the
 * tenant's Dedicated Hosts (auto-placement), which must be allocated in {@code region.dedicated-hosts}.
 *
 * @param type the instance type, or null when invalid (then {@code spec} is null too)
 * @param spec what to launch, zone {@code -1}
 */
record LaunchSection(InstanceType type, LaunchSpec spec) {

    private static final String LIFECYCLE_RANGE = "allowed from 0s to 1h";

    private static final List<String> STRATEGIES = List.of("cluster", "spread", "partition");

    private static final List<String> CREDIT_MODES = List.of("standard", "unlimited");

    /**
     * @param owner  the name of the service, batch workload or queue launching (the default name of
     *               its placement group)
     * @param where  the owner's path in the file, such as {@code services.web}, for messages
     * @param groups the scenario's placement groups by name
     */
    static LaunchSection read(ConfigNode launch, String owner, String where, RegionConfig region,
                              InstanceCatalog catalog, Tenants tenants, PlacementGroupNames groups) {
        launch.allowOnly("type", "ami", "shutdown", "tenant", "tenancy", "placement-group", "credit-specification");
        HostSpec host = region == null ? null : region.host();
        InstanceType type = instanceType(launch, host, catalog);
        if (type != null && host != null && !region.allowAnyFamily() && !HostProcessors.sameProcessor(launch, type, host)) {
            type = null;
        }
        CpuCreditMode creditMode = creditMode(launch, type);
        ConfigNode ami = launch.child("ami", false);
        ami.allowOnly("root", "boot", "user-data");
        String root = ami.oneOf("root", "ebs", List.of("ebs", "instance-store"));
        boolean ebs = !"instance-store".equals(root);
        long boot = ami.unit("boot", ebs ? Ami.EBS_BOOT_MICROS : Ami.INSTANCE_STORE_BOOT_MICROS, false,
                Units::duration, 0L, Time.HOUR, LIFECYCLE_RANGE);
        long userData = ami.unit("user-data", 0L, false, Units::duration, 0L, Time.HOUR, LIFECYCLE_RANGE);
        long shutdown = launch.unit("shutdown", 10 * Time.SECOND, false, Units::duration, 0L, Time.HOUR,
                LIFECYCLE_RANGE);
        String tenant = launch.string("tenant", Tenants.DEFAULT, false);
        String tenancy = launch.oneOf("tenancy", "default", List.of("default", "dedicated", "host"));
        int[] group = placementGroup(launch, owner, where, groups);
        boolean onHosts = "host".equals(tenancy);
        if (onHosts && !tenants.dedicatedHostsOf(tenants.id(tenant))) {
            launch.problem("tenancy", "tenancy host needs Dedicated Hosts of tenant '" + tenant
                    + "': allocate some in region.dedicated-hosts, such as [{ tenant: " + tenant + ", count: 1, "
                    + "zone: ... }]");
            return new LaunchSection(null, null);
        }
        if (onHosts && launch.has("placement-group")) {
            launch.problem("placement-group", "placement groups are not modelled for tenancy host; remove the "
                    + "placement group or use tenancy default or dedicated");
            return new LaunchSection(null, null);
        }
        if (onHosts && type != null && host != null && !type.family().equals(host.family())) {
            launch.problem("type", "a Dedicated Host of family " + host.family() + " runs only " + host.family()
                    + " instances, not " + type.name());
            return new LaunchSection(null, null);
        }
        if (type == null || group == null) {
            return new LaunchSection(null, null);
        }
        Ami image = new Ami("ami-" + root, ebs ? RootDevice.EBS : RootDevice.INSTANCE_STORE, boot, userData,
                Ami.DEFAULT_ROOT_GIB);
        LaunchSpec spec = new LaunchSpec(type, -1, 0, shutdown).withAmi(image)
                .inPlacementGroup(group[0], group[1]);
        if (creditMode != null) {
            spec = spec.withCreditMode(creditMode);
        }
        spec = onHosts ? spec.onDedicatedHosts(tenants.id(tenant))
                : spec.withTenancy(tenants.id(tenant), "dedicated".equals(tenancy) ? Tenancy.DEDICATED : Tenancy.DEFAULT);
        return new LaunchSection(type, spec);
    }

    /**
     * Reads {@code credit-specification:} (EC2's CpuCredits): standard or unlimited, for a
     * burstable type only; null when absent (the type's default: T2 standard, T3 / T3a / T4g
     * unlimited) or invalid (the problem is reported).
     */
    private static CpuCreditMode creditMode(ConfigNode launch, InstanceType type) {
        if (!launch.has("credit-specification")) {
            return null;
        }
        String mode = launch.oneOf("credit-specification", null, CREDIT_MODES);
        if (mode == null) {
            return null;
        }
        if (type != null && !type.isBurstable()) {
            launch.problem("credit-specification", "only burstable (T family) types earn CPU credits; "
                    + type.name() + " is not one: remove credit-specification or choose a type such as t3.micro");
            return null;
        }
        return "standard".equals(mode) ? CpuCreditMode.STANDARD : CpuCreditMode.UNLIMITED;
    }

    /**
     * Reads {@code placement-group:} if present.
     *
     * @return {group number, partition (0-based)}, {{@code NO_GROUP}, {@code ANY_PARTITION}} when
     *         absent, or null when invalid (the problems are reported)
     */
    private static int[] placementGroup(ConfigNode launch, String owner, String where, PlacementGroupNames groups) {
        if (!launch.has("placement-group")) {
            return new int[] {PlacementRequest.NO_GROUP, PlacementRequest.ANY_PARTITION};
        }
        ConfigNode pg = launch.child("placement-group", false);
        if (!pg.isMapping()) {
            return null;
        }
        pg.allowOnly("name", "strategy", "partitions", "partition");
        String name = pg.string("name", owner, false);
        String strategyName = pg.has("strategy") ? pg.oneOf("strategy", null, STRATEGIES)
                : pg.string("strategy", null, true);
        if (strategyName == null) {
            return null;
        }
        PlacementGroups.Strategy strategy = PlacementGroups.Strategy.valueOf(strategyName.toUpperCase(Locale.ROOT));
        if (strategy != PlacementGroups.Strategy.PARTITION) {
            for (String key : List.of("partitions", "partition")) {
                if (pg.has(key)) {
                    pg.problem(key, "only a partition group has partitions; this group's strategy is " + strategyName);
                    return null;
                }
            }
            int id = groups.id(new PlacementGroupConfig(name, strategy, 0), where, pg);
            return id < 0 ? null : new int[] {id, PlacementRequest.ANY_PARTITION};
        }
        long partitions = pg.integer("partitions", 0, 1, PlacementGroups.MAX_PARTITIONS, true);
        if (partitions == 0) {
            return null;
        }
        long partition = pg.integer("partition", 0, 1, PlacementGroups.MAX_PARTITIONS, false);
        if (partition > partitions) {
            pg.problem("partition", "partition " + partition + " does not exist: the group has " + partitions
                    + " partitions, numbered 1 to " + partitions);
            return null;
        }
        int id = groups.id(new PlacementGroupConfig(name, strategy, (int) partitions), where, pg);
        return id < 0 ? null : new int[] {id, partition == 0 ? PlacementRequest.ANY_PARTITION : (int) partition - 1};
    }

    private static InstanceType instanceType(ConfigNode launch, HostSpec host, InstanceCatalog catalog) {
        String typeName = launch.string("type", null, true);
        if (typeName == null) {
            return null;
        }
        return checkedType(launch, "type", typeName, host, catalog);
    }

    /**
     * The instance type {@code typeName} given at {@code key} of {@code node}, or null with a problem
     * there when it is not in the catalogue, has no price or does not fit on {@code host}.
     */
    static InstanceType checkedType(ConfigNode node, String key, String typeName, HostSpec host,
                                    InstanceCatalog catalog) {
        InstanceType type;
        try {
            type = catalog.get(typeName);
        } catch (IllegalArgumentException e) {
            node.problem(key, e.getMessage());
            return null;
        }
        if (!type.isPriced()) {
            node.problem(key, "instance type " + typeName + " has no on-demand price in the catalogue");
            return null;
        }
        if (host != null && (type.vcpus() > host.threads() || type.memoryMib() > host.memoryMib())) {
            node.problem(key, typeName + " (" + type.vcpus() + " vCPUs, " + type.memoryGib()
                    + " GiB) does not fit on a " + host.name() + " (" + host.threads() + " threads, "
                    + host.memoryMib() / 1024 + " GiB); choose a smaller type or another host family");
            return null;
        }
        return type;
    }
}
