package io.stratus.pricing;

import io.stratus.compute.Architecture;
import io.stratus.compute.Instance;
import io.stratus.compute.InstanceListener;
import io.stratus.compute.InstanceState;
import io.stratus.compute.LaunchListener;
import io.stratus.compute.PurchaseOption;
import it.unimi.dsi.fastutil.ints.Int2LongOpenHashMap;
import java.util.List;
import java.util.Objects;
import java.util.function.IntPredicate;

/**
 * Meters AWS Fargate tasks: a listener of the fleet's launches and state changes for the
 * instances that stand for one service's tasks ({@code owns}), billing each task from its launch
 * (the start of its image pull) to its termination, per second with the one-minute minimum
 * ({@link FargateCharges#billedSeconds}); tasks launched as spot are Fargate Spot. Live tasks are
 * billed as if they ended at the time asked.
 */
public final class FargateMeter implements LaunchListener, InstanceListener {

    private final ServerlessPrices prices;
    private final IntPredicate owns;
    private final String name;
    private final Architecture architecture;
    private final double vcpus;
    private final double memoryGb;
    /** Live tasks: id -> launch time x 2 + 1 if spot. */
    private final Int2LongOpenHashMap live = new Int2LongOpenHashMap();
    private long onDemandSeconds;
    private long spotSeconds;

    /** Meters the tasks {@code owns} accepts, each of {@code vcpus} and {@code memoryGb}, for service {@code name}. */
    public FargateMeter(ServerlessPrices prices, IntPredicate owns, String name, Architecture architecture,
                        double vcpus, double memoryGb) {
        this.prices = Objects.requireNonNull(prices, "prices");
        this.owns = Objects.requireNonNull(owns, "owns");
        this.name = Objects.requireNonNull(name, "name");
        this.architecture = Objects.requireNonNull(architecture, "architecture");
        this.vcpus = vcpus;
        this.memoryGb = memoryGb;
    }

    @Override
    public void launched(Instance instance, long now) {
        if (owns.test(instance.id())) {
            boolean spot = instance.spec().purchase() == PurchaseOption.SPOT;
            live.put(instance.id(), now * 2 + (spot ? 1 : 0));
        }
    }

    @Override
    public void stateChanged(Instance instance, InstanceState from, InstanceState to, long now) {
        if ((to == InstanceState.TERMINATED || to == InstanceState.STOPPED) && live.containsKey(instance.id())) {
            long v = live.remove(instance.id());
            add(v, now);
        }
    }

    private void add(long v, long now) {
        long seconds = FargateCharges.billedSeconds(prices, now - (v >> 1));
        if ((v & 1) != 0) {
            spotSeconds += seconds;
        } else {
            onDemandSeconds += seconds;
        }
    }

    /** The Fargate lines with every live task billed as if it stopped at {@code now}. */
    public List<Charge> lines(long now) {
        long od = onDemandSeconds;
        long sp = spotSeconds;
        for (Int2LongOpenHashMap.Entry e : live.int2LongEntrySet()) {
            long seconds = FargateCharges.billedSeconds(prices, now - (e.getLongValue() >> 1));
            if ((e.getLongValue() & 1) != 0) {
                sp += seconds;
            } else {
                od += seconds;
            }
        }
        return FargateCharges.of(prices, name, architecture, vcpus, memoryGb, od, sp);
    }
}
