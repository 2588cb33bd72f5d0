package io.stratus.scenario;

import io.stratus.compute.InstanceCatalog;
import io.stratus.compute.InstanceType;
import io.stratus.infra.HostSpec;
import io.stratus.sim.Time;

/**
 * Reads a {@code launch:} mapping (instance type, AMI boot and user-data times, shutdown time),
 * shared by services and batch workloads.
 *
 * @param type           the instance type, or null when invalid
 * @param bootMicros     boot plus user-data time
 * @param shutdownMicros shutting-down to terminated
 */
record LaunchSection(InstanceType type, long bootMicros, long shutdownMicros) {

    private static final String LIFECYCLE_RANGE = "allowed from 0s to 1h";

    static LaunchSection read(ConfigNode launch, HostSpec host, InstanceCatalog catalog) {
        launch.allowOnly("type", "ami", "shutdown");
        InstanceType type = instanceType(launch, host, catalog);
        ConfigNode ami = launch.child("ami", false);
        ami.allowOnly("boot", "user-data");
        long boot = ami.unit("boot", 40 * Time.SECOND, false, Units::duration, 0L, Time.HOUR, LIFECYCLE_RANGE);
        long userData = ami.unit("user-data", 0L, false, Units::duration, 0L, Time.HOUR, LIFECYCLE_RANGE);
        long shutdown = launch.unit("shutdown", 10 * Time.SECOND, false, Units::duration, 0L, Time.HOUR,
                LIFECYCLE_RANGE);
        return new LaunchSection(type, boot + userData, shutdown);
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
