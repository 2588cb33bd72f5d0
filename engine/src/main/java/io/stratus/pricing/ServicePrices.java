package io.stratus.pricing;

import java.util.Arrays;
import java.util.Properties;

/**
 * The us-east-1 list prices of the charges beyond instances and EBS volumes (load balancer, data
 * transfer, public IPv4, NAT gateway, CloudWatch, SQS, SNS, EBS snapshots), from
 * {@code service-prices-us-east-1.properties}, where each number has its source. Immutable.
 *
 * <p>Assumptions: monthly prices, free allowances and monthly tiers are prorated over a month of
 * {@link #monthHours()} hours; a billed GB is {@link #gbBytes()} bytes.
 */
public final class ServicePrices {

    /** The bundled properties resource. */
    public static final String RESOURCE = "/io/stratus/pricing/service-prices-us-east-1.properties";

    private static final ServicePrices BUNDLED = load();

    final double monthHours;
    final double gbBytes;
    final double albHour;
    final double lcuHour;
    final double lcuNewConnectionsPerSecond;
    final double lcuActiveConnectionsPerMinute;
    final double lcuProcessedGbPerHour;
    final double lcuRuleEvaluationsPerSecond;
    final int freeRulesPerRequest;
    final double internetFreeGbPerMonth;
    final double[] internetTierGb;
    final double[] internetUsdPerGb;
    final double interAzUsdPerGbEachWay;
    final double ipv4AddressHour;
    final double natHour;
    final double natGb;
    final int detailedMetricsPerInstance;
    final double metricMonth;
    final double alarmMonth;
    final double sqsFreeRequestsPerMonth;
    final double sqsUsdPerMillion;
    final long chunkBytes;
    final double snsFreePublishesPerMonth;
    final double snsUsdPerMillion;
    final double snapshotGbMonth;

    /** Prices from properties with the keys of the bundled resource. */
    public ServicePrices(Properties p) {
        monthHours = num(p, "month-hours");
        gbBytes = num(p, "gb-bytes");
        albHour = num(p, "alb.usd-per-hour");
        lcuHour = num(p, "alb.usd-per-lcu-hour");
        lcuNewConnectionsPerSecond = num(p, "alb.lcu.new-connections-per-second");
        lcuActiveConnectionsPerMinute = num(p, "alb.lcu.active-connections-per-minute");
        lcuProcessedGbPerHour = num(p, "alb.lcu.processed-gb-per-hour");
        lcuRuleEvaluationsPerSecond = num(p, "alb.lcu.rule-evaluations-per-second");
        freeRulesPerRequest = (int) num(p, "alb.lcu.free-rules-per-request");
        internetFreeGbPerMonth = num(p, "transfer.internet.free-gb-per-month");
        internetTierGb = list(p, "transfer.internet.tier-gb");
        internetUsdPerGb = list(p, "transfer.internet.usd-per-gb");
        if (internetUsdPerGb.length != internetTierGb.length + 1) {
            throw new IllegalArgumentException("transfer.internet.usd-per-gb needs one price more than tier-gb");
        }
        interAzUsdPerGbEachWay = num(p, "transfer.inter-az.usd-per-gb-each-direction");
        ipv4AddressHour = num(p, "ipv4.usd-per-address-hour");
        natHour = num(p, "nat.usd-per-hour");
        natGb = num(p, "nat.usd-per-gb");
        detailedMetricsPerInstance = (int) num(p, "cloudwatch.detailed-metrics-per-instance");
        metricMonth = num(p, "cloudwatch.usd-per-metric-month");
        alarmMonth = num(p, "cloudwatch.usd-per-alarm-month");
        sqsFreeRequestsPerMonth = num(p, "sqs.free-requests-per-month");
        sqsUsdPerMillion = num(p, "sqs.standard.usd-per-million-requests");
        chunkBytes = (long) num(p, "sqs.chunk-bytes");
        snsFreePublishesPerMonth = num(p, "sns.free-publishes-per-month");
        snsUsdPerMillion = num(p, "sns.usd-per-million-publishes");
        snapshotGbMonth = num(p, "snapshot.usd-per-gb-month");
    }

    /** The bundled us-east-1 prices. */
    public static ServicePrices bundled() {
        return BUNDLED;
    }

    /** Hours in the month that monthly prices and allowances are quoted per. */
    public double monthHours() {
        return monthHours;
    }

    /** Bytes in a billed GB. */
    public double gbBytes() {
        return gbBytes;
    }

    /** The fraction of a month that {@code durationMicros} is. */
    double months(long durationMicros) {
        return durationMicros / (monthHours * io.stratus.sim.Time.HOUR);
    }

    private static ServicePrices load() {
        return new ServicePrices(PriceBook.resource(RESOURCE));
    }

    private static double num(Properties p, String key) {
        return Double.parseDouble(PriceBook.required(p, key));
    }

    private static double[] list(Properties p, String key) {
        return Arrays.stream(PriceBook.required(p, key).split(",")).mapToDouble(s -> Double.parseDouble(s.trim()))
                .toArray();
    }
}
