package io.stratus.infra;

import java.util.Objects;

/**
 * The hardware of one kind of physical host, and how much of it is sold.
 *
 * <p>An EC2 host of a family has the resources of that family's {@code metal} size (an m5 host
 * has m5.metal's 96 threads and 384 GiB), so that instance sizes pack as they do on EC2.
 *
 * <p>{@code threads} and {@code memoryMib} are what the host <em>sells</em>: the vCPU slots and
 * MiB that {@link HostTable} reserves and placement counts. Without overcommit (the default, and
 * what EC2 does for non-burstable types) they equal the physical {@code physicalThreads} and
 * {@code physicalMemoryMib}; {@link #overcommitted} sells more than there is, and the hypervisor
 * then shares the physical resources among the instances.
 *
 * @param name              a name for reports, such as {@code m5-host}
 * @param family            the instance family the host runs, such as {@code m5}
 * @param threads           vCPU slots sold (physical threads times the CPU overcommit ratio)
 * @param memoryMib         memory sold in MiB (physical memory times the memory overcommit ratio)
 * @param physicalThreads   hardware threads
 * @param physicalMemoryMib physical memory in MiB
 * @param instanceStoreGib  local NVMe capacity for instance store, 0 if none
 * @param nvmeIops          random IOPS of the local NVMe, shared by the host's instances
 * @param networkMbps       network bandwidth of the host
 * @param ebsMbps           EBS bandwidth of the host
 */
public record HostSpec(String name, String family, int threads, long memoryMib, int physicalThreads,
                       long physicalMemoryMib, double instanceStoreGib, long nvmeIops, int networkMbps,
                       int ebsMbps) {

    public HostSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(family, "family");
        if (threads <= 0 || physicalThreads <= 0) {
            throw new IllegalArgumentException(name + ": threads must be positive, got " + threads
                    + " sold, " + physicalThreads + " physical");
        }
        if (memoryMib <= 0 || physicalMemoryMib <= 0) {
            throw new IllegalArgumentException(name + ": memory must be positive, got " + memoryMib
                    + " MiB sold, " + physicalMemoryMib + " MiB physical");
        }
        if (threads < physicalThreads || memoryMib < physicalMemoryMib) {
            throw new IllegalArgumentException(name + ": cannot sell less than the hardware ("
                    + threads + " of " + physicalThreads + " threads, " + memoryMib + " of "
                    + physicalMemoryMib + " MiB)");
        }
        if (instanceStoreGib < 0 || nvmeIops < 0 || networkMbps < 0 || ebsMbps < 0) {
            throw new IllegalArgumentException(name + ": storage and bandwidth must not be negative");
        }
    }

    /** A host with only threads and memory, nothing overcommitted, no local disk or bandwidth figures. */
    public HostSpec(String name, String family, int threads, long memoryMib) {
        this(name, family, threads, memoryMib, threads, memoryMib, 0, 0, 0, 0);
    }

    /**
     * This host selling {@code cpuRatio} vCPUs per hardware thread and {@code memoryRatio} MiB per
     * physical MiB (both at least 1; 1 means no overcommit).
     */
    public HostSpec overcommitted(double cpuRatio, double memoryRatio) {
        if (!(cpuRatio >= 1) || !(memoryRatio >= 1)) {
            throw new IllegalArgumentException(name + ": overcommit ratios must be at least 1, got cpu "
                    + cpuRatio + ", memory " + memoryRatio);
        }
        return new HostSpec(name, family, (int) Math.floor(physicalThreads * cpuRatio),
                (long) Math.floor(physicalMemoryMib * memoryRatio), physicalThreads, physicalMemoryMib,
                instanceStoreGib, nvmeIops, networkMbps, ebsMbps);
    }

    /** vCPUs sold per hardware thread. */
    public double cpuOvercommit() {
        return (double) threads / physicalThreads;
    }

    /** Whether memory is sold beyond the physical memory. */
    public boolean memoryOvercommitted() {
        return memoryMib > physicalMemoryMib;
    }
}
