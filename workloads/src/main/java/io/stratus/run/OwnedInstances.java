package io.stratus.run;

import io.stratus.compute.Instance;
import io.stratus.compute.InstanceListener;
import io.stratus.compute.InstanceState;
import io.stratus.compute.PurchaseOption;
import io.stratus.pricing.EbsMeter;
import io.stratus.pricing.EbsPrices;
import io.stratus.pricing.OnDemandBilling;
import io.stratus.pricing.PriceBook;
import it.unimi.dsi.fastutil.ints.Int2ObjectLinkedOpenHashMap;
import java.util.function.IntPredicate;

/**
 * Live counts of the instances one owner (a service, a batch workload) launched: how many are in
 * each state, the memory they hold on hosts, and what their running intervals not yet billed
 * would cost if they ended now. Kept up to date as a lifecycle listener, so reading it costs
 * nothing per instance ever launched. Also meters the EBS volumes of those instances (their root
 * volumes and any data volumes), at the bundled us-east-1 EBS prices: {@link #volumes()} must be
 * added to the run's {@link io.stratus.storage.BlockStorage}.
 */
final class OwnedInstances implements InstanceListener {

    private static final EbsPrices EBS_PRICES = PriceBook.bundled().ebs();

    private final IntPredicate owns;
    private final EbsMeter volumes;
    private final int[] byState = new int[InstanceState.values().length];
    private final Int2ObjectLinkedOpenHashMap<Instance> running = new Int2ObjectLinkedOpenHashMap<>();
    private final Int2ObjectLinkedOpenHashMap<Instance> holding = new Int2ObjectLinkedOpenHashMap<>();

    OwnedInstances(IntPredicate owns) {
        this.owns = owns;
        this.volumes = EbsMeter.forInstances(owns);
    }

    /** The meter of the owner's EBS volumes, to add to the run's block storage as a listener. */
    EbsMeter volumes() {
        return volumes;
    }

    /** What the owner's EBS volumes have cost up to {@code now}, volumes still existing included. */
    double volumeCostUsd(long now) {
        return volumes.totalUsd(EBS_PRICES, now);
    }

    /** Counts an instance just launched (it starts pending, with no state change to hear of). */
    void launched(Instance instance) {
        byState[InstanceState.PENDING.ordinal()]++;
        holding.put(instance.id(), instance);
    }

    @Override
    public void stateChanged(Instance instance, InstanceState from, InstanceState to, long now) {
        if (!owns.test(instance.id())) {
            return;
        }
        byState[from.ordinal()]--;
        byState[to.ordinal()]++;
        if (to == InstanceState.RUNNING) {
            running.put(instance.id(), instance);
        } else if (from == InstanceState.RUNNING) {
            running.remove(instance.id());
        }
        // an instance holds host memory from launch (or start) until it is stopped or terminated
        if (to == InstanceState.TERMINATED || to == InstanceState.STOPPED) {
            holding.remove(instance.id());
        } else if (from == InstanceState.STOPPED) {
            holding.put(instance.id(), instance);
        }
    }

    /** Instances now in {@code state}. */
    int count(InstanceState state) {
        return byState[state.ordinal()];
    }

    /** Instances stopping, stopped or shutting down. */
    int stoppedOrStopping() {
        return count(InstanceState.STOPPING) + count(InstanceState.STOPPED) + count(InstanceState.SHUTTING_DOWN);
    }

    /** Memory held on hosts (instances from launch until stopped or terminated), GiB. */
    double memoryGib() {
        double gib = 0;
        for (Instance instance : holding.values()) {
            gib += instance.type().memoryGib();
        }
        return gib;
    }

    /**
     * Cost of the running intervals still open, as if they ended at {@code now}, at the price
     * their tenancy sets ({@link OnDemandBilling#usdPerHour}): on demand, the dedicated price for
     * Dedicated Instances (without the per-account region fee), nothing for instances on Dedicated
     * Hosts (their hosts are billed); without the spot instances when {@code exceptSpot} (billed
     * elsewhere at the spot price). Burstable surplus credits are counted when the interval closes.
     */
    double openCostUsd(long now, boolean exceptSpot) {
        double cost = 0;
        for (Instance instance : running.values()) {
            if (exceptSpot && instance.spec().purchase() == PurchaseOption.SPOT) {
                continue; // billed at the spot price by the workload's SpotBilling
            }
            cost += OnDemandBilling.billableSeconds(now - OnDemandBilling.billedSince(instance, instance.stateSince()))
                    * OnDemandBilling.usdPerHour(instance) / 3600;
        }
        return cost;
    }
}
