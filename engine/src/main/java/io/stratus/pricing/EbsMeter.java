package io.stratus.pricing;

import it.unimi.dsi.fastutil.ints.Int2ObjectAVLTreeMap;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Meters EBS volumes from their {@link VolumeListener} events: for each clock hour and tenant,
 * the unit-microseconds of every {@link EbsPrices.Charge} (GiB-microseconds of size, IOPS- and
 * MiB/s-microseconds of provisioned performance), exact integers. A volume accrues from creation
 * to deletion, attached or not, its instance running or stopped. Volumes still existing at the
 * end of the run accrue up to {@link #close(long)}.
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
        VolumeSpec spec;
        final int tenant;
        long since;

        Open(VolumeSpec spec, int tenant, long since) {
            this.spec = spec;
            this.tenant = tenant;
            this.since = since;
        }
    }

    private final Int2ObjectAVLTreeMap<Open> open = new Int2ObjectAVLTreeMap<>();
    private final SortedMap<HourTenant, long[]> unitMicros = new TreeMap<>();

    @Override
    public void volumeCreated(int volume, VolumeSpec spec, int tenant, long now) {
        Objects.requireNonNull(spec, "spec");
        if (open.containsKey(volume)) {
            throw new IllegalStateException("volume " + volume + " already exists");
        }
        if (tenant < 0) {
            throw new IllegalArgumentException("tenant must not be negative");
        }
        open.put(volume, new Open(spec, tenant, now));
    }

    @Override
    public void volumeModified(int volume, VolumeSpec spec, long now) {
        Open v = existing(volume);
        accrue(v, now);
        v.spec = Objects.requireNonNull(spec, "spec");
    }

    @Override
    public void volumeDeleted(int volume, long now) {
        accrue(existing(volume), now);
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

    /** The cost of each hour and tenant at {@code prices}. */
    public SortedMap<HourTenant, Double> costs(EbsPrices prices) {
        SortedMap<HourTenant, Double> out = new TreeMap<>();
        for (Map.Entry<HourTenant, long[]> e : unitMicros.entrySet()) {
            double usd = 0;
            for (EbsPrices.Charge c : EbsPrices.Charge.values()) {
                usd += prices.usd(c, e.getValue()[c.ordinal()]);
            }
            out.put(e.getKey(), usd);
        }
        return out;
    }
}
