package io.stratus.pricing;

import io.stratus.storage.EbsVolume;
import io.stratus.storage.VolumeListener;
import io.stratus.storage.VolumeSpec;
import it.unimi.dsi.fastutil.ints.Int2ObjectAVLTreeMap;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.IntPredicate;

/**
 * Meters EBS volumes from the storage model's {@link VolumeListener} events: for each clock hour
 * and tenant (the volume's owner), the unit-microseconds of every {@link EbsPrices.Charge}
 * (GiB-microseconds of size, IOPS- and MiB/s-microseconds of provisioned performance), exact
 * integers. A volume accrues from creation to deletion, attached or not, its instance running or
 * stopped, as AWS bills it. Volumes still existing at the end of the run accrue up to
 * {@link #close(long)}.
 *
 * <p>{@link #EbsMeter()} meters every volume of the storage it listens to (one bill for the whole
 * run); {@link #forInstances(IntPredicate)} meters only the volumes attached to some instances
 * (the part of one workload's bill), each from its creation, which assumes a volume is attached
 * at the instant it is created, as a launch's root and data volumes are. A volume never attached
 * to such an instance is not that meter's.
 */
public final class EbsMeter implements VolumeListener {

    /** A clock hour and a tenant. */
    public record HourTenant(long hour, int tenant) implements Comparable<HourTenant> {
        @Override
        public int compareTo(HourTenant o) {
            int c = Long.compare(hour, o.hour);
            return c != 0 ? c : Integer.compare(tenant, o.tenant);
        }
    }

    private static final class Open {
        final VolumeSpec spec;
        final int tenant;
        long since;

        Open(VolumeSpec spec, int tenant, long since) {
            this.spec = spec;
            this.tenant = tenant;
            this.since = since;
        }
    }

    private final IntPredicate instances;
    private final Int2ObjectAVLTreeMap<Open> open = new Int2ObjectAVLTreeMap<>();
    private final SortedMap<HourTenant, long[]> unitMicros = new TreeMap<>();

    /** A meter of every volume. */
    public EbsMeter() {
        this.instances = null;
    }

    private EbsMeter(IntPredicate instances) {
        this.instances = Objects.requireNonNull(instances, "instances");
    }

    /** A meter of the volumes attached to the instances {@code instances} accepts (by instance id). */
    public static EbsMeter forInstances(IntPredicate instances) {
        return new EbsMeter(instances);
    }

    @Override
    public void volumeCreated(EbsVolume volume, long now) {
        if (instances == null) {
            start(volume.id(), volume.spec(), volume.tenant(), now);
        }
    }

    @Override
    public void volumeAttached(EbsVolume volume, int instance, long now) {
        if (instances != null && !open.containsKey(volume.id())
                && instances.test(instance)) {
            start(volume.id(), volume.spec(), volume.tenant(), volume.createdAt());
        }
    }

    @Override
    public void volumeDeleted(EbsVolume volume, long now) {
        Open v = open.remove(volume.id());
        if (v != null) {
            accrue(v, now);
        }
    }

    /**
     * Starts metering a volume directly, without the storage model (for hand-worked bills).
     *
     * @param since when it was created
     */
    public void start(int volume, VolumeSpec spec, int tenant, long since) {
        Objects.requireNonNull(spec, "spec");
        if (open.containsKey(volume)) {
            throw new IllegalStateException("volume " + volume + " is already metered");
        }
        if (tenant < 0) {
            throw new IllegalArgumentException("tenant must not be negative");
        }
        open.put(volume, new Open(spec, tenant, since));
    }

    /** Stops metering a volume started with {@link #start} (it was deleted at {@code now}). */
    public void stop(int volume, long now) {
        Open v = existing(volume);
        accrue(v, now);
        open.remove(volume);
    }

    /** Accrues every volume still existing up to {@code now} (the end of the run). */
    public void close(long now) {
        for (Open v : open.values()) {
            accrue(v, now);
        }
    }

    private Open existing(int volume) {
        Open v = open.get(volume);
        if (v == null) {
            throw new IllegalStateException("no volume " + volume);
        }
        return v;
    }

    private void accrue(Open v, long now) {
        long[] units = EbsPrices.units(v.spec);
        ClockHours.split(v.since, now, (hour, micros) -> {
            long[] acc = unitMicros.computeIfAbsent(new HourTenant(hour, v.tenant), k -> new long[units.length]);
            for (int i = 0; i < units.length; i++) {
                acc[i] = Math.addExact(acc[i], Math.multiplyExact(units[i], micros));
            }
        });
        v.since = now;
    }

    /** Unit-microseconds per hour and tenant, indexed by {@link EbsPrices.Charge#ordinal()} (read-only view). */
    public Map<HourTenant, long[]> unitMicros() {
        return Collections.unmodifiableMap(unitMicros);
    }

    /**
     * The whole cost at {@code prices} of everything metered up to {@code now}, volumes still
     * open included (accrued to {@code now} without closing them), for running totals.
     */
    public double totalUsd(EbsPrices prices, long now) {
        double usd = 0;
        for (long[] units : unitMicros.values()) {
            usd += usd(prices, units, 1);
        }
        for (Open v : open.values()) {
            if (now > v.since) {
                usd += usd(prices, EbsPrices.units(v.spec), now - v.since);
            }
        }
        return usd;
    }

    private static double usd(EbsPrices prices, long[] units, long micros) {
        double usd = 0;
        for (EbsPrices.Charge c : EbsPrices.Charge.values()) {
            usd += prices.usd(c, Math.multiplyExact(units[c.ordinal()], micros));
        }
        return usd;
    }

    /** The cost of each hour and tenant at {@code prices}. */
    public SortedMap<HourTenant, Double> costs(EbsPrices prices) {
        SortedMap<HourTenant, Double> out = new TreeMap<>();
        for (Map.Entry<HourTenant, long[]> e : unitMicros.entrySet()) {
            out.put(e.getKey(), usd(prices, e.getValue(), 1));
        }
        return out;
    }
}
