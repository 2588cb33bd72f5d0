package io.stratus.scenario;

import io.stratus.pricing.AlbTraffic;
import io.stratus.sim.Time;
import java.util.List;

/**
 * Reads what a service is billed for beyond instance time: the load balancer's traffic keys
 * ({@code request-size}, {@code response-size}, {@code requests-per-connection},
 * {@code connection-duration}, {@code rules}), its {@code network:} (public IPv4, outbound bytes
 * and their route), {@code detailed-monitoring} and {@code snapshots}.
 */
final class TrafficSection {

    /** The keys it reads under {@code load-balancer:}. */
    static final List<String> BALANCER_KEYS = List.of("request-size", "response-size", "requests-per-connection",
            "connection-duration", "rules");
    static final List<String> ROUTES = List.of("internet", "nat-gateway");
    private static final double GB = 1e9;
    private static final String SIZE_RANGE = "allowed from 0B to 1GB";

    private TrafficSection() {
    }

    static ServiceTraffic read(ConfigNode service, ConfigNode lb, RegionConfig region) {
        AlbTraffic d = AlbTraffic.DEFAULT;
        double request = lb.unit("request-size", d.requestBytes(), false, Units::bytes, 0.0, GB, SIZE_RANGE);
        double response = lb.unit("response-size", d.responseBytes(), false, Units::bytes, 0.0, GB, SIZE_RANGE);
        long reuse = lb.integer("requests-per-connection", (long) d.requestsPerConnection(), 1, 1_000_000, false);
        long open = lb.unit("connection-duration", (long) (d.connectionSeconds() * Time.SECOND), false,
                Units::duration, 0L, Time.DAY, "allowed from 0s to 1d");
        long rules = lb.integer("rules", d.rules(), 0, 100, false);
        ConfigNode network = service.child("network", false);
        network.allowOnly("public-ip", "outbound-per-request", "outbound-via");
        boolean publicIp = network.bool("public-ip", true);
        double outbound = network.unit("outbound-per-request", 0.0, false, Units::bytes, 0.0, GB, SIZE_RANGE);
        boolean viaNat = "nat-gateway".equals(network.oneOf("outbound-via", "internet", ROUTES));
        if (viaNat && (region == null || region.natGateways() == 0)) {
            network.problem("outbound-via", "no NAT gateway to go through: add region.nat-gateways: N (1 or more), "
                    + "or use outbound-via: internet");
        }
        if (!viaNat && outbound > 0 && network.has("public-ip") && !publicIp) {
            network.problem("outbound-per-request", "an instance without a public IPv4 address reaches the internet "
                    + "only through a NAT gateway: set outbound-via: nat-gateway or public-ip: true");
        }
        boolean detailed = service.bool("detailed-monitoring", false);
        double snapshots = service.unit("snapshots", 0.0, false, Units::bytes, 0.0, 1e15, "allowed from 0B to 1PB");
        return new ServiceTraffic(new AlbTraffic(request, response, reuse, open / (double) Time.SECOND, (int) rules),
                publicIp, outbound, viaNat, detailed, snapshots);
    }
}
