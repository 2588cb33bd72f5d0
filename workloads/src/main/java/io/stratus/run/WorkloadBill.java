package io.stratus.run;

import io.stratus.compute.Fleet;
import io.stratus.compute.Instance;
import io.stratus.pricing.OnDemandBilling;
import io.stratus.storage.BlockStorage;
import java.util.function.IntPredicate;

/**
 * What one workload's instances cost on demand: its {@link OnDemandBilling} (closed intervals) and
 * {@link OwnedInstances} (live counts, intervals still open, EBS volumes), both listening to the
 * fleet for that workload's instances only, and the volumes' meter listening to the block storage.
 * Bills at on-demand prices (the dedicated price for Dedicated Instances), whatever purchase
 * strategy the run is also priced under.
 */
final class WorkloadBill {

    private final OnDemandBilling billing;
    private final OwnedInstances owned;
    private long closedAt;

    /** Listens to {@code fleet} and {@code storage} for the instances {@code owns} accepts. */
    WorkloadBill(Fleet fleet, BlockStorage storage, IntPredicate owns) {
        this.billing = new OnDemandBilling(fleet::surplusCredits);
        this.owned = new OwnedInstances(owns);
        fleet.addListener(billing.onlyFor(owns));
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
        return billing.totalUsd() + owned.openCostUsd(now) + owned.volumeCostUsd(now);
    }

    /** Closes the bill at the end of the run. */
    void close(long end) {
        billing.close(end);
        closedAt = end;
    }

    /** Instances and EBS volumes, after {@link #close}. */
    double costUsd() {
        return billing.totalUsd() + owned.volumeCostUsd(closedAt);
    }

    /** The EBS volumes' part of {@link #costUsd}. */
    double volumeCostUsd() {
        return owned.volumeCostUsd(closedAt);
    }

    /** Billed instance-seconds over every instance type. */
    long billedSeconds() {
        return billing.billedSecondsByType().values().stream().mapToLong(Long::longValue).sum();
    }
}
