package io.stratus.hypervisor;

import it.unimi.dsi.fastutil.ints.IntArrayList;

/**
 * The hardware threads and memory of one host and the instances attached to it: the state that
 * {@link CpuSharing} shares by water-filling. A host-less instance gets a private pool as big as
 * its vCPUs, so it is never slowed by anyone.
 */
final class HostPool {

    final int threads;
    final long physicalMemoryMib;
    final IntArrayList members = new IntArrayList();
    double demandSum;
    long activeMemoryMib;
    double efficiency = 1.0;
    boolean contended;

    HostPool(int threads, long physicalMemoryMib) {
        this.threads = threads;
        this.physicalMemoryMib = physicalMemoryMib;
    }
}
