package io.stratus.run;

import io.stratus.compute.Fleet;
import io.stratus.compute.Instance;
import io.stratus.pricing.OnDemandBilling;
import io.stratus.pricing.SpotBilling;
import io.stratus.storage.BlockStorage;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * What one workload's instances cost: its {@link OnDemandBilling} (closed intervals) and
 * {@link OwnedInstances} (live counts, intervals still open, EBS volumes), both listening to the
 * fleet for that workload's instances only, and the volumes' meter listening to the block storage.
 * Bills at on-demand prices (the dedicated price for Dedicated Instances), except, for a workload
 * built with the run's {@link Purchases}, the instances it launched as spot: those at the simulated
 * spot price of their pool each hour ({@link SpotBilling}), whatever purchase strategy the run is
 * also priced under.
 */
final class WorkloadBill {

    private final OnDemandBilling billing;
    private final SpotBilling spot;
    private final OwnedInstances owned;
    private long closedAt;

    /** Listens to {@code fleet} and {@code storage} for the instances {@code owns} accepts, all billed on demand. */
    WorkloadBill(Fleet fleet, BlockStorage storage, IntPredicate owns) {
        this(fleet, storage, owns, null);
    }

    /**
     * As above, but with the run's {@code purchases}: when the run has a spot market, the workload's
     * spot instances are billed at their pools' spot prices (and their reclaims heard), the others
     * on demand.
     */
    WorkloadBill(Fleet fleet, BlockStorage storage, IntPredicate owns, Purchases purchases) {
        this.billing = new OnDemandBilling(fleet::surplusCredits);
        this.owned = new OwnedInstances(owns);
        this.spot = purchases == null || purchases.market() == null ? null
                : new SpotBilling(purchases.market().prices(), owns, fleet::surplusCredits);
        if (spot == null) {
            fleet.addListener(billing.onlyFor(owns));
        } else {
            fleet.addListener((instance, from, to, now) -> {
                if (owns.test(instance.id()) && !spot.bills(instance)) {
                    billing.stateChanged(instance, from, to, now);
                }
            });
            fleet.addListener(spot);
            purchases.listen(spot);
        }
        fleet.addListener(owned);
        storage.addListener(owned.volumes());
    }

    /** Counts an instance of the workload just launched (pending, before any state change). */
    void launched(Instance instance) {
        owned.launched(instance);
    }

    /** The live counts of the workload's instances. */
    OwnedInstances owned() {
        return owned;
    }

    /** The closed on-demand bill (Dedicated Instances' usage and ledger included). */
    OnDemandBilling billing() {
        return billing;
    }

    /** Cost so far, as if every running interval and volume ended {@code now}. */
    double costSoFarUsd(long now) {
        return billing.totalUsd() + owned.openCostUsd(now, spot != null) + owned.volumeCostUsd(now)
                + (spot == null ? 0 : spot.costSoFarUsd(now));
    }

    /** Closes the bill at the end of the run. */
    void close(long end) {
        billing.close(end);
        if (spot != null) {
            spot.close(end);
        }
        closedAt = end;
    }

    /** Instances and EBS volumes, after {@link #close}. */
    double costUsd() {
        return billing.totalUsd() + spotCostUsd() + owned.volumeCostUsd(closedAt);
    }

    /** Billed spot seconds per pool {@code TYPE@ZONE} (empty without a spot market). */
    Map<String, Long> spotSecondsByPool() {
        return spot == null ? Map.of() : spot.billedSecondsByPool();
    }

    /**
     * The spot instances' part of {@link #costUsd}, at their pools' spot prices, with their burstable
     * surplus credits (0 without a spot market).
     */
    double spotCostUsd() {
        return spot == null ? 0 : spot.totalUsd();
    }

    /** The EBS volumes' part of {@link #costUsd}. */
    double volumeCostUsd() {
        return owned.volumeCostUsd(closedAt);
    }

    /** Billed instance-seconds over every instance type. */
    long billedSeconds() {
        return billing.billedSecondsByType().values().stream().mapToLong(Long::longValue).sum()
                + (spot == null ? 0 : spot.billedSeconds());
    }
}
