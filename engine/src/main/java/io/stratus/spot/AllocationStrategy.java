package io.stratus.spot;

import java.util.Arrays;
import java.util.List;

/**
 * How a mixed-instances group or an EC2 Fleet chooses the spot capacity pool of its next spot
 * instance among its candidate pools (its instance types, in the zone the group balances into),
 * with the names EC2 uses:
 * <ul>
 *   <li>{@code lowest-price}: the pool with the lowest price per unit of capacity (price over
 *       the type's weight);</li>
 *   <li>{@code capacity-optimized}: the deepest pool now (most spare capacity, so least likely to
 *       be interrupted), whatever its price;</li>
 *   <li>{@code price-capacity-optimized}: among the pools at least half as deep as the deepest,
 *       the lowest price per unit (EC2 "identifies the pools with the highest capacity
 *       availability" and then "requests Spot Instances from the lowest priced of these pools";
 *       the half-depth cut is this model's reading of "highest");</li>
 *   <li>{@code diversified}: spreads evenly, the pool holding the fewest of the owner's spot
 *       capacity units (weights counted), so one pool's capacity drop reclaims the least.</li>
 * </ul>
 * Ties go to the earlier candidate (the overrides' priority order). A choice reads primitive
 * arrays the caller owns and allocates nothing.
 */
public enum AllocationStrategy {
    LOWEST_PRICE("lowest-price"),
    CAPACITY_OPTIMIZED("capacity-optimized"),
    PRICE_CAPACITY_OPTIMIZED("price-capacity-optimized"),
    DIVERSIFIED("diversified");

    /** The depth, as a share of the deepest candidate's, a pool needs to count as deep (price-capacity-optimized). */
    public static final double DEEP_SHARE = 0.5;

    private final String apiName;

    AllocationStrategy(String apiName) {
        this.apiName = apiName;
    }

    /** The name EC2 and the scenario format use. */
    public String apiName() {
        return apiName;
    }

    /** The strategy named {@code name}, or null for an unknown name. */
    public static AllocationStrategy byName(String name) {
        for (AllocationStrategy s : values()) {
            if (s.apiName.equals(name)) {
                return s;
            }
        }
        return null;
    }

    /** Every name, in declaration order. */
    public static List<String> names() {
        return Arrays.stream(values()).map(AllocationStrategy::apiName).toList();
    }

    /**
     * The index of the chosen pool among candidates {@code 0..n-1} whose {@code allowed[i]} is
     * true, or -1 when none is allowed.
     *
     * @param unitPrice spot price per hour divided by the type's weight
     * @param depth     the pools' depth now ({@link SpotPoolView#depth})
     * @param units     the owner's spot capacity units already in each pool
     */
    public int choose(double[] unitPrice, double[] depth, int[] units, boolean[] allowed, int n) {
        double deepest = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            if (allowed[i]) {
                deepest = Math.max(deepest, depth[i]);
            }
        }
        int best = -1;
        for (int i = 0; i < n; i++) {
            if (allowed[i] && (this != PRICE_CAPACITY_OPTIMIZED || depth[i] >= DEEP_SHARE * deepest)
                    && (best < 0 || better(i, best, unitPrice, depth, units))) {
                best = i;
            }
        }
        return best;
    }

    private boolean better(int i, int best, double[] unitPrice, double[] depth, int[] units) {
        switch (this) {
            case LOWEST_PRICE:
            case PRICE_CAPACITY_OPTIMIZED:
                return unitPrice[i] < unitPrice[best];
            case CAPACITY_OPTIMIZED:
                return depth[i] > depth[best];
            case DIVERSIFIED:
                return units[i] < units[best];
            default:
                throw new AssertionError(this);
        }
    }
}
