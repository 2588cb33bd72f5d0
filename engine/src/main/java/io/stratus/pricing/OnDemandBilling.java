package io.stratus.pricing;

import io.stratus.compute.Instance;
import io.stratus.compute.InstanceListener;
import io.stratus.compute.InstanceState;
import io.stratus.infra.Tenancy;
import io.stratus.sim.Time;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * On-demand billing for Linux instances, as EC2 bills it: per second while running, with a
 * minimum of 60 seconds each time the instance enters running; nothing in any other state.
 *
 * <p>A thin view over a {@link UsageMeter} with every instance on demand: each running interval
 * is billed when it ends, in whole seconds rounded up (EC2 bills in one-second increments), at
 * the instance type's us-east-1 Linux on-demand price from the catalogue. Intervals still open
 * when the run ends are billed up to that moment by {@link #close(long)}, as if the instances
 * were stopped then.
 *
 * <p>An instance with tenancy host is not billed here at all: on EC2 an instance on a Dedicated
 * Host costs nothing per instance-second; the host is billed per host-hour for as long as it is
 * allocated ({@link HostAllocation}).
 *
 * <p>Billed time is accumulated as exact integers; money is computed from it only when asked,
 * so the total does not depend on the order intervals ended.
 */
public final class OnDemandBilling implements InstanceListener {

    /** The minimum billed each time an instance enters running. */
    public static final long MINIMUM_SECONDS = 60;

    private final UsageMeter meter = new UsageMeter();

    @Override
    public void stateChanged(Instance instance, InstanceState from, InstanceState to, long now) {
        if (instance.spec().tenancy() == Tenancy.HOST) {
            return; // its Dedicated Host is billed, per host-hour, not the instance
        }
        meter.stateChanged(instance, from, to, now);
    }

    /** Bills the running intervals still open at {@code now} (the end of the run). */
    public void close(long now) {
        meter.close(now);
    }

    /** Seconds billed for one running interval of {@code micros} microseconds. */
    public static long billableSeconds(long micros) {
        long seconds = (micros + Time.SECOND - 1) / Time.SECOND;
        return Math.max(MINIMUM_SECONDS, seconds);
    }

    /** Seconds billed so far, per instance type. */
    public Map<String, Long> billedSecondsByType() {
        Map<String, Long> micros = new TreeMap<>();
        meter.ledger().micros().forEach((key, m) -> micros.merge(key.type().name(), m, Long::sum));
        micros.replaceAll((type, m) -> m / Time.SECOND);
        return Collections.unmodifiableMap(micros);
    }

    /** Total billed so far, USD. */
    public double totalUsd() {
        double total = 0;
        Map<String, Double> prices = new TreeMap<>();
        meter.ledger().micros().forEach((key, m) -> prices.put(key.type().name(), key.type().onDemandUsdPerHour()));
        for (Map.Entry<String, Long> e : billedSecondsByType().entrySet()) {
            total += e.getValue() * prices.get(e.getKey()) / 3600.0;
        }
        return total;
    }
}
