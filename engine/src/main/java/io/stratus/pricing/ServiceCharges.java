package io.stratus.pricing;

/**
 * The charges priced linearly from one usage figure: public IPv4 address-hours, inter-zone data
 * transfer, NAT gateway hours and GB, CloudWatch detailed monitoring and alarms, SQS requests and
 * SNS publishes (with their free monthly allowances), EBS snapshot storage. Each method returns
 * one {@link Charge}.
 *
 * <p>Assumptions: monthly prices and free allowances are prorated to the run's length over a
 * month of {@link ServicePrices#monthHours()} hours; a free allowance is the account's, taken
 * whole by the run; payloads are billed in 64 KB chunks (one request per started chunk).
 */
public final class ServiceCharges {

    private ServiceCharges() {
    }

    /** Public IPv4 addresses: {@code addressHours} at $0.005, in use or idle. */
    public static Charge publicIpv4(ServicePrices p, String name, double addressHours) {
        return Charge.of(ChargeKind.PUBLIC_IPV4, name, "address-hour", addressHours, p.ipv4AddressHour);
    }

    /** Data crossing between zones, billed out of one zone and into the other: 2 x GB at $0.01. */
    public static Charge interZone(ServicePrices p, String name, double bytes) {
        return Charge.of(ChargeKind.DATA_TRANSFER, name, "GB (each direction)", 2 * bytes / p.gbBytes,
                p.interAzUsdPerGbEachWay);
    }

    /** NAT gateway hours: each partial hour a whole one, per gateway. */
    public static Charge natHours(ServicePrices p, int gateways, long durationMicros) {
        long hours = (durationMicros + io.stratus.sim.Time.HOUR - 1) / io.stratus.sim.Time.HOUR;
        return Charge.of(ChargeKind.NAT_GATEWAY, "NAT gateway hours", "gateway-hour", (double) gateways * hours,
                p.natHour);
    }

    /** NAT gateway data processing. */
    public static Charge natProcessed(ServicePrices p, double bytes) {
        return Charge.of(ChargeKind.NAT_GATEWAY, "NAT gateway data processed", "GB", bytes / p.gbBytes, p.natGb);
    }

    /** CloudWatch detailed monitoring: 7 metrics per instance, prorated per instance-hour. */
    public static Charge detailedMonitoring(ServicePrices p, String name, double instanceHours) {
        return Charge.of(ChargeKind.CLOUDWATCH, name, "metric-month",
                instanceHours * p.detailedMetricsPerInstance / p.monthHours, p.metricMonth);
    }

    /** CloudWatch standard-resolution alarms, prorated over the run. */
    public static Charge alarms(ServicePrices p, int alarms, long durationMicros) {
        return Charge.of(ChargeKind.CLOUDWATCH, "CloudWatch alarms", "alarm-month", alarms * p.months(durationMicros),
                p.alarmMonth);
    }

    /** Requests of {@code bytes} each, counted in 64 KB chunks (at least one). */
    public static long chunks(ServicePrices p, double bytes) {
        return Math.max(1, (long) Math.ceil(bytes / p.chunkBytes));
    }

    /** SQS standard-queue requests beyond the free allowance, per million. */
    public static Charge sqsRequests(ServicePrices p, long requests, long durationMicros) {
        double billable = Math.max(0, requests - p.sqsFreeRequestsPerMonth * p.months(durationMicros));
        return Charge.of(ChargeKind.SQS, "SQS requests beyond the free million a month", "million requests",
                billable / 1e6, p.sqsUsdPerMillion);
    }

    /** SNS publishes beyond the free allowance, per million. */
    public static Charge snsPublishes(ServicePrices p, long publishes, long durationMicros) {
        double billable = Math.max(0, publishes - p.snsFreePublishesPerMonth * p.months(durationMicros));
        return Charge.of(ChargeKind.SNS, "SNS publishes beyond the free million a month", "million publishes",
                billable / 1e6, p.snsUsdPerMillion);
    }

    /** EBS snapshot storage: {@code gb} stored for the whole run. */
    public static Charge snapshots(ServicePrices p, String name, double gb, long durationMicros) {
        return Charge.of(ChargeKind.SNAPSHOTS, name, "GB-month", gb * p.months(durationMicros), p.snapshotGbMonth);
    }
}
