package io.stratus.run;

import io.stratus.hypervisor.CpuSharing;
import it.unimi.dsi.fastutil.ints.IntArrayList;

/**
 * The CPU time of a set of instances since the start of the run: vCPU-microseconds busy, offered
 * and stolen, summed over every instance ever in the set (their counters stay after they leave).
 */
record CpuTotals(long busy, long capacity, double steal) {

    static final CpuTotals ZERO = new CpuTotals(0, 0, 0);

    /** The totals of {@code ids} now. */
    static CpuTotals of(CpuSharing cpus, IntArrayList ids) {
        long busy = 0;
        long capacity = 0;
        double steal = 0;
        for (int i = 0; i < ids.size(); i++) {
            int id = ids.getInt(i);
            busy += cpus.busyVcpuMicros(id);
            capacity += cpus.capacityVcpuMicros(id);
            steal += cpus.stealVcpuMicros(id);
        }
        return new CpuTotals(busy, capacity, steal);
    }
}
