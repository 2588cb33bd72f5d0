package io.stratus.scenario;

import io.stratus.compute.InstanceCatalog;
import io.stratus.compute.InstanceType;
import io.stratus.infra.HostSpec;
import io.stratus.sim.Time;
import io.stratus.workload.RateProfile;
import java.util.List;

/** Reads one service under {@code services:}: its fleet, launch, load balancer and requests. */
final class ServiceSection {

    static final List<String> BALANCERS = List.of("round-robin");
    static final List<String> DISTRIBUTIONS = List.of("exponential", "fixed");
    private static final String LIFECYCLE_RANGE = "allowed from 0s to 1h";

    private ServiceSection() {
    }

    static ServiceConfig read(String name, ConfigNode node, RegionConfig region, InstanceCatalog catalog) {
        node.allowOnly("instances", "launch", "load-balancer", "requests");
        long instances = node.integer("instances", 1, 1, ScenarioLimits.MAX_INSTANCES, true);

        ConfigNode launch = node.child("launch", true);
        launch.allowOnly("type", "ami", "shutdown");
        InstanceType type = instanceType(launch, region == null ? null : region.host(), catalog);
        ConfigNode ami = launch.child("ami", false);
        ami.allowOnly("boot", "user-data");
        long boot = ami.unit("boot", 40 * Time.SECOND, false, Units::duration, 0L, Time.HOUR, LIFECYCLE_RANGE);
        long userData = ami.unit("user-data", 0L, false, Units::duration, 0L, Time.HOUR, LIFECYCLE_RANGE);
        long shutdown = launch.unit("shutdown", 10 * Time.SECOND, false, Units::duration, 0L, Time.HOUR,
                LIFECYCLE_RANGE);

        ConfigNode lb = node.child("load-balancer", false);
        lb.allowOnly("algorithm");
        String balancer = lb.oneOf("algorithm", "round-robin", BALANCERS);

        ConfigNode requests = node.child("requests", true);
        requests.allowOnly("arrival", "service");
        RateProfile arrivals = ArrivalSection.read(requests.child("arrival", true));
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
