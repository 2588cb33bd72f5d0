package io.stratus.hypervisor;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.util.Arrays;

/**
 * Pools of capacity (a host's hardware threads, an instance's EBS bandwidth, a host's NVMe IOPS)
 * and the members that share each one by weighted max-min fairness ({@link WaterFilling}).
 *
 * <p>A pool keeps the running sum of its members' demands and whether it is contended (the sum
 * exceeds the capacity plus a relative tolerance that absorbs the rounding of the running sum),
 * and an efficiency applied to all its members' work (memory paging). Members are kept in the
 * order they joined, which fixes the summation order of the water-filling. Pools are numbered
 * from 0; a closed pool's number is reused. Nothing is allocated per share once the scratch
 * arrays have grown to the largest pool.
 */
final class SharedPools {

    private double[] capacity = new double[16];
    private double[] fitLimit = new double[16];
    private double[] demandSum = new double[16];
    private double[] efficiency = new double[16];
    private boolean[] contended = new boolean[16];
    private IntArrayList[] members = new IntArrayList[16];
    private final IntArrayList free = new IntArrayList();
    private int count;
    private double[] scratchDemand = new double[16];
    private double[] scratchWeight = new double[16];
    private double[] scratchAllocation = new double[16];

    /**
     * Opens a pool of {@code capacity} units; its demands fit while their sum is at most
     * {@code capacity * (1 + tolerance)}.
     */
    int open(double capacity, double tolerance) {
        int pool;
        if (!free.isEmpty()) {
            pool = free.popInt();
        } else {
            pool = count++;
            if (pool == this.capacity.length) {
                int n = pool * 2;
                this.capacity = Arrays.copyOf(this.capacity, n);
                fitLimit = Arrays.copyOf(fitLimit, n);
                demandSum = Arrays.copyOf(demandSum, n);
                efficiency = Arrays.copyOf(efficiency, n);
                contended = Arrays.copyOf(contended, n);
                members = Arrays.copyOf(members, n);
            }
            members[pool] = new IntArrayList();
        }
        this.capacity[pool] = capacity;
        fitLimit[pool] = capacity * (1 + tolerance);
        demandSum[pool] = 0;
        efficiency[pool] = 1.0;
        contended[pool] = false;
        return pool;
    }

    /** Closes an empty pool; its number may be reused. */
    void close(int pool) {
        if (!members[pool].isEmpty()) {
            throw new IllegalStateException("pool " + pool + " still has " + members[pool].size() + " members");
        }
        free.push(pool);
    }

    IntArrayList members(int pool) {
        return members[pool];
    }

    double capacity(int pool) {
        return capacity[pool];
    }

    double efficiency(int pool) {
        return efficiency[pool];
    }

    void setEfficiency(int pool, double e) {
        efficiency[pool] = e;
    }

    boolean contended(int pool) {
        return contended[pool];
    }

    /** Adds {@code delta} to the pool's demand; returns whether the pool's contention changed. */
    boolean addDemand(int pool, double delta) {
        demandSum[pool] += delta;
        boolean nowContended = !(demandSum[pool] <= fitLimit[pool]);
        boolean changed = nowContended != contended[pool];
        contended[pool] = nowContended;
        return changed;
    }

    /** Removes a member with demand {@code demand} (the pool is not re-shared here). */
    void leave(int pool, int member, double demand) {
        members[pool].rem(member);
        demandSum[pool] -= demand;
    }

    /**
     * Water-fills the pool's capacity among its members' demands and weights (indexed by member)
     * and returns the allocations, aligned with {@link #members} (valid until the next call).
     */
    double[] allocate(int pool, double[] demand, double[] weight) {
        IntArrayList m = members[pool];
        int k = m.size();
        if (k > scratchDemand.length) {
            int n = Math.max(k, scratchDemand.length * 2);
            scratchDemand = new double[n];
            scratchWeight = new double[n];
            scratchAllocation = new double[n];
        }
        for (int i = 0; i < k; i++) {
            int id = m.getInt(i);
            scratchDemand[i] = demand[id];
            scratchWeight[i] = weight[id];
        }
        WaterFilling.allocate(k, scratchDemand, scratchWeight, capacity[pool], scratchAllocation);
        return scratchAllocation;
    }
}
