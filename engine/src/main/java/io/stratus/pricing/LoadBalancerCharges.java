package io.stratus.pricing;

import io.stratus.sim.Time;
import java.util.List;

/**
 * An Application Load Balancer's bill: its hours (each partial hour a whole one) and its capacity
 * units. AWS's definition: each hour, the LCUs used are the largest of four dimensions, each
 * averaged over the hour: new connections per second / 25, active connections per minute /
 * 3,000, GB processed (requests and responses) / 1, rule evaluations per second (rules beyond the
 * first 10 per request) / 1,000; the bill is the sum over hours of those LCUs at the LCU-hour
 * price.
 *
 * <p>Assumptions: an internet-facing balancer with one node, and so one public IPv4 address, in
 * each of its zones (billed by {@link ServiceCharges#publicIpv4}); cross-zone routing between
 * the balancer and its targets has no data transfer charge (ALB cross-zone is always on and free
 * of inter-zone charges); no free tier.
 */
public final class LoadBalancerCharges {

    private LoadBalancerCharges() {
    }

    /** The four LCU dimensions of an hour with {@code requests} requests, in LCUs, in AWS's order. */
    public static double[] dimensions(ServicePrices p, AlbTraffic t, long requests) {
        double newPerSecond = requests / t.requestsPerConnection() / 3600.0;
        double active = newPerSecond * t.connectionSeconds();
        double gb = requests * (t.requestBytes() + t.responseBytes()) / p.gbBytes;
        double evaluationsPerSecond = requests * (double) Math.max(0, t.rules() - p.freeRulesPerRequest) / 3600.0;
        return new double[] {newPerSecond / p.lcuNewConnectionsPerSecond, active / p.lcuActiveConnectionsPerMinute,
            gb / p.lcuProcessedGbPerHour, evaluationsPerSecond / p.lcuRuleEvaluationsPerSecond};
    }

    /** The LCUs of an hour: the largest dimension. */
    public static double lcus(ServicePrices p, AlbTraffic t, long requests) {
        double max = 0;
        for (double d : dimensions(p, t, requests)) {
            max = Math.max(max, d);
        }
        return max;
    }

    /**
     * The balancer's two lines over a run of {@code durationMicros}: ALB-hours and LCU-hours.
     *
     * @param requestsPerHour requests reaching the balancer in each clock hour of the run
     */
    public static List<Charge> of(ServicePrices p, String name, AlbTraffic t, long[] requestsPerHour,
                                  long durationMicros) {
        long hours = (durationMicros + Time.HOUR - 1) / Time.HOUR;
        double lcuHours = 0;
        for (long requests : requestsPerHour) {
            lcuHours += lcus(p, t, requests);
        }
        return List.of(
                Charge.of(ChargeKind.LOAD_BALANCER, name + ": load balancer hours", "ALB-hour", hours, p.albHour),
                Charge.of(ChargeKind.LOAD_BALANCER, name + ": load balancer capacity units", "LCU-hour", lcuHours,
                        p.lcuHour));
    }
}
