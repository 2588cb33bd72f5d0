package io.stratus.scaling;

import io.stratus.compute.Fleet;
import io.stratus.compute.Instance;
import io.stratus.compute.InstanceListener;
import io.stratus.compute.InstanceState;
import io.stratus.compute.InstancesDistribution;
import io.stratus.compute.LaunchSpec;
import io.stratus.compute.PurchaseMix;
import io.stratus.lb.TargetGroup;
import java.util.List;
import java.util.Objects;
import java.util.function.IntPredicate;

/**
 * A fixed fleet of instances that keeps its size as an Auto Scaling group with min = max =
 * desired would, without scaling policies: {@link #start} launches {@code count} instances
 * spread round-robin over the zones, registered in the target groups; an instance of the fleet
 * (launched with its spec's group tag) that leaves running without being asked to (a reclaimed
 * spot instance, a host failure) is replaced at once by a new one in the same zone. Each launch
 * takes its on-demand / spot option from the fleet's {@link InstancesDistribution} over its own
 * live instances (a {@link PurchaseMix}), so a replacement keeps the split.
 *
 * <p>Simplified: the replacement is launched the moment the old instance starts shutting down or
 * stopping (no health-check delay, no grace period); a launch that finds no host is not retried.
 * Its owner forwards lifecycle changes to {@link #stateChanged} (so that it can order the
 * replacement after its own bookkeeping), or adds it to the fleet as a listener.
 */
public final class FixedFleet implements InstanceListener {

    private final Fleet fleet;
    private final LaunchSpec spec;
    private final int count;
    private final int zoneCount;
    private final List<TargetGroup> targetGroups;
    private final PurchaseMix purchases;
    private long replacements;
    private IntPredicate stoppedOnPurpose = id -> false;

    /**
     * @param spec         what to launch; its group tag marks the fleet's instances
     * @param count        instances to keep
     * @param zoneCount    zones to spread them over, 0 to {@code zoneCount - 1}
     * @param targetGroups where each new instance registers
     */
    public FixedFleet(Fleet fleet, LaunchSpec spec, int count, int zoneCount, List<TargetGroup> targetGroups) {
        this(fleet, spec, count, zoneCount, targetGroups, InstancesDistribution.ON_DEMAND);
    }

    /**
     * A fixed fleet whose instances are bought by {@code purchase} (on-demand base, spot share above it).
     */
    public FixedFleet(Fleet fleet, LaunchSpec spec, int count, int zoneCount, List<TargetGroup> targetGroups,
                      InstancesDistribution purchase) {
        this.fleet = Objects.requireNonNull(fleet, "fleet");
        this.spec = Objects.requireNonNull(spec, "spec");
        if (count < 0 || zoneCount < 1) {
            throw new IllegalArgumentException("count >= 0 and zoneCount >= 1, got " + count + ", " + zoneCount);
        }
        this.count = count;
        this.zoneCount = zoneCount;
        this.targetGroups = List.copyOf(targetGroups);
        this.purchases = new PurchaseMix(purchase);
    }

    /** Launches the fleet now. */
    public void start() {
        for (int i = 0; i < count; i++) {
            launch(i % zoneCount);
        }
    }

    /** Launches one instance in {@code zone}; false if no host had room. */
    private boolean launch(int zone) {
        LaunchSpec bought = purchases.launchSpec(spec.withZone(zone));
        int id = fleet.launch(bought);
        if (id < 0) {
            purchases.left(bought.purchase());
            return false;
        }
        for (TargetGroup g : targetGroups) {
            g.register(id);
        }
        return true;
    }

    @Override
    public void stateChanged(Instance instance, InstanceState from, InstanceState to, long now) {
        if (instance.spec().group().equals(spec.group())
                && (to == InstanceState.SHUTTING_DOWN
                || to == InstanceState.STOPPING && !stoppedOnPurpose.test(instance.id()))) {
            purchases.left(instance.spec().purchase());
            replacements++;
            launch(instance.zone());
        }
    }

    /**
     * Tells the fleet which of its stopping instances its owner stopped on purpose (office hours,
     * {@link io.stratus.compute.InstanceScheduler}): those are not replaced.
     */
    public void exceptStopped(IntPredicate onPurpose) {
        this.stoppedOnPurpose = Objects.requireNonNull(onPurpose, "onPurpose");
    }

    /** Instances launched to replace one that left running unasked. */
    public long replacements() {
        return replacements;
    }
}
