package io.stratus.pricing;

import io.stratus.sim.Simulation;
import io.stratus.sim.Time;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * A cumulative count (such as requests arrived) split into clock hours, for charges priced per
 * hour (load balancer capacity units): read once at every clock hour by an event of its own, and
 * once more at the end of the run for the last partial hour. Reading only, so it changes nothing
 * the run does.
 */
public final class HourlyCounts {

    private final LongSupplier cumulative;
    private final LongArrayList perHour = new LongArrayList();
    private long last;
    private long lastAt;

    private HourlyCounts(LongSupplier cumulative) {
        this.cumulative = Objects.requireNonNull(cumulative, "cumulative");
    }

    /** Reads {@code cumulative} at every clock hour of {@code sim} from now on ({@code name} names the event). */
    public static HourlyCounts attach(Simulation sim, String name, LongSupplier cumulative) {
        HourlyCounts counts = new HourlyCounts(cumulative);
        int[] kind = new int[1];
        kind[0] = sim.registerKind(name + "/hourly-count", (s, d) -> {
            counts.sample(sim.now());
            sim.scheduleIn(Time.HOUR, kind[0], 0, 0);
        });
        sim.schedule(Time.HOUR, kind[0], 0, 0);
        return counts;
    }

    private void sample(long now) {
        long value = cumulative.getAsLong();
        perHour.add(value - last);
        last = value;
        lastAt = now;
    }

    /** The count of each clock hour up to {@code end} (the last one partial when {@code end} is not on the hour). */
    public long[] perHour(long end) {
        if (end > lastAt) {
            sample(end);
        }
        return perHour.toLongArray();
    }
}
