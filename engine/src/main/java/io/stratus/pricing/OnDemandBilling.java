package io.stratus.pricing;

import io.stratus.compute.Instance;
import io.stratus.compute.InstanceListener;
import io.stratus.compute.InstanceState;
import io.stratus.sim.Time;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * On-demand billing for Linux instances, as EC2 bills it: per second while running, with a
 * minimum of 60 seconds each time the instance enters running; nothing in any other state.
 *
 * <p>Each running interval is billed when it ends, in whole seconds rounded up (EC2 bills in
 * one-second increments), at the instance type's us-east-1 Linux on-demand price from the
 * catalogue. Intervals still open when the run ends are billed up to that moment by
 * {@link #close(long)}, as if the instances were stopped then.
 *
 * <p>Billed seconds are accumulated per instance type as exact integers; money is computed from
 * them only when asked, so the total does not depend on the order intervals ended.
 */
public final class OnDemandBilling implements InstanceListener {

    /** The minimum billed each time an instance enters running. */
    public static final long MINIMUM_SECONDS = 60;

    private long[] runningSince = new long[16];
    private final Map<String, Long> billedSecondsByType = new TreeMap<>();
    private final Map<String, Double> priceByType = new TreeMap<>();
    private final List<Instance> open = new ArrayList<>();

    @Override
    public void stateChanged(Instance instance, InstanceState from, InstanceState to, long now) {
        int id = instance.id();
        if (to == InstanceState.RUNNING) {
            if (!instance.type().isPriced()) {
                throw new IllegalStateException("instance type " + instance.type().name()
                        + " has no on-demand price in the catalogue");
            }
            if (id >= runningSince.length) {
                runningSince = Arrays.copyOf(runningSince, Math.max(id + 1, runningSince.length * 2));
            }
            runningSince[id] = now;
            open.add(instance);
        } else if (from == InstanceState.RUNNING) {
            bill(instance, now);
            open.remove(instance);
        }
    }

    /** Bills the running intervals still open at {@code now} (the end of the run). */
    public void close(long now) {
        for (Instance instance : open) {
            bill(instance, now);
        }
        open.clear();
    }

    /** Seconds billed for one running interval of {@code micros} microseconds. */
    public static long billableSeconds(long micros) {
        long seconds = (micros + Time.SECOND - 1) / Time.SECOND;
        return Math.max(MINIMUM_SECONDS, seconds);
    }

    private void bill(Instance instance, long now) {
        String type = instance.type().name();
        billedSecondsByType.merge(type, billableSeconds(now - runningSince[instance.id()]), Long::sum);
        priceByType.put(type, instance.type().onDemandUsdPerHour());
    }

    /** Seconds billed so far, per instance type. */
    public Map<String, Long> billedSecondsByType() {
        return Collections.unmodifiableMap(billedSecondsByType);
    }

    /** Total billed so far, USD. */
    public double totalUsd() {
        double total = 0;
        for (Map.Entry<String, Long> e : billedSecondsByType.entrySet()) {
            total += e.getValue() * priceByType.get(e.getKey()) / 3600.0;
        }
        return total;
    }
}
