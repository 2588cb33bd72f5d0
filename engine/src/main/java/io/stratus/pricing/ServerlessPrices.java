package io.stratus.pricing;

import io.stratus.compute.Architecture;
import java.util.Properties;

/**
 * The us-east-1 list prices of AWS Lambda (requests, duration per GB-second, Provisioned
 * Concurrency) and AWS Fargate (per vCPU-hour and GB-hour, one-minute minimum, the Spot discount),
 * per {@link Architecture}, from {@code serverless-prices-us-east-1.properties}, where each number
 * has its source. Immutable.
 *
 * <p>Assumptions: Lambda duration is priced in its first tier (up to 6 billion GB-seconds a month
 * per architecture, far above any bundled scenario); the free tier is not applied (it is the
 * account's, as the EC2 free tier, which is not modelled either); Fargate Spot is the full 70%
 * discount rather than its varying price.
 */
public final class ServerlessPrices {

    /** The bundled properties resource. */
    public static final String RESOURCE = "/io/stratus/pricing/serverless-prices-us-east-1.properties";

    private static final ServerlessPrices BUNDLED = load();

    final double monthHours;
    final double usdPerRequest;
    private final double[] gbSecond = new double[2];
    private final double[] provisionedGbSecond = new double[2];
    private final double[] provisionedDurationGbSecond = new double[2];
    final long provisionedRoundingSeconds;
    private final double[] vcpuHour = new double[2];
    private final double[] gbHour = new double[2];
    final long fargateMinimumSeconds;
    final double fargateSpotDiscount;

    /** Prices from properties with the keys of the bundled resource. */
    public ServerlessPrices(Properties p) {
        monthHours = num(p, "month-hours");
        usdPerRequest = num(p, "lambda.usd-per-million-requests") / 1e6;
        for (Architecture a : Architecture.values()) {
            int i = a.ordinal();
            gbSecond[i] = num(p, "lambda." + key(a) + ".usd-per-gb-second");
            provisionedGbSecond[i] = num(p, "lambda." + key(a) + ".provisioned.usd-per-gb-second");
            provisionedDurationGbSecond[i] = num(p, "lambda." + key(a) + ".provisioned.duration.usd-per-gb-second");
            vcpuHour[i] = num(p, "fargate." + key(a) + ".usd-per-vcpu-hour");
            gbHour[i] = num(p, "fargate." + key(a) + ".usd-per-gb-hour");
        }
        provisionedRoundingSeconds = (long) num(p, "lambda.provisioned.rounding-seconds");
        fargateMinimumSeconds = (long) num(p, "fargate.minimum-seconds");
        fargateSpotDiscount = num(p, "fargate.spot-discount");
        if (!(fargateSpotDiscount >= 0 && fargateSpotDiscount < 1)) {
            throw new IllegalArgumentException("fargate.spot-discount must be in [0, 1)");
        }
    }

    /** The bundled us-east-1 prices. */
    public static ServerlessPrices bundled() {
        return BUNDLED;
    }

    /** USD per Lambda request. */
    public double usdPerRequest() {
        return usdPerRequest;
    }

    /** USD per GB-second of on-demand Lambda duration. */
    public double usdPerGbSecond(Architecture a) {
        return gbSecond[a.ordinal()];
    }

    /** USD per GB-second of configured Provisioned Concurrency, whether used or not. */
    public double provisionedUsdPerGbSecond(Architecture a) {
        return provisionedGbSecond[a.ordinal()];
    }

    /** USD per GB-second of duration run on provisioned environments. */
    public double provisionedDurationUsdPerGbSecond(Architecture a) {
        return provisionedDurationGbSecond[a.ordinal()];
    }

    /** Seconds Provisioned Concurrency is rounded up to (five minutes). */
    public long provisionedRoundingSeconds() {
        return provisionedRoundingSeconds;
    }

    /** USD per vCPU-hour of a Fargate task, on demand. */
    public double fargateUsdPerVcpuHour(Architecture a) {
        return vcpuHour[a.ordinal()];
    }

    /** USD per GB-hour of a Fargate task's memory, on demand. */
    public double fargateUsdPerGbHour(Architecture a) {
        return gbHour[a.ordinal()];
    }

    /** The seconds a Fargate task is billed at least. */
    public long fargateMinimumSeconds() {
        return fargateMinimumSeconds;
    }

    /** Fargate Spot's discount off the Fargate price, 0 to 1. */
    public double fargateSpotDiscount() {
        return fargateSpotDiscount;
    }

    /** Hours in the month that monthly figures are quoted per. */
    public double monthHours() {
        return monthHours;
    }

    private static String key(Architecture a) {
        return a == Architecture.X86_64 ? "x86" : "arm64";
    }

    private static ServerlessPrices load() {
        return new ServerlessPrices(PriceBook.resource(RESOURCE));
    }

    private static double num(Properties p, String key) {
        return Double.parseDouble(PriceBook.required(p, key));
    }
}
