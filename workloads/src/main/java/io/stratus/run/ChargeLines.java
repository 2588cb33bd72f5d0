package io.stratus.run;

import io.stratus.pricing.Charge;
import io.stratus.pricing.InternetEgress;
import io.stratus.pricing.LoadBalancerCharges;
import io.stratus.pricing.ServiceCharges;
import io.stratus.pricing.ServicePrices;
import io.stratus.scenario.RegionConfig;
import io.stratus.scenario.Scenario;
import io.stratus.scenario.ServiceTraffic;
import io.stratus.sim.Time;
import java.util.ArrayList;
import java.util.List;

/**
 * A run's charges beyond instance time and EBS volumes, gathered from its closed workloads and
 * priced at the bundled us-east-1 list prices ({@link ServicePrices}): each service's load
 * balancer (hours and LCUs from its hourly requests), CloudWatch detailed monitoring and
 * snapshots; then, for the whole account, data transfer out to the internet (responses and
 * outbound bytes), NAT gateways (hours, bytes, and the inter-zone transfer of instances in zones
 * without one), public IPv4 addresses (instances, load balancer nodes, idle Elastic IPs),
 * CloudWatch alarms, SQS requests and SNS publishes.
 *
 * <p>Assumptions (also in the README): an instance's public address and detailed monitoring are
 * billed for its billed running time; a load balancer has one node and one public address in
 * each zone of the region; a service's requests spread evenly over the zones, so the share of
 * its NAT traffic from zones without a gateway crosses zones; every target-tracking policy has
 * the two CloudWatch alarms EC2 Auto Scaling creates for it; queue workers and batch instances
 * have no public address (private subnets) and basic monitoring; an SQS message costs a send, a
 * receive per delivery and a delete (no batching, no empty receives).
 */
final class ChargeLines {

    private final ServicePrices prices = ServicePrices.bundled();
    private final long end;
    private final RegionConfig region;
    private final int zones;
    private final List<Charge> services = new ArrayList<>();
    private double internetBytes;
    private double natBytes;
    private double interZoneBytes;
    private double instanceAddressHours;
    private int balancers;
    private int scalingAlarms;
    private long sqsRequests;
    private boolean anyQueue;

    /** Gathers the charges of a run that ends at {@code end} in {@code region} (null for none). */
    ChargeLines(long end, RegionConfig region) {
        this.end = end;
        this.region = region;
        this.zones = region == null ? 1 : Math.max(1, region.zones().size());
    }

    /** The charges of the closed {@code runs}, with the scenario's alarms and topics. */
    static List<Charge> of(Scenario scenario, List<WorkloadRun> runs, long end, MonitoringResult monitoring) {
        ChargeLines lines = new ChargeLines(end, scenario.region());
        runs.forEach(r -> r.charges(lines));
        long publishes = monitoring.topics().stream().mapToLong(MonitoringResult.Topic::notifications).sum();
        return lines.lines(monitoring.alarms().size(), publishes, !monitoring.topics().isEmpty());
    }

    /**
     * Adds a service's usage.
     *
     * @param requestsPerHour requests reaching its load balancer in each clock hour (the balancer processes
     *                        every one, refused ones included)
     * @param served          requests an instance completed: only these send a response and their own
     *                        outbound bytes out of the region
     * @param billedSeconds   its instances' billed running seconds
     */
    void service(String name, ServiceTraffic t, long[] requestsPerHour, long served, long billedSeconds,
                 boolean targetTracking) {
        int natGateways = region == null ? 0 : region.natGateways();
        services.addAll(LoadBalancerCharges.of(prices, name, t.alb(), requestsPerHour, end));
        balancers++;
        double instanceHours = billedSeconds / 3600.0;
        if (t.publicIp()) {
            instanceAddressHours += instanceHours;
        }
        if (t.detailedMonitoring()) {
            services.add(ServiceCharges.detailedMonitoring(prices, name + ": CloudWatch detailed monitoring",
                    instanceHours));
        }
        if (t.snapshotBytes() > 0) {
            services.add(ServiceCharges.snapshots(prices, name + ": EBS snapshots",
                    t.snapshotBytes() / prices.gbBytes(), end));
        }
        internetBytes += served * (t.alb().responseBytes() + t.outboundBytes());
        if (t.outboundViaNat()) {
            double bytes = served * t.outboundBytes();
            natBytes += bytes;
            interZoneBytes += bytes * (zones - Math.min(natGateways, zones)) / zones;
        }
        scalingAlarms += targetTracking ? 2 : 0;
    }

    /** Adds a queue: its SQS requests ({@code calls} API calls of messages of {@code messageBytes}) and its scaling alarms. */
    void queue(long calls, double messageBytes) {
        sqsRequests += calls * ServiceCharges.chunks(prices, messageBytes);
        scalingAlarms += 2;
        anyQueue = true;
    }

    /** Adds a workload's own priced lines (a Lambda function's), listed with the services'. */
    void add(List<Charge> lines) {
        services.addAll(lines);
    }

    /** Adds bytes sent out to the internet by a workload without a load balancer (a Lambda function's responses). */
    void internet(double bytes) {
        internetBytes += bytes;
    }

    /** Every line, services first, then the account's. */
    List<Charge> lines(int alarms, long publishes, boolean anyTopic) {
        List<Charge> out = new ArrayList<>(services);
        if (balancers > 0 || internetBytes > 0) {
            out.addAll(InternetEgress.of(prices, internetBytes, end));
        }
        int gateways = region == null ? 0 : region.natGateways();
        if (gateways > 0) {
            out.add(ServiceCharges.natHours(prices, gateways, end));
            out.add(ServiceCharges.natProcessed(prices, natBytes));
        }
        if (interZoneBytes > 0) {
            out.add(ServiceCharges.interZone(prices, "data transfer between zones (to a NAT gateway in another zone)",
                    interZoneBytes));
        }
        double hours = end / (double) Time.HOUR;
        if (instanceAddressHours > 0) {
            out.add(ServiceCharges.publicIpv4(prices, "public IPv4: instances", instanceAddressHours));
        }
        if (balancers > 0) {
            out.add(ServiceCharges.publicIpv4(prices, "public IPv4: load balancer nodes", balancers * zones * hours));
        }
        if (region != null && region.idleElasticIps() > 0) {
            out.add(ServiceCharges.publicIpv4(prices, "public IPv4: idle Elastic IPs", region.idleElasticIps() * hours));
        }
        if (alarms + scalingAlarms > 0) {
            out.add(ServiceCharges.alarms(prices, alarms + scalingAlarms, end));
        }
        if (anyQueue) {
            out.add(ServiceCharges.sqsRequests(prices, sqsRequests, end));
        }
        if (anyTopic) {
            out.add(ServiceCharges.snsPublishes(prices, publishes, end));
        }
        return out;
    }
}
