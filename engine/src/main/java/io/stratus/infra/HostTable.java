package io.stratus.infra;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The hosts of a region and what is reserved on each, in primitive arrays indexed by host number.
 *
 * <p>Reservations are exact (threads and MiB): a reservation that does not fit is refused, so
 * no host is ever over its physical threads or memory. vCPUs are not overcommitted: on EC2 each
 * vCPU of a (non-burstable) instance is a dedicated hardware thread.
 */
public final class HostTable implements HostView {

    private final List<Zone> zones;
    private final List<HostSpec> specs = new ArrayList<>();
    private int size;
    private int[] zoneOf = new int[16];
    private int[] specOf = new int[16];
    private int[] freeThreads = new int[16];
    private long[] freeMemoryMib = new long[16];
    private int[] instances = new int[16];
    private int[] rackOf = new int[16];
    private int racks;
    // per rack: the host after its last; per rack: its zone run; per run: the host after its last
    private int[] rackEnd = new int[16];
    private int[] runOfRack = new int[16];
    private int[] runEnd = new int[16];
    private int runs;
    private final List<HostCapacityListener> capacityListeners = new ArrayList<>();

    public HostTable(List<Zone> zones) {
        this.zones = List.copyOf(Objects.requireNonNull(zones, "zones"));
        if (this.zones.isEmpty()) {
            throw new IllegalArgumentException("a region needs at least one zone");
        }
        for (int i = 0; i < this.zones.size(); i++) {
            if (this.zones.get(i).index() != i) {
                throw new IllegalArgumentException("zone " + this.zones.get(i).name() + " has index "
                        + this.zones.get(i).index() + ", expected " + i);
            }
        }
    }

    /** Adds a listener told of every change of a host's free capacity. */
    public void addCapacityListener(HostCapacityListener listener) {
        capacityListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    private void capacityChanged(int host) {
        for (int i = 0; i < capacityListeners.size(); i++) {
            capacityListeners.get(i).capacityChanged(host);
        }
    }

    /**
     * Adds {@code count} hosts of {@code spec} in zone {@code zone}, each in a rack of its own
     * (no rack information: a spread placement group then spreads over distinct hosts).
     *
     * @return the number of the first host added
     */
    public int addHosts(HostSpec spec, int zone, int count) {
        return addHosts(spec, zone, count, 1);
    }

    /**
     * Adds {@code count} hosts of {@code spec} in zone {@code zone}, filling new racks of
     * {@code hostsPerRack} hosts in host order (the last rack may hold fewer). Racks are numbered
     * from 0 over the region, never span zones, and hold consecutive host numbers.
     *
     * @return the number of the first host added
     */
    public int addHosts(HostSpec spec, int zone, int count, int hostsPerRack) {
        Objects.requireNonNull(spec, "spec");
        if (hostsPerRack <= 0) {
            throw new IllegalArgumentException("hosts per rack must be positive, got " + hostsPerRack);
        }
        if (zone < 0 || zone >= zones.size()) {
            throw new IllegalArgumentException("no zone " + zone + " in a region of " + zones.size());
        }
        if (count < 0) {
            throw new IllegalArgumentException("host count must not be negative");
        }
        int specIndex = specs.indexOf(spec);
        if (specIndex < 0) {
            specs.add(spec);
            specIndex = specs.size() - 1;
        }
        ensureCapacity(size + count);
        int first = size;
        for (int i = 0; i < count; i++) {
            int h = size++;
            zoneOf[h] = zone;
            specOf[h] = specIndex;
            freeThreads[h] = spec.threads();
            freeMemoryMib[h] = spec.memoryMib();
            if (i % hostsPerRack == 0) {
                if (h == 0 || zoneOf[h - 1] != zone) {
                    runs++;
                    runEnd = grow(runEnd, runs);
                }
                racks++;
                rackEnd = grow(rackEnd, racks);
                runOfRack = grow(runOfRack, racks);
                runOfRack[racks - 1] = runs - 1;
            }
            rackOf[h] = racks - 1;
            rackEnd[racks - 1] = h + 1;
            runEnd[runs - 1] = h + 1;
            capacityChanged(h);
        }
        return first;
    }

    private static int[] grow(int[] a, int needed) {
        return needed <= a.length ? a : Arrays.copyOf(a, Math.max(needed, a.length * 2));
    }

    private void ensureCapacity(int needed) {
        if (needed <= zoneOf.length) {
            return;
        }
        int capacity = Math.max(needed, zoneOf.length * 2);
        zoneOf = Arrays.copyOf(zoneOf, capacity);
        specOf = Arrays.copyOf(specOf, capacity);
        freeThreads = Arrays.copyOf(freeThreads, capacity);
        freeMemoryMib = Arrays.copyOf(freeMemoryMib, capacity);
        instances = Arrays.copyOf(instances, capacity);
        rackOf = Arrays.copyOf(rackOf, capacity);
    }

    /**
     * Reserves threads and memory on a host for one instance.
     *
     * @throws IllegalStateException if it does not fit (placement must check first)
     */
    public void reserve(int host, int threads, long memoryMib) {
        if (!fits(host, threads, memoryMib)) {
            throw new IllegalStateException("host " + host + " has " + freeThreads[host] + " threads and "
                    + freeMemoryMib[host] + " MiB free, cannot reserve " + threads + " threads and "
                    + memoryMib + " MiB");
        }
        freeThreads[host] -= threads;
        freeMemoryMib[host] -= memoryMib;
        instances[host]++;
        capacityChanged(host);
    }

    /** Returns what {@link #reserve} took. */
    public void release(int host, int threads, long memoryMib) {
        HostSpec spec = spec(host);
        if (instances[host] == 0 || freeThreads[host] + threads > spec.threads()
                || freeMemoryMib[host] + memoryMib > spec.memoryMib()) {
            throw new IllegalStateException("host " + host + ": releasing more than was reserved");
        }
        freeThreads[host] += threads;
        freeMemoryMib[host] += memoryMib;
        instances[host]--;
        capacityChanged(host);
    }

    @Override
    public int hostCount() {
        return size;
    }

    @Override
    public int zoneCount() {
        return zones.size();
    }

    @Override
    public Zone zone(int index) {
        return zones.get(index);
    }

    /** The zones of the region. */
    public List<Zone> zones() {
        return zones;
    }

    @Override
    public int zoneOf(int host) {
        check(host);
        return zoneOf[host];
    }

    @Override
    public int rackOf(int host) {
        check(host);
        return rackOf[host];
    }

    @Override
    public int rackCount() {
        return racks;
    }

    @Override
    public int rackEnd(int host) {
        check(host);
        return rackEnd[rackOf[host]];
    }

    @Override
    public int zoneRunEnd(int host) {
        check(host);
        return runEnd[runOfRack[rackOf[host]]];
    }

    @Override
    public HostSpec spec(int host) {
        check(host);
        return specs.get(specOf[host]);
    }

    @Override
    public int freeThreads(int host) {
        check(host);
        return freeThreads[host];
    }

    @Override
    public long freeMemoryMib(int host) {
        check(host);
        return freeMemoryMib[host];
    }

    @Override
    public int instanceCount(int host) {
        check(host);
        return instances[host];
    }

    @Override
    public boolean fits(int host, int threads, long memoryMib) {
        check(host);
        return freeThreads[host] >= threads && freeMemoryMib[host] >= memoryMib;
    }

    /** Total physical threads over all hosts. */
    public long totalThreads() {
        long total = 0;
        for (int h = 0; h < size; h++) {
            total += spec(h).threads();
        }
        return total;
    }

    private void check(int host) {
        if (host < 0 || host >= size) {
            throw new IndexOutOfBoundsException("no host " + host + " (there are " + size + ")");
        }
    }
}
