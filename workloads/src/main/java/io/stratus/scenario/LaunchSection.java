package io.stratus.scenario;

import io.stratus.compute.InstanceCatalog;
import io.stratus.compute.InstanceType;
import io.stratus.compute.Ami;
import io.stratus.compute.LaunchSpec;
import io.stratus.compute.RootDevice;
import io.stratus.infra.HostSpec;
import io.stratus.infra.Tenancy;
import io.stratus.sim.Time;
import java.util.List;

/**
 * Reads a {@code launch:} mapping (instance type, AMI root device, boot and user-data times,
 * shutdown time, tenant and tenancy), shared by services and batch workloads, into a
 * {@link LaunchSpec} template for any zone.
 *
 * @param type the instance type, or null when invalid (then {@code spec} is null too)
 * @param spec what to launch, zone {@code -1}
 */
record LaunchSection(InstanceType type, LaunchSpec spec) {

    private static final String LIFECYCLE_RANGE = "allowed from 0s to 1h";

    static LaunchSection read(ConfigNode launch, HostSpec host, InstanceCatalog catalog, Tenants tenants) {
        launch.allowOnly("type", "ami", "shutdown", "tenant", "tenancy");
        InstanceType type = instanceType(launch, host, catalog);
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
        String tenancy = launch.oneOf("tenancy", "default", List.of("default", "dedicated"));
        if (type == null) {
            return new LaunchSection(null, null);
        }
        Ami image = new Ami("ami-" + root, ebs ? RootDevice.EBS : RootDevice.INSTANCE_STORE, boot, userData,
                Ami.DEFAULT_ROOT_GIB);
        LaunchSpec spec = new LaunchSpec(type, -1, 0, shutdown).withAmi(image)
                .withTenancy(tenants.id(tenant), "dedicated".equals(tenancy) ? Tenancy.DEDICATED : Tenancy.DEFAULT);
        return new LaunchSection(type, spec);
    }

    private static InstanceType instanceType(ConfigNode launch, HostSpec host, InstanceCatalog catalog) {
        String typeName = launch.string("type", null, true);
        if (typeName == null) {
            return null;
        }
        InstanceType type;
        try {
            type = catalog.get(typeName);
        } catch (IllegalArgumentException e) {
            launch.problem("type", e.getMessage());
            return null;
        }
        if (!type.isPriced()) {
            launch.problem("type", "instance type " + typeName + " has no on-demand price in the catalogue");
            return null;
        }
        if (host != null && (type.vcpus() > host.threads() || type.memoryMib() > host.memoryMib())) {
            launch.problem("type", typeName + " (" + type.vcpus() + " vCPUs, " + type.memoryGib()
                    + " GiB) does not fit on a " + host.name() + " (" + host.threads() + " threads, "
                    + host.memoryMib() / 1024 + " GiB); choose a smaller type or another host family");
            return null;
        }
        return type;
    }
}
