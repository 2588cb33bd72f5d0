package io.stratus.hypervisor;

/**
 * How much slower a host's instances run when their active memory exceeds its physical memory
 * (memory overcommit).
 *
 * <p>A deliberate simplification: the hypervisor swaps the excess, and every instance on the host
 * runs at efficiency {@code 1 / (1 + penalty * excess / physical)}, where {@code excess} is active
 * memory beyond physical memory. With the default penalty of 10, 10% of excess memory makes every
 * job take twice as long. Real paging costs depend on which pages are touched, on the balloon
 * driver and on page sharing; none of that is modelled, and all reserved memory counts as active.
 *
 * @param penalty slowdown per unit of relative excess (0 disables the penalty)
 */
public record PagingModel(double penalty) {

    /** The default penalty: 10% excess doubles job times. */
    public static final PagingModel DEFAULT = new PagingModel(10.0);

    public PagingModel {
        if (!(penalty >= 0)) {
            throw new IllegalArgumentException("paging penalty must not be negative, got " + penalty);
        }
    }

    /** The efficiency of a host with {@code activeMib} of active memory and {@code physicalMib} of RAM. */
    public double efficiency(long activeMib, long physicalMib) {
        if (activeMib <= physicalMib) {
            return 1.0;
        }
        return 1.0 / (1.0 + penalty * (activeMib - physicalMib) / physicalMib);
    }
}
