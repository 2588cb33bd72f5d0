package io.stratus.scenario;

import io.stratus.compute.InstanceCatalog;
import io.stratus.sim.Time;
import java.nio.file.Path;
import java.util.List;

/** Reads one service under {@code services:}: its fleet, launch, load balancer and requests. */
final class ServiceSection {

    static final List<String> BALANCERS = List.of("round-robin");
    static final List<String> DISTRIBUTIONS = List.of("exponential", "fixed");

    private ServiceSection() {
    }

    static ServiceConfig read(String name, ConfigNode node, RegionConfig region, InstanceCatalog catalog,
                              Path baseDir, Tenants tenants) {
        node.allowOnly("instances", "launch", "load-balancer", "requests");
        long instances = node.integer("instances", 1, 1, ScenarioLimits.MAX_INSTANCES, true);

        LaunchSection launch = LaunchSection.read(node.child("launch", true), region == null ? null : region.host(),
                catalog, tenants);

        ConfigNode lb = node.child("load-balancer", false);
        lb.allowOnly("algorithm");
        String balancer = lb.oneOf("algorithm", "round-robin", BALANCERS);

        ConfigNode requests = node.child("requests", true);
        requests.allowOnly("arrival", "service");
        ArrivalSpec arrivals = ArrivalSection.read(requests.child("arrival", true), baseDir);
        ConfigNode service = requests.child("service", true);
        service.allowOnly("cpu", "distribution");
        long cpu = service.unit("cpu", Time.MILLISECOND, true, Units::duration, 1L, Time.HOUR,
                "allowed from 1us to 1h");
        String distribution = service.oneOf("distribution", "exponential", DISTRIBUTIONS);
        if (launch.type() == null || arrivals == null) {
            return null;
        }
        return new ServiceConfig(name, (int) instances, launch.spec(), balancer, arrivals, cpu, distribution);
    }
}
