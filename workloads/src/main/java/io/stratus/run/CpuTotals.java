package io.stratus.run;

import io.stratus.hypervisor.CpuSharing;

/**
 * The CPU time of a set of instances since the start of the run: vCPU-microseconds busy, offered
 * and stolen, summed over every instance ever in the set.
 */
record CpuTotals(long busy, long capacity, double steal) {

    static final CpuTotals ZERO = new CpuTotals(0, 0, 0);

    /** The totals of instance {@code id} now (0 once the CPU sharing has forgotten it). */
    static CpuTotals of(CpuSharing cpus, int id) {
        return new CpuTotals(cpus.busyVcpuMicros(id), cpus.capacityVcpuMicros(id), cpus.stealVcpuMicros(id));
    }

    /** These totals plus {@code other}'s. */
    CpuTotals plus(CpuTotals other) {
        return new CpuTotals(busy + other.busy, capacity + other.capacity, steal + other.steal);
    }
}
