/**
 * Prices, purchase options, metering and bills. Pricing only reads how an instance is bought
 * (its launch spec's {@link io.stratus.compute.PurchaseOption}, chosen by its owner's
 * {@link io.stratus.compute.InstancesDistribution}) and spot prices and reclaims from
 * {@code io.stratus.spot}; it decides nothing about the split.
 *
 * <p>Metering is a listener of lifecycle events, never a field on instances:
 * {@link io.stratus.pricing.UsageMeter} records billable instance time per clock hour, type,
 * zone, tenant and {@link io.stratus.compute.PurchaseOption}; {@link io.stratus.pricing.EbsMeter}
 * records EBS volumes from {@link io.stratus.storage.VolumeListener} events. A
 * {@link io.stratus.pricing.CostCalculator} then prices the usage hour by hour against a
 * {@link io.stratus.pricing.PriceBook} and the {@link io.stratus.pricing.Commitments}
 * (reservations, savings plans, Dedicated Hosts) of a {@link io.stratus.pricing.PurchaseStrategy};
 * {@link io.stratus.pricing.PricingSession} wires all of it to a simulation and produces a
 * {@link io.stratus.pricing.CostReport}. An instance's tenancy decides its purchase option before
 * any strategy does ({@link io.stratus.pricing.PurchaseAssignment#respectingTenancy()}): Dedicated
 * Instances are always {@code DEDICATED_INSTANCE} of their own tenant, with the per-account region
 * fee of {@link io.stratus.pricing.DedicatedRegionFee}.
 *
 * <p>Charges beyond instances and EBS volumes are {@link io.stratus.pricing.Charge} lines (kind,
 * name, unit, quantity, rate, cost) priced from {@link io.stratus.pricing.ServicePrices}
 * ({@code service-prices-us-east-1.properties}, each price with its source):
 * {@link io.stratus.pricing.LoadBalancerCharges} (ALB hours and LCUs from per-hour requests,
 * counted by {@link io.stratus.pricing.HourlyCounts}), {@link io.stratus.pricing.InternetEgress}
 * (tiers after the free allowance) and {@link io.stratus.pricing.ServiceCharges} (public IPv4,
 * inter-zone, NAT, CloudWatch, SQS, SNS, snapshots). A {@link io.stratus.pricing.Bill} carries them
 * in its total and its on-demand equivalent ({@link io.stratus.pricing.PricingSession#charges}).
 *
 * <p>Invariants: usage is exact integer microseconds (billable time: whole seconds, 60-second
 * minimum per entry into running); each hour, on-demand usage = reserved + savings-plan +
 * on-demand-billed usage; commitments cost the same whatever the usage; everything is
 * deterministic given the seed.
 */
package io.stratus.pricing;
