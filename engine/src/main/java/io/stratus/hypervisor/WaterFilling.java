package io.stratus.hypervisor;

/**
 * Weighted max-min fair sharing of a capacity among demands, by water-filling.
 *
 * <p>Each claimant {@code i} has a demand {@code d_i >= 0} and a weight {@code w_i > 0}. If the
 * demands fit ({@code sum d_i <= C}) everyone gets its demand. Otherwise there is one water level
 * {@code L} with {@code sum_i min(d_i, L w_i) = C}, and claimant {@code i} gets
 * {@code min(d_i, L w_i)}: no one gets more than it asks, what a small claimant leaves is shared
 * by the others in proportion to their weights, and the whole capacity is used.
 *
 * <p>The level is found by rounds: each round offers every unsatisfied claimant its weighted part
 * of what is left and satisfies those whose demand is below it; with no one left to satisfy, the
 * rest is split by weight. O(k^2) in the worst case for {@code k} claimants, O(k) in the usual one
 * or two rounds; it allocates nothing (a host has tens of instances, not thousands).
 */
public final class WaterFilling {

    private WaterFilling() {
    }

    /**
     * Shares {@code capacity} among the first {@code k} claimants.
     *
     * @param out receives each claimant's allocation (it must hold {@code k} entries; it is also
     *            the working space, so it must not be {@code demand} or {@code weight})
     * @return the capacity allocated in total
     */
    public static double allocate(int k, double[] demand, double[] weight, double capacity, double[] out) {
        double total = 0;
        for (int i = 0; i < k; i++) {
            total += demand[i];
        }
        if (total <= capacity) {
            System.arraycopy(demand, 0, out, 0, k);
            return total;
        }
        for (int i = 0; i < k; i++) {
            out[i] = demand[i] == 0 ? 0 : -1; // -1 marks an unsatisfied claimant
        }
        double remaining = capacity;
        while (true) {
            double weights = 0;
            for (int i = 0; i < k; i++) {
                if (out[i] < 0) {
                    weights += weight[i];
                }
            }
            if (weights == 0) {
                return capacity - remaining;
            }
            double level = remaining / weights;
            boolean satisfiedSome = false;
            for (int i = 0; i < k; i++) {
                if (out[i] < 0 && demand[i] <= level * weight[i]) {
                    out[i] = demand[i];
                    remaining -= demand[i];
                    satisfiedSome = true;
                }
            }
            if (!satisfiedSome) {
                for (int i = 0; i < k; i++) {
                    if (out[i] < 0) {
                        out[i] = level * weight[i];
                    }
                }
                return capacity;
            }
        }
    }
}
