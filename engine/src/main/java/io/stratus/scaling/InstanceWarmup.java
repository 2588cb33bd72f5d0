package io.stratus.scaling;

/**
 * EC2 Auto Scaling's rule for the instance warm-up a scaling policy uses: the group's default
 * instance warm-up if it is set, else the policy's estimated instance warm-up if it is set, else
 * the group's default cooldown (300 s unless changed). While warming, a new instance is left out
 * of the group's aggregated metrics and counted as capacity already added.
 *
 * <p>Source: Amazon EC2 Auto Scaling User Guide, "Set the default instance warmup for an Auto
 * Scaling group" (if neither is set, "the default cooldown" applies, 300 seconds); DOMAIN.md.
 * Simplification: the simulator keeps one warm-up per group, the one its target-tracking policy
 * resolves to; EC2 resolves it per policy.
 */
public final class InstanceWarmup {

    /** A warm-up that is not set. */
    public static final long NOT_SET = -1;

    private InstanceWarmup() {
    }

    /**
     * The warm-up in effect.
     *
     * @param defaultInstanceWarmup the group's DefaultInstanceWarmup, or {@link #NOT_SET}
     * @param estimatedWarmup       the policy's EstimatedInstanceWarmup, or {@link #NOT_SET}
     * @param defaultCooldown       the group's DefaultCooldown
     */
    public static long effective(long defaultInstanceWarmup, long estimatedWarmup, long defaultCooldown) {
        if (defaultCooldown < 0 || defaultInstanceWarmup < NOT_SET || estimatedWarmup < NOT_SET) {
            throw new IllegalArgumentException("warm-ups and cooldown must not be negative");
        }
        if (defaultInstanceWarmup != NOT_SET) {
            return defaultInstanceWarmup;
        }
        return estimatedWarmup != NOT_SET ? estimatedWarmup : defaultCooldown;
    }
}
